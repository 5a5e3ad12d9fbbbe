package org.masthead.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;

/**
 * What article pages show of their comments, kept in memory: each article's outline (where its
 * approved comments sit, without their text) and whether it takes new ones, and the comments
 * its pages have shown so far with their HTML made once (linking a comment's addresses is the
 * costliest step of its rendering). A page reads and renders only the comments it shows, so a
 * story with hundreds of comments costs about what one with a page of them does. An article
 * page asks for this on every view, and comments change far less often than pages are read.
 *
 * <p>An article's entry is forgotten when the change log says one of its comments changed (the
 * change names the comment's article as its owner; a change without one forgets every article)
 * or the article did (comments opened or closed, the article withdrawn). The app registers it before the page cache, and other instances hear the
 * same changes from the log, so no page is rendered from comments a committed change replaced.
 * A read that overlaps such a change is used once but not kept. Bounded by the characters held,
 * so a site with many commented articles keeps only the recently read ones.
 */
public final class ShownComments implements ChangeListener {
    /** About 8 MB of outlines, comment text and HTML. */
    private static final long MAX_CHARS = 4_000_000;
    /** What an outline holds for one comment (its place and its entry in its parent's replies: about 32 bytes), counted as characters. */
    private static final int PLACE_CHARS = 16;

    /** One article as its page shows it: where its comments sit, whether it takes more, and those rendered so far. */
    record Kept(CommentOutline outline, Map<Long, Rendered> rendered) {
        Kept {
            rendered = Map.copyOf(rendered);
        }

        private Kept with(Map<Long, Rendered> more) {
            Map<Long, Rendered> all = new HashMap<>(rendered);
            all.putAll(more);
            return new Kept(outline, all);
        }

        private int chars() {
            int chars = 64 + outline.total() * PLACE_CHARS;
            for (Rendered r : rendered.values()) {
                chars += r.chars();
            }
            return chars;
        }
    }

    /** An approved comment with its HTML. */
    record Rendered(Comment comment, String html) {
        private int chars() {
            return comment.body().length() + html.length() + 64;
        }
    }

    private final ArticleComments store;
    private final Cache<Long, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Long id, Kept article) -> article.chars())
            .build();
    private long generation;

    public ShownComments(CommentStore store) {
        this((ArticleComments) store);
    }

    ShownComments(ArticleComments store) {
        this.store = store;
    }

    /** An article's outline and whether it takes new comments. */
    Kept of(long articleId) {
        Kept shown = kept.getIfPresent(articleId);
        if (shown != null) {
            return shown;
        }
        long before = generation();
        Kept fresh = new Kept(store.outline(articleId), Map.of());
        synchronized (this) {
            if (generation == before) {
                kept.put(articleId, fresh);
            }
        }
        return fresh;
    }

    /**
     * These comments of an article with their HTML, by id: those kept, and the others read in
     * one query and rendered. A comment no longer approved is left out.
     */
    Map<Long, Rendered> rendered(long articleId, Collection<Long> ids) {
        Kept shown = kept.getIfPresent(articleId);
        Map<Long, Rendered> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Rendered r = shown == null ? null : shown.rendered().get(id);
            if (r != null) {
                found.put(id, r);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long before = generation();
        Map<Long, Rendered> fresh = new HashMap<>();
        for (Comment c : store.approvedAmong(missing)) {
            if (c.articleId() == articleId) {
                fresh.put(c.id(), new Rendered(c, CommentText.html(c.body())));
            }
        }
        found.putAll(fresh);
        synchronized (this) {
            if (generation == before) {
                // Only an outline read since the last change is kept, so these rows belong with it.
                kept.asMap().computeIfPresent(articleId, (id, article) -> article.with(fresh));
            }
        }
        return found;
    }

    private synchronized long generation() {
        return generation;
    }

    @Override
    public void changed(Change change) {
        synchronized (this) {
            if (CommentStore.forgetsCommentsOf(change, kept::invalidate, kept::invalidateAll)) {
                generation++;
            }
        }
    }
}
