package org.masthead.comments;

import java.util.List;
import java.util.Map;

/**
 * What an article page shows of its comments: one page of threads, the paging, whether the
 * form is open, and the form itself (empty, or as the reader sent it back with errors).
 *
 * @param total       approved comments on the article, replies included
 * @param order       the order the reader picked ("newest" or "oldest"), null for the site's default
 * @param closed      why the form is not offered, or null when it is
 * @param token       the signed form token for this article
 * @param notice      a message for the reader after posting, or null
 */
public record CommentsView(long articleId, String articleUrl, int total, List<Node> threads, int page, int pageCount,
                           boolean newestFirst, String order, String closed, Form form, String token, String notice,
                           String privacyUrl) {

    /** A comment and its replies, as rendered HTML; {@code canReply} is false at the deepest level. */
    public record Node(Comment comment, String html, List<Node> replies, boolean canReply) {
    }

    /** The comment form's fields, and its messages: per field, and one for the whole form. */
    public record Form(Long parent, String parentName, String name, String email, String url, String body,
                       Map<String, String> errors, String message) {
        public static final Form EMPTY = new Form(null, null, "", "", "", "", Map.of(), null);

        public Form withMessage(String text) {
            return new Form(parent, parentName, name, email, url, body, errors, text);
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }
    }

    public boolean open() {
        return closed == null;
    }

    /** The address of page {@code n} of the comments, in the order the reader chose. */
    public String pageUrl(int n) {
        return url(order, n, null) + "#comments";
    }

    /** The first page of comments in the other order. */
    public String otherOrderUrl() {
        return url(newestFirst ? "oldest" : "newest", 1, null) + "#comments";
    }

    /** The page with the form set to reply to a comment: replying without JavaScript. */
    public String replyUrl(long commentId) {
        return url(order, page, commentId) + "#comment-form";
    }

    private String url(String order, int n, Long replyTo) {
        StringBuilder query = new StringBuilder();
        if (order != null) {
            query.append("&corder=").append(order);
        }
        if (n > 1) {
            query.append("&cpage=").append(n);
        }
        if (replyTo != null) {
            query.append("&replyto=").append(replyTo);
        }
        return articleUrl + (query.isEmpty() ? "" : "?" + query.substring(1));
    }
}
