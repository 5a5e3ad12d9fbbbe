package org.masthead.comments;

import java.time.Instant;

/** A published article as comments see it: what a comment is posted under and links back to. */
public record CommentedArticle(long id, String url, Instant publishedAt) {
}
