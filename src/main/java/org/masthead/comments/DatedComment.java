package org.masthead.comments;

import java.time.Instant;

/**
 * A comment written before it reaches the site, already approved (the demo generator's):
 * what {@link CommentStore#addApproved} stores, at its depth in its thread and with its own
 * sending time.
 */
public record DatedComment(NewComment comment, int depth, Instant sentAt) {
}
