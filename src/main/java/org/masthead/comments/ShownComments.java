package org.masthead.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;

/**
 * What article pages show of their comments, kept in memory: each article's approved comments
 * with their HTML made once (linking a comment's addresses is the costliest step of its
 * rendering), and whether the article takes new ones. An article page asks for this on every
 * view, and comments change far less often than pages are read.
 *
 * <p>An article's entry is forgotten when the change log says one of its comments changed (the
 * change names the comment's article as its owner; a change without one forgets every article)
 * or the article did (comments opened or closed, the article withdrawn). The app registers it before the page cache, and other instances hear the
 * same changes from the log, so no page is rendered from comments a committed change replaced.
 * A read that overlaps such a change is used once but not kept. Bounded by the characters held,
 * so a site with many commented articles keeps only the recently read ones.
 */
public final class ShownComments implements ChangeListener {
    /** About 8 MB of comment text and HTML. */
    private static final long MAX_CHARS = 4_000_000;

    /** One article's comments as its page shows them, oldest first; {@code html} matches {@code approved}. */
    public record Shown(List<Comment> approved, List<String> html, boolean accepts) {
        public Shown {
            approved = List.copyOf(approved);
            html = List.copyOf(html);
        }

        private int chars() {
            int chars = 64;
            for (int i = 0; i < approved.size(); i++) {
                chars += approved.get(i).body().length() + html.get(i).length() + 64;
            }
            return chars;
        }
    }

    private final CommentStore store;
    private final Cache<Long, Shown> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Long id, Shown shown) -> shown.chars())
            .build();
    private long generation;

    public ShownComments(CommentStore store) {
        this.store = store;
    }

    /** The approved comments of an article with their HTML, and whether it takes new comments. */
    public Shown of(long articleId) {
        Shown shown = kept.getIfPresent(articleId);
        if (shown != null) {
            return shown;
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        List<Comment> approved = store.approved(articleId);
        Shown fresh = new Shown(approved, approved.stream().map(c -> CommentText.html(c.body())).toList(),
                store.acceptsComments(articleId));
        synchronized (this) {
            if (generation == before) {
                kept.put(articleId, fresh);
            }
        }
        return fresh;
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
