package org.masthead.comments;

/** Holds every comment when the site's admins chose to see each one before it appears. */
final class HoldAllSignal implements SpamSignal {
    @Override
    public Finding check(Submission s) {
        return s.settings().holdAll() ? Finding.hold("the site holds every comment for a moderator") : Finding.NOTHING;
    }
}
