package org.masthead.comments.spam;

import java.util.Objects;

/** A comment's text and whether a person judged it spam: what the classifier learns from. */
public record LabeledComment(String text, boolean spam) {
    public LabeledComment {
        Objects.requireNonNull(text, "text");
    }
}
