package org.masthead.db;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the change log to its last {@link #KEPT} of rows. Every write appends to it (a busy
 * site's comments alone add hundreds of thousands of rows a day), and it is only read near its
 * end: other instances follow it within seconds, and a search index replays what changed since
 * it was last saved. Rows older than that are deleted in batches from the oldest up, so each
 * run reads only what it deletes. The newest {@link #KEPT_ROWS} rows always stay, however old:
 * sequence numbers keep rising, and a quiet site's search index still finds the rows around
 * its last save. The moment from which the log holds every change (just after the newest change
 * removed) is kept in {@code site_settings} under {@link #SETTING}, so that a search index
 * saved before then knows the log can no longer bring it up to date, and is rebuilt instead.
 * Each following instance runs it hourly, the first time an hour after it starts, so a search
 * index's start never reads the log while rows go. Several instances may run it at once: each
 * batch is a conditional delete.
 */
public final class ChangeLogRetention {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogRetention.class);
    /** How much of the log is kept. */
    public static final Duration KEPT = Duration.ofDays(7);
    /** Epoch milliseconds from which every change is still in the log. */
    public static final String SETTING = "change_log.kept_from";
    /** Rows kept whatever their age: a search index replays up to this many before its last save. */
    public static final int KEPT_ROWS = 500;
    private static final int BATCH = 5_000;

    private ChangeLogRetention() {
    }

    /** Deletes the changes committed before {@code now - KEPT}; returns how many rows went. */
    public static long prune(Database db, Instant now) {
        long horizon = now.minus(KEPT).toEpochMilli();
        Long newestKept = db.read(h -> h.createQuery("select seq from change_log order by seq desc limit 1 offset "
                + (KEPT_ROWS - 1)).mapTo(Long.class).findOne().orElse(null));
        if (newestKept == null) {
            return 0;
        }
        // The oldest row at or after the horizon; read in sequence order, this stops at the first
        // such row, after the rows about to go.
        Long recent = db.read(h -> h.createQuery(
                        "select seq from change_log where changed_at >= :horizon order by seq limit 1")
                .bind("horizon", horizon).mapTo(Long.class).findOne().orElse(null));
        long firstKept = recent == null ? newestKept : Math.min(recent, newestKept);
        // When the newest change about to go was made: the log holds every change after it.
        Long lastGone = db.read(h -> h.createQuery("select max(changed_at) from change_log where seq < :first")
                .bind("first", firstKept).mapTo(Long.class).findOne().orElse(null));
        if (lastGone == null) {
            return 0;
        }
        long deleted = 0;
        while (true) {
            int batch = db.write(tx -> {
                if (lastGone >= keptFrom(tx.handle())) {
                    tx.handle().createUpdate("delete from site_settings where name = :name").bind("name", SETTING).execute();
                    tx.handle().createUpdate("insert into site_settings (name, value) values (:name, :value)")
                            .bind("name", SETTING).bind("value", String.valueOf(lastGone + 1)).execute();
                }
                return tx.handle().createUpdate("""
                                delete from change_log where seq in (
                                    select seq from change_log where seq < :first order by seq limit %d)""".formatted(BATCH))
                        .bind("first", firstKept).execute();
            });
            deleted += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.info("removed {} change log row(s) older than {} days", deleted, KEPT.toDays());
        }
        return deleted;
    }

    /** Epoch milliseconds from which the log holds every change; 0 while nothing was ever removed. */
    public static long keptFrom(Database db) {
        return db.read(ChangeLogRetention::keptFrom);
    }

    private static long keptFrom(org.jdbi.v3.core.Handle h) {
        return h.createQuery("select value from site_settings where name = :name").bind("name", SETTING)
                .mapTo(String.class).findOne().map(Long::parseLong).orElse(0L);
    }
}
