package org.masthead.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the comment threads of an article page: approved comments as a tree (a reply whose
 * parent is not shown becomes a thread of its own), top-level threads paged in the reader's
 * order, replies always oldest first under their parent.
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
     * article has none.
     */
    public CommentsView view(long articleId, String articleUrl, Instant publishedAt, Request request,
                             CommentsView.Form form, Instant now) {
        CommentSettings settings = store.settings();
        ShownComments.Shown kept = shown.of(articleId);
        String closed = closedReason(settings, kept.accepts(), publishedAt, now);
        List<Comment> approved = kept.approved();
        if (!settings.enabled() && approved.isEmpty()) {
            return null;
        }
        List<CommentsView.Node> roots = tree(approved, kept.html(), settings.maxDepth());
        boolean newestFirst = request.order() == null ? settings.newestFirst() : request.order().equals("newest");
        if (newestFirst) {
            roots = roots.reversed();
        }
        int perPage = Math.max(1, settings.perPage());
        int pageCount = Math.max(1, (roots.size() + perPage - 1) / perPage);
        int page = Math.min(Math.max(1, request.page()), pageCount);
        List<CommentsView.Node> shown = roots.subList((page - 1) * perPage, Math.min(roots.size(), page * perPage));
        CommentsView.Form shownForm = form;
        if (shownForm == null) {
            shownForm = CommentsView.Form.EMPTY;
            if (request.replyTo() != null) {
                Optional<Comment> parent = approved.stream().filter(c -> c.id() == request.replyTo()).findFirst();
                if (parent.isPresent() && parent.get().depth() + 1 < settings.maxDepth()) {
                    shownForm = new CommentsView.Form(parent.get().id(), parent.get().name(), "", "", "", "", Map.of(), null);
                }
            }
        }
        return new CommentsView(articleId, articleUrl, approved.size(), shown, page, pageCount, newestFirst,
                request.order(), closed, shownForm, tokens.issue(articleId, now), request.notice(), settings.privacyUrl());
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
        ShownComments.Shown kept = shown.of(comment.articleId());
        List<CommentsView.Node> roots = tree(kept.approved(), kept.html(), settings.maxDepth());
        if (settings.newestFirst()) {
            roots = roots.reversed();
        }
        for (int i = 0; i < roots.size(); i++) {
            if (contains(roots.get(i), comment.id())) {
                return Optional.of(i / Math.max(1, settings.perPage()) + 1);
            }
        }
        return Optional.empty();
    }

    /** One rendered comment node without replies, as the page shows it (for answers to JavaScript). */
    public CommentsView.Node node(Comment comment) {
        return new CommentsView.Node(comment, CommentText.html(comment.body()), List.of(),
                comment.depth() + 1 < store.settings().maxDepth());
    }

    private static boolean contains(CommentsView.Node node, long id) {
        if (node.comment().id() == id) {
            return true;
        }
        for (CommentsView.Node reply : node.replies()) {
            if (contains(reply, id)) {
                return true;
            }
        }
        return false;
    }

    /** {@code html} holds each approved comment's HTML, in the same order. */
    private static List<CommentsView.Node> tree(List<Comment> approved, List<String> html, int maxDepth) {
        Map<Long, List<Comment>> children = new HashMap<>();
        Map<Long, Comment> byId = new HashMap<>();
        Map<Long, String> htmlById = new HashMap<>();
        for (int i = 0; i < approved.size(); i++) {
            byId.put(approved.get(i).id(), approved.get(i));
            htmlById.put(approved.get(i).id(), html.get(i));
        }
        List<Comment> roots = new ArrayList<>();
        for (Comment c : approved) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<CommentsView.Node> nodes = new ArrayList<>(roots.size());
        for (Comment root : roots) {
            nodes.add(node(root, children, htmlById, maxDepth));
        }
        return nodes;
    }

    private static CommentsView.Node node(Comment c, Map<Long, List<Comment>> children, Map<Long, String> html,
                                          int maxDepth) {
        List<CommentsView.Node> replies = new ArrayList<>();
        for (Comment reply : children.getOrDefault(c.id(), List.of())) {
            replies.add(node(reply, children, html, maxDepth));
        }
        return new CommentsView.Node(c, html.get(c.id()), replies, c.depth() + 1 < maxDepth);
    }
}
