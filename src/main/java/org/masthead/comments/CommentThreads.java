package org.masthead.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the comment threads of an article page: approved comments as a tree (a reply whose
 * parent is not shown becomes a thread of its own), top-level threads paged in the reader's
 * order, replies always oldest first under their parent. The paging comes from the article's
 * outline; only the comments of the page shown are read in full.
 */
public final class CommentThreads {
    private final CommentStore store;
    private final ShownComments shown;
    private final FormToken tokens;

    public CommentThreads(CommentStore store, ShownComments shown, FormToken tokens) {
        this.store = store;
        this.shown = shown;
        this.tokens = tokens;
    }

    /** The reader's choices from the article URL's query. */
    public record Request(int page, String order, Long replyTo, String notice) {
        public static final Request FIRST = new Request(1, null, null, null);
    }

    /**
     * The comments part of an article page; {@code form} is what the reader sent back when it
     * needs correcting, or null for a fresh form. Null when the site takes no comments and the
     * article has none. Reads and renders only the comments on the page shown.
     */
    public CommentsView view(long articleId, String articleUrl, Instant publishedAt, Request request,
                             CommentsView.Form form, Instant now) {
        CommentSettings settings = store.settings();
        ShownComments.Kept kept = shown.of(articleId);
        String closed = closedReason(settings, kept.outline().open(), publishedAt, now);
        CommentOutline outline = kept.outline();
        if (!settings.enabled() && outline.total() == 0) {
            return null;
        }
        List<CommentOutline.Place> threads = outline.threads();
        boolean newestFirst = request.order() == null ? settings.newestFirst() : request.order().equals("newest");
        if (newestFirst) {
            threads = threads.reversed();
        }
        int perPage = Math.max(1, settings.perPage());
        int pageCount = Math.max(1, (threads.size() + perPage - 1) / perPage);
        int page = Math.min(Math.max(1, request.page()), pageCount);
        List<CommentOutline.Place> onPage = threads.subList((page - 1) * perPage, Math.min(threads.size(), page * perPage));
        Map<Long, ShownComments.Rendered> rendered = shown.rendered(articleId, CommentOutline.ids(onPage));
        CommentsView.Form shownForm = form != null ? form
                : replyForm(articleId, outline, rendered, request.replyTo(), settings.maxDepth());
        return new CommentsView(articleId, articleUrl, outline.total(), nodes(onPage, rendered, settings.maxDepth()),
                page, pageCount, newestFirst, request.order(), closed, shownForm, tokens.issue(articleId, now),
                request.notice(), settings.privacyUrl());
    }

    /** A fresh form, set to reply when the reader asked to and the comment takes replies; it may be on another page. */
    private CommentsView.Form replyForm(long articleId, CommentOutline outline, Map<Long, ShownComments.Rendered> rendered,
                                        Long replyTo, int maxDepth) {
        if (replyTo == null || !outline.contains(replyTo)) {
            return CommentsView.Form.EMPTY;
        }
        ShownComments.Rendered parent = rendered.containsKey(replyTo) ? rendered.get(replyTo)
                : shown.rendered(articleId, List.of(replyTo)).get(replyTo);
        if (parent == null || parent.comment().depth() + 1 >= maxDepth) {
            return CommentsView.Form.EMPTY;
        }
        return new CommentsView.Form(parent.comment().id(), parent.comment().name(), "", "", "", "", Map.of(), null);
    }

    /** Why an article takes no new comments now, or null when it does. */
    public String closedReason(long articleId, Instant publishedAt, Instant now) {
        CommentSettings settings = store.settings();
        return closedReason(settings, settings.enabled() && store.acceptsComments(articleId), publishedAt, now);
    }

    private static String closedReason(CommentSettings settings, boolean accepts, Instant publishedAt, Instant now) {
        if (!settings.enabled()) {
            return "This site does not take comments.";
        }
        if (!accepts) {
            return "Comments are closed on this article.";
        }
        if (settings.closeAfterDays() > 0 && publishedAt != null
                && publishedAt.plus(Duration.ofDays(settings.closeAfterDays())).isBefore(now)) {
            return "Comments close " + settings.closeAfterDays() + " days after an article is published.";
        }
        return null;
    }

    /** Which page of its article a comment is on, in the site's default order; empty if it is not shown. */
    public Optional<Integer> pageOf(Comment comment) {
        CommentSettings settings = store.settings();
        CommentOutline outline = shown.of(comment.articleId()).outline();
        return outline.threadIndex(comment.id())
                .map(i -> settings.newestFirst() ? outline.threads().size() - 1 - i : i)
                .map(i -> i / Math.max(1, settings.perPage()) + 1);
    }

    /** One rendered comment node without replies, as the page shows it (for answers to JavaScript). */
    public CommentsView.Node node(Comment comment) {
        return new CommentsView.Node(comment, CommentText.html(comment.body()), List.of(),
                comment.depth() + 1 < store.settings().maxDepth());
    }

    /**
     * The shown threads with their comments. A comment that stopped being approved since the
     * outline was read (a read that overlapped the change, used once) is left out, its replies
     * taking its place.
     */
    private static List<CommentsView.Node> nodes(List<CommentOutline.Place> places,
                                                 Map<Long, ShownComments.Rendered> rendered, int maxDepth) {
        List<CommentsView.Node> nodes = new ArrayList<>(places.size());
        for (CommentOutline.Place place : places) {
            List<CommentsView.Node> replies = nodes(place.replies(), rendered, maxDepth);
            ShownComments.Rendered r = rendered.get(place.id());
            if (r == null) {
                nodes.addAll(replies);
            } else {
                nodes.add(new CommentsView.Node(r.comment(), r.html(), replies, r.comment().depth() + 1 < maxDepth));
            }
        }
        return nodes;
    }
}
