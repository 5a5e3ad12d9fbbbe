package org.masthead.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.db.Tx;

/**
 * The demo's reader comments from {@code demo/comments.txt}: a few threads, and one held and
 * one spam comment so the moderation queue has work in it.
 */
final class DemoComments {
    private final CommentStore comments;

    DemoComments(CommentStore comments) {
        this.comments = comments;
    }

    /** Adds the comments to the demo articles, given by slug with their ids and publication times. */
    void load(Tx tx, Map<String, Long> articleIds, Map<String, Instant> published) {
        Map<String, Comment> byKey = new HashMap<>();
        for (List<String> row : DemoResources.table("comments.txt")) {
            if (row.size() != 8) {
                throw new IllegalStateException("demo/comments.txt: 8 columns expected in " + row);
            }
            String slug = row.get(0);
            Long article = articleIds.get(slug);
            if (article == null) {
                throw new IllegalStateException("demo/comments.txt: no demo article " + slug);
            }
            Comment parent = "-".equals(row.get(2)) ? null : byKey.get(row.get(2));
            CommentStatus status = CommentStatus.valueOf(row.get(3));
            String body = row.get(7).replace("\\n", "\n");
            Instant at = published.get(slug).plus(Duration.ofMinutes(Long.parseLong(row.get(6))));
            List<String> reasons = switch (status) {
                case PENDING -> List.of("4 links (more than 2)");
                case SPAM -> List.of("the hidden field that only robots see was filled in");
                default -> List.of();
            };
            NewComment comment = new NewComment(article, parent == null ? null : parent.id(), row.get(4),
                    row.get(5), "", body, null);
            byKey.put(row.get(1), comments.add(tx, comment, parent == null ? 0 : parent.depth() + 1, status, reasons,
                    0, CommentGate.fingerprint(body), null, null, at));
        }
    }
}
