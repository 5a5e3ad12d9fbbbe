package org.masthead.comments;

/** Holds a comment with more links than the site allows. */
final class LinkSignal implements SpamSignal {
    @Override
    public Finding check(Submission s) {
        int links = CommentText.links(s.comment().body());
        int allowed = s.settings().maxLinks();
        return links > allowed ? Finding.hold(links + " links (more than " + allowed + ")") : Finding.NOTHING;
    }
}
