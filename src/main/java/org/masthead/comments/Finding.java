package org.masthead.comments;

import java.util.List;

/** What one {@link SpamSignal} found in a comment. */
sealed interface Finding {
    /**
     * Reasons kept with the comment for moderators; {@code status} is the least strict status
     * they allow: APPROVED when they are only a note, PENDING to hold the comment, SPAM.
     */
    record Noted(CommentStatus status, List<String> reasons) implements Finding {
        public Noted {
            reasons = List.copyOf(reasons);
        }
    }

    /** Not judged at all: answered to the commenter with the form kept. */
    record Refused(int httpStatus, String message) implements Finding {
    }

    Finding NOTHING = new Noted(CommentStatus.APPROVED, List.of());

    static Finding note(String reason) {
        return new Noted(CommentStatus.APPROVED, List.of(reason));
    }

    static Finding hold(String reason) {
        return new Noted(CommentStatus.PENDING, List.of(reason));
    }

    static Finding spam(String reason) {
        return new Noted(CommentStatus.SPAM, List.of(reason));
    }
}
