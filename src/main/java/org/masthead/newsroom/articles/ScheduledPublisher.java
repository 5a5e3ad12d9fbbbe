package org.masthead.newsroom.articles;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.masthead.content.ContentStore;
import org.masthead.db.Database;
import org.masthead.newsroom.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes. Runs at start (catching up on
 * anything due while the site was down) and then every interval. Each article is published
 * by a conditional update, so with several instances running each one publishes it once.
 */
public final class ScheduledPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleQueries articles;
    private final ContentStore store;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public ScheduledPublisher(Database db, ContentStore store) {
        this(db, store, Duration.ofSeconds(15));
    }

    ScheduledPublisher(Database db, ContentStore store, Duration interval) {
        this.articles = new ArticleQueries(db);
        this.store = store;
        this.interval = interval;
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("scheduled-publisher").factory());
        timer.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            // The next run tries again; a passing database hiccup must not stop the timer.
            LOG.warn("publishing scheduled articles failed", e);
        }
    }

    /** Publishes what is due now; returns how many articles this instance published. */
    int publishDue() {
        Instant now = Instant.now();
        int published = 0;
        for (Map.Entry<Long, String> due : articles.dueForPublishing(now).entrySet()) {
            boolean mine = store.publishIfDue(due.getKey(), now, (tx, id) ->
                    AuditLog.record(tx, null, "published on schedule", "article:" + id, due.getValue()));
            if (mine) {
                published++;
                LOG.info("published scheduled article {} ({})", due.getKey(), due.getValue());
            }
        }
        return published;
    }

    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
