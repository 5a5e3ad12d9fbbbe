package org.masthead.comments;

/**
 * One check a new comment passes before it is stored. The gate asks every signal in turn and
 * keeps what each found: a reason for moderators, perhaps with a stricter status, or a
 * refusal answered to the commenter.
 */
interface SpamSignal {
    Finding check(Submission s);
}
