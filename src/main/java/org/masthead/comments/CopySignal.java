package org.masthead.comments;

/** Spam when the same text, long enough not to be a coincidence, came from other addresses this week. */
final class CopySignal implements SpamSignal {
    /** Texts at least this long count as copies of each other across commenters. */
    static final int COPY_LENGTH = 40;

    @Override
    public Finding check(Submission s) {
        String email = s.comment().email();
        long others = s.copies().stream().map(Comment::email).filter(e -> !e.equals(email)).distinct().count();
        if (others == 0 || CommentGate.normal(s.comment().body()).length() < COPY_LENGTH) {
            return Finding.NOTHING;
        }
        return Finding.spam("the same text came from " + others + " other address" + (others == 1 ? "" : "es")
                + " this week");
    }
}
