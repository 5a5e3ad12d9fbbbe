package org.masthead.db;

import java.util.Set;
import java.util.function.Supplier;

/**
 * A value read from the database and kept in memory until the change log says one of its
 * entities changed, such as the site settings that every page reads. A read that overlaps
 * such a change is returned but not kept: it may have seen the rows from before the commit,
 * and keeping it would serve them until the next change.
 */
public final class Remembered<T> implements ChangeListener {
    private final Set<String> entities;
    private final Supplier<T> load;
    private long generation;
    private volatile T value;

    Remembered(Set<String> entities, Supplier<T> load) {
        this.entities = entities;
        this.load = load;
    }

    /** Follows the changes of {@code db}; {@code load} must not return null. */
    public static <T> Remembered<T> of(Database db, Supplier<T> load, String... entities) {
        Remembered<T> remembered = new Remembered<>(Set.of(entities), load);
        db.addListener(remembered);
        return remembered;
    }

    /**
     * Forgets its value when one of {@code entities} changes, once its owner passes the
     * database's changes on to it (see {@link #changed}); {@code load} must not return null.
     */
    public static <T> Remembered<T> forgetOn(Supplier<T> load, String... entities) {
        return new Remembered<>(Set.of(entities), load);
    }

    public T get() {
        T kept = value; // read without the lock: this is every page's path
        if (kept != null) {
            return kept;
        }
        long before;
        synchronized (this) {
            before = generation;
        }
        T fresh = load.get(); // outside the lock: a slow read must not hold up the change listener
        synchronized (this) {
            if (generation == before) {
                value = fresh;
            }
        }
        return fresh;
    }

    @Override
    public void changed(Change change) {
        if (entities.contains(change.entity())) {
            synchronized (this) {
                generation++;
                value = null;
            }
        }
    }
}
