package org.masthead.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Finds the changes other instances committed, by reading the change log for rows it has not
 * seen. This instance's own changes are announced at commit, so their sequence numbers are
 * noted as {@link #ours} before the commit and skipped here.
 *
 * <p>Sequence numbers are handed out when a row is inserted, not when its transaction
 * commits, so on PostgreSQL a row can appear after rows with higher numbers. A number skipped
 * on the way up is therefore a gap, looked for again on every read until it appears or
 * {@link #GAP_MILLIS} pass (a rolled-back write leaves a gap that never fills).
 */
final class ChangeFollower {
    static final long GAP_MILLIS = 60_000;
    /** Gaps remembered at most; more in one jump means a mass rollback, whose numbers never appear. */
    static final int MAX_GAPS = 500;
    private static final int BATCH = 1_000;

    private final Database db;
    private final LongSupplier clock;
    private final Set<Long> ours = ConcurrentHashMap.newKeySet();
    /** Skipped sequence number → when it was first missed. */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long cursor;

    ChangeFollower(Database db, LongSupplier clock) {
        this.db = db;
        this.clock = clock;
        cursor = db.read(h -> h.createQuery("select coalesce(max(seq), 0) from change_log").mapTo(Long.class).one());
    }

    /** A change this instance is about to commit, and will announce itself. */
    void ours(long sequence) {
        ours.add(sequence);
    }

    /** A change of ours whose transaction rolled back. */
    void notOurs(long sequence) {
        ours.remove(sequence);
    }

    /** The changes committed elsewhere since the last call, in sequence order. */
    synchronized List<Change> poll() {
        List<Long> missing = List.copyOf(gaps.keySet());
        long after = cursor;
        List<Change> found = db.read(h -> {
            var query = h.createQuery("select seq, entity, entity_id, kind, owner from change_log where seq > :cursor"
                    + (missing.isEmpty() ? "" : " or seq in (<gaps>)") + " order by seq limit " + BATCH).bind("cursor", after);
            if (!missing.isEmpty()) {
                query.bindList("gaps", missing);
            }
            return query.map((rs, ctx) -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    Change.Kind.valueOf(rs.getString(4)), rs.getString(5))).list();
        });
        long now = clock.getAsLong();
        List<Change> others = new ArrayList<>();
        for (Change change : found) {
            long seq = change.sequence();
            gaps.remove(seq);
            if (seq > cursor) {
                for (long skipped = cursor + 1; skipped < seq && gaps.size() < MAX_GAPS; skipped++) {
                    gaps.put(skipped, now);
                }
                cursor = seq;
            }
            if (!ours.remove(seq)) {
                others.add(change);
            }
        }
        gaps.values().removeIf(missedAt -> now - missedAt > GAP_MILLIS);
        // A number of ours at or below the cursor that is no longer awaited will not be read again.
        ours.removeIf(seq -> seq <= cursor && !gaps.containsKey(seq));
        return others;
    }

    /** Sequence numbers still awaited; for tests. */
    synchronized Set<Long> gaps() {
        return Set.copyOf(gaps.keySet());
    }
}
