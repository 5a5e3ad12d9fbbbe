package org.masthead.comments;

import org.masthead.comments.Finding.Refused;

/** Refuses the same comment sent twice by one address under one article (a double click, a resent form). */
final class RepeatSignal implements SpamSignal {
    @Override
    public Finding check(Submission s) {
        NewComment c = s.comment();
        boolean again = s.copies().stream()
                .anyMatch(copy -> copy.articleId() == c.articleId() && copy.email().equals(c.email()));
        return again ? new Refused(409, "You have already posted this comment here.") : Finding.NOTHING;
    }
}
