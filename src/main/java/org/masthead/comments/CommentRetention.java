package org.masthead.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.masthead.db.Database;
import org.masthead.db.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps comment data no longer than the site's settings say: spam is deleted
 * {@code spamDays} after it was judged spam (replies to it stay, moved up a level), and
 * commenters' IP addresses are dropped {@code ipDays} after the comment was sent. Runs at
 * start and then hourly. Every step is a conditional write that a second instance running
 * at the same moment finds already done, so several instances can run it.
 */
public final class CommentRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommentRetention.class);
    /** Spam deleted per transaction, so a large backlog never holds the write lock for long. */
    private static final int BATCH = 500;

    private final CommentStore store;
    private final Database db;
    private final CommentRemovalStore removal;
    private final Periodic timer;

    public CommentRetention(Database db, CommentStore store, CommentRemovalStore removal) {
        this(db, store, removal, Duration.ofHours(1));
    }

    CommentRetention(Database db, CommentStore store, CommentRemovalStore removal, Duration interval) {
        this.db = db;
        this.store = store;
        this.removal = removal;
        this.timer = new Periodic("comment-retention", interval, () -> sweep(Instant.now()));
    }

    /** What one sweep did. */
    public record Swept(int spamDeleted, int repliesMoved, int addressesDropped) {
    }

    public void start() {
        timer.start();
    }

    /** Deletes old spam and drops old IP addresses as of {@code now}. */
    public Swept sweep(Instant now) {
        CommentSettings settings = store.settings();
        long spamBefore = now.minus(Duration.ofDays(settings.spamDays())).toEpochMilli();
        int deleted = 0;
        int moved = 0;
        while (true) {
            CommentRemovalStore.Removed batch = db.write(tx -> removal.remove(tx,
                    "status = 'SPAM' and status_at < :before", Map.of("before", spamBefore), BATCH));
            deleted += batch.comments();
            moved += batch.repliesMoved();
            if (batch.comments() < BATCH) {
                break;
            }
        }
        int dropped = store.dropAddresses(now.minus(Duration.ofDays(settings.ipDays())));
        if (deleted > 0) {
            LOG.info("deleted {} spam comment(s) judged more than {} days ago{}", deleted, settings.spamDays(),
                    moved > 0 ? "; " + moved + " repl" + (moved == 1 ? "y" : "ies") + " to them moved up a level" : "");
        }
        if (dropped > 0) {
            LOG.info("dropped the IP addresses of {} comment(s) sent more than {} days ago", dropped, settings.ipDays());
        }
        return new Swept(deleted, moved, dropped);
    }

    @Override
    public void close() {
        timer.close();
    }
}
