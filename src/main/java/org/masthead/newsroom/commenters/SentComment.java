package org.masthead.newsroom.commenters;

import java.time.Instant;
import org.masthead.comments.CommentStatus;

/**
 * One comment as the commenter who sent it may ask to see it, with its article;
 * {@code articleUrl} is null while the article is not public, {@code ip} once it was dropped.
 */
public record SentComment(long id, long articleId, String headline, String articleUrl, Long parentId, String name,
                          String email, String website, String text, CommentStatus status, Instant postedAt,
                          Instant updatedAt, Instant statusAt, String ip) {
    private static final int EXCERPT = 300;

    /** Where the newsroom links it: the comment on its page, the public article, or the article's editor. */
    public String link() {
        if (articleUrl == null) {
            return "/newsroom/articles/" + articleId;
        }
        return status == CommentStatus.APPROVED ? articleUrl + "#comment-" + id : articleUrl;
    }

    /** The start of the text, enough to recognise it in a list. */
    public String excerpt() {
        int end = text.offsetByCodePoints(0, Math.min(text.codePointCount(0, text.length()), EXCERPT));
        return end < text.length() ? text.substring(0, end).stripTrailing() + "…" : text;
    }
}
