package org.masthead.comments;

/** Spam when the hidden field that people never see was filled in. */
final class HoneypotSignal implements SpamSignal {
    @Override
    public Finding check(Submission s) {
        return s.honeypot() == null || s.honeypot().isEmpty() ? Finding.NOTHING
                : Finding.spam("the hidden field that only robots see was filled in");
    }
}
