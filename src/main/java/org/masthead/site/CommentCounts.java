package org.masthead.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.masthead.comments.CommentStore;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;

/**
 * How many approved comments each article has, as story cards print it, kept in memory apart
 * from the cards themselves: a comment changes one article's count, so the cards (which any
 * other change a reader could see replaces) are no longer read again on every comment.
 *
 * <p>An article's count is forgotten when the change log says one of its comments changed (the
 * change names the article as its owner; a change without one forgets every count) or the
 * article did. Registered before the page cache, and other instances hear the same changes from
 * the log, so no page is rendered from a count a committed change replaced. A read that overlaps
 * such a change is used once but not kept.
 */
final class CommentCounts implements ChangeListener {
    private static final int KEPT = 20_000;

    private final Function<List<Long>, Map<Long, Integer>> read;
    private final Cache<Long, Integer> kept = Caffeine.newBuilder().maximumSize(KEPT).build();
    private long generation;

    /** {@code read} gives the counts of the articles it is given in one go (those it leaves out have none). */
    CommentCounts(Function<List<Long>, Map<Long, Integer>> read) {
        this.read = read;
    }

    /** The cards with their counts as they are now; one read for the articles whose count is not kept. */
    List<ArticleSummary> counted(List<ArticleSummary> cards) {
        Map<Long, Integer> counts = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (ArticleSummary card : cards) {
            Integer count = kept.getIfPresent(card.id());
            if (count == null) {
                missing.add(card.id());
            } else {
                counts.put(card.id(), count);
            }
        }
        if (!missing.isEmpty()) {
            long before;
            synchronized (this) {
                before = generation;
            }
            Map<Long, Integer> fresh = new HashMap<>();
            for (long id : missing) {
                fresh.put(id, 0);
            }
            fresh.putAll(read.apply(missing)); // outside the lock: a slow read must not hold up the listener
            synchronized (this) {
                if (generation == before) {
                    kept.putAll(fresh);
                }
            }
            counts.putAll(fresh);
        }
        List<ArticleSummary> out = new ArrayList<>(cards.size());
        for (ArticleSummary card : cards) {
            int count = counts.getOrDefault(card.id(), 0);
            out.add(count == card.comments() ? card : card.withComments(count));
        }
        return out;
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
