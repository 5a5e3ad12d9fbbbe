package org.masthead.comments;

/** Spam when the form came back sooner after it was shown than a person could have filled it in. */
final class FormAgeSignal implements SpamSignal {
    @Override
    public Finding check(Submission s) {
        return s.formAge().toSeconds() < s.settings().minFillSeconds()
                ? Finding.spam("sent " + s.formAge().toMillis() / 1000.0 + " s after the form was shown")
                : Finding.NOTHING;
    }
}
