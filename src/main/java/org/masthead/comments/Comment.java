package org.masthead.comments;

import java.time.Instant;
import java.util.List;

/**
 * One stored comment. {@code email}, {@code ip} and {@code reasons} are for moderators only;
 * {@code ip} is null once the retention period has passed. {@code bySite} marks a reply a
 * moderator wrote as the site.
 */
public record Comment(long id, long articleId, Long parentId, int depth, String name, String email, String url,
                      String body, CommentStatus status, List<String> reasons, double spamScore, String ip,
                      boolean bySite, Instant createdAt, Instant updatedAt) {

    public Comment {
        reasons = List.copyOf(reasons);
    }

    /** The anchor of this comment on its article page. */
    public String anchor() {
        return "comment-" + id;
    }
}
