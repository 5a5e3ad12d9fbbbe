package org.masthead.db;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One open write transaction. Stores run their SQL on {@link #handle()} and call
 * {@link #changed} for each entity they touch, which appends to the change log in the
 * same transaction; listeners hear of it only once the transaction has committed.
 */
public final class Tx {
    private final Handle handle;
    private final List<Change> changes = new ArrayList<>();
    private final ChangeFollower follower;
    private final Dialect dialect;

    /** {@code follower} is told of each change before the commit, or null when none follows the log. */
    Tx(Handle handle, ChangeFollower follower, Dialect dialect) {
        this.handle = handle;
        this.follower = follower;
        this.dialect = dialect;
    }

    /**
     * Makes this the only transaction holding {@code name} until it commits or rolls back, on
     * every instance: for a check followed by a write (a limit, "the first account") that must
     * not be passed by two transactions at once. SQLite's write transactions are exclusive
     * already; PostgreSQL takes a transaction-scoped advisory lock.
     */
    public void lock(String name) {
        if (dialect == Dialect.POSTGRESQL) {
            long key = LOCK_SPACE << 32 | (name.hashCode() & 0xffffffffL);
            handle.createQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked").bind("key", key)
                    .mapTo(Integer.class).one();
        }
    }

    /** The high half of every advisory lock key Masthead takes ("mast"). */
    private static final long LOCK_SPACE = 0x6d617374L;

    public Handle handle() {
        return handle;
    }

    public void changed(String entity, long entityId, Change.Kind kind) {
        changed(entity, entityId, kind, null);
    }

    /**
     * Records a change of a row that belongs to another ({@code owner} a tag such as
     * {@code article:42} for a comment), so caches can drop only what shows the owner.
     */
    public void changed(String entity, long entityId, Change.Kind kind, String owner) {
        if (dialect == Dialect.POSTGRESQL && changes.isEmpty()) {
            // Delivered at commit (never on rollback) to every instance listening: see ChangeNotices.
            handle.execute("notify " + ChangeNotices.CHANNEL);
        }
        long sequence = handle.createUpdate(
                        "insert into change_log (entity, entity_id, kind, changed_at, owner) values (:e, :id, :k, :at, :owner)")
                .bind("e", entity)
                .bind("id", entityId)
                .bind("k", kind.name())
                .bind("at", System.currentTimeMillis())
                .bind("owner", owner)
                .executeAndReturnGeneratedKeys("seq")
                .mapTo(Long.class)
                .one();
        if (follower != null) {
            follower.ours(sequence);
        }
        changes.add(new Change(sequence, entity, entityId, kind, owner));
    }

    List<Change> changes() {
        return changes;
    }
}
