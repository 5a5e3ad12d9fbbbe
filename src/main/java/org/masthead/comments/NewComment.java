package org.masthead.comments;

/**
 * A comment as it arrives, checked for form but not yet judged: trimmed fields, the email
 * lowercased, the website empty when none was given.
 */
public record NewComment(long articleId, Long parentId, String name, String email, String url, String body,
                         String ip) {
}
