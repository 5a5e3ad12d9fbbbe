package org.masthead.comments;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.masthead.db.Database;
import org.masthead.db.Dialect;
import org.masthead.db.Periodic;

/**
 * How many comments each status holds, kept by the database's triggers (see the migration
 * {@code V24_1__Comment_counts}): a status's folded number plus its changes not yet folded.
 * Reading costs a few rows however many comments a site has; {@link #start()} folds the changes
 * every minute, in batches, so they stay few. Several instances may fold at once: each folds
 * only the change rows its own delete took.
 */
public final class CommentCountStore implements AutoCloseable {
    /** Change rows folded per transaction: a bulk import leaves millions, and the write lock is not held long. */
    static final int BATCH = 10_000;

    private final Database db;
    private final Periodic timer;

    public CommentCountStore(Database db) {
        this.db = db;
        this.timer = new Periodic("comment-counts", Duration.ofMinutes(1), this::fold);
    }

    /** Every status's count (zero for none). */
    public Map<CommentStatus, Long> all() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        db.read(h -> h.createQuery("""
                        select status, sum(n) from (select status, n from comment_counts
                                                    union all select status, n from comment_count_changes) kept
                        group by status""")
                .map((rs, ctx) -> counts.put(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2))).list());
        return counts;
    }

    /** How many comments hold {@code status}. */
    public long of(CommentStatus status) {
        return db.read(h -> h.createQuery("""
                        select coalesce((select n from comment_counts where status = :status), 0)
                             + coalesce((select sum(n) from comment_count_changes where status = :status), 0)""")
                .bind("status", status.name()).mapTo(Long.class).one());
    }

    public void start() {
        timer.start();
    }

    /** Folds the change rows there are now into the counts; returns how many were folded. */
    public long fold() {
        long folded = 0;
        while (true) {
            int batch = db.write(tx -> {
                Long first = tx.handle().createQuery("select min(id) from comment_count_changes")
                        .mapTo(Long.class).findOne().orElse(null);
                if (first == null) {
                    return 0;
                }
                long last = first + BATCH - 1;
                if (db.dialect() == Dialect.POSTGRESQL) {
                    // The delete takes the rows, so a second instance folding at the same time finds them gone.
                    return tx.handle().createQuery("""
                                    with gone as (delete from comment_count_changes where id <= :last returning status, n),
                                         summed as (select status, sum(n) as n, count(*) as rows from gone group by status),
                                         folded as (insert into comment_counts (status, n) select status, n from summed
                                                    on conflict (status) do update set n = comment_counts.n + excluded.n)
                                    select coalesce(sum(rows), 0) from summed""")
                            .bind("last", last).mapTo(Integer.class).one();
                }
                // SQLite writes one transaction at a time, so the sum and the delete see the same rows.
                tx.handle().createUpdate("""
                                insert into comment_counts (status, n)
                                select status, sum(n) from comment_count_changes where id <= :last group by status
                                on conflict (status) do update set n = comment_counts.n + excluded.n""")
                        .bind("last", last).execute();
                return tx.handle().createUpdate("delete from comment_count_changes where id <= :last")
                        .bind("last", last).execute();
            });
            folded += batch;
            if (batch == 0) {
                return folded;
            }
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
