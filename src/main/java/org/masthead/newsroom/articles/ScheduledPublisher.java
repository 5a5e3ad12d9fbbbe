package org.masthead.newsroom.articles;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.masthead.content.ArticleStore;
import org.masthead.db.Database;
import org.masthead.db.Periodic;
import org.masthead.accounts.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes. Runs at start (catching up on
 * anything due while the site was down) and then every interval. Each article is published
 * by a conditional update, so with several instances running each one publishes it once.
 */
public final class ScheduledPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final Database db;
    private final ArticleQueries articles;
    private final ArticleStore store;
    private final Periodic timer;

    public ScheduledPublisher(Database db, ArticleQueries articles, ArticleStore store) {
        this(db, articles, store, Duration.ofSeconds(15));
    }

    ScheduledPublisher(Database db, ArticleQueries articles, ArticleStore store, Duration interval) {
        this.db = db;
        this.articles = articles;
        this.store = store;
        this.timer = new Periodic("scheduled-publisher", interval, this::publishDue);
    }

    public void start() {
        timer.start();
    }

    /** Publishes what is due now; returns how many articles this instance published. */
    int publishDue() {
        Instant now = Instant.now();
        int published = 0;
        for (Map.Entry<Long, String> due : articles.dueForPublishing(now).entrySet()) {
            boolean mine = db.write(tx -> {
                boolean done = store.publishIfDue(tx, due.getKey(), now);
                if (done) {
                    AuditStore.record(tx, null, "published on schedule", "article:" + due.getKey(), due.getValue());
                }
                return done;
            });
            if (mine) {
                published++;
                LOG.info("published scheduled article {} ({})", due.getKey(), due.getValue());
            }
        }
        return published;
    }

    @Override
    public void close() {
        timer.close();
    }
}
