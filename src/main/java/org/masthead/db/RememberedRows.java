package org.masthead.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Rows read from the database by key and kept in memory until the change log says one of their
 * entities changed, such as the authors and tags that every article page names: a
 * {@link Remembered} for tables too large to hold whole. At most {@code maxRows} are kept, the
 * least recently read going first (or at most a total weight), so nothing loads a whole table
 * into memory. As with {@link Remembered}, a read that overlaps such a change is used once but
 * not kept.
 */
public final class RememberedRows<K, V> implements ChangeListener {
    /** Which kept rows a change makes stale: some by key, or every one; false when none. */
    public interface Forgetting<K> {
        boolean forget(Change change, Consumer<K> row, Runnable every);
    }

    private final Forgetting<K> forgetting;
    private final Function<Collection<K>, Map<K, V>> load;
    private final Cache<K, V> kept;
    private long generation;

    private RememberedRows(Forgetting<K> forgetting, Cache<K, V> kept, Function<Collection<K>, Map<K, V>> load) {
        this.forgetting = forgetting;
        this.load = load;
        this.kept = kept;
    }

    private static <K> Forgetting<K> everyRowOn(Predicate<String> entity) {
        return (change, row, every) -> {
            if (!entity.test(change.entity())) {
                return false;
            }
            every.run();
            return true;
        };
    }

    /**
     * Follows the changes of {@code db}, forgetting every row when one of {@code entities}
     * changes; {@code load} reads the rows of the keys it is given in one go and leaves out keys
     * that have none.
     */
    public static <K, V> RememberedRows<K, V> of(Database db, long maxRows, Function<Collection<K>, Map<K, V>> load,
                                                 String... entities) {
        return of(db, maxRows, load, everyRowOn(Set.of(entities)::contains));
    }

    /** As {@link #of}, forgetting the rows {@code forgetting} names for each change (some by key, or all). */
    public static <K, V> RememberedRows<K, V> of(Database db, long maxRows, Function<Collection<K>, Map<K, V>> load,
                                                 Forgetting<K> forgetting) {
        RememberedRows<K, V> rows = new RememberedRows<>(forgetting, Caffeine.newBuilder().maximumSize(maxRows).build(), load);
        db.addListener(rows);
        return rows;
    }

    /**
     * As {@link #of}, for rows that show much of the site (an article with its byline, links and
     * section), so forgotten on every change but those of {@code unseen} entities; at most
     * {@code maxWeight} in all, each row weighing {@code weight}.
     */
    public static <K, V> RememberedRows<K, V> weighed(Database db, long maxWeight, ToIntFunction<V> weight,
                                                      Function<Collection<K>, Map<K, V>> load, Set<String> unseen) {
        RememberedRows<K, V> rows = new RememberedRows<>(everyRowOn(entity -> !unseen.contains(entity)),
                Caffeine.newBuilder().maximumWeight(maxWeight).weigher((K key, V value) -> weight.applyAsInt(value)).build(),
                load);
        db.addListener(rows);
        return rows;
    }

    /** The rows of {@code keys} that exist, in the order of {@code keys}; one read for those not kept. */
    public List<V> get(List<K> keys) {
        Map<K, V> rows = new HashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            V row = kept.getIfPresent(key);
            if (row == null) {
                missing.add(key);
            } else {
                rows.put(key, row);
            }
        }
        if (!missing.isEmpty()) {
            long before;
            synchronized (this) {
                before = generation;
            }
            Map<K, V> fresh = load.apply(missing); // outside the lock: a slow read must not hold up the listener
            synchronized (this) {
                if (generation == before) {
                    kept.putAll(fresh);
                }
            }
            rows.putAll(fresh);
        }
        List<V> found = new ArrayList<>(keys.size());
        for (K key : keys) {
            V row = rows.get(key);
            if (row != null) {
                found.add(row);
            }
        }
        return found;
    }

    @Override
    public void changed(Change change) {
        synchronized (this) {
            if (forgetting.forget(change, kept::invalidate, kept::invalidateAll)) {
                generation++;
            }
        }
    }
}
