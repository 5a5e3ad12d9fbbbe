package org.masthead.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a shared cache (a CDN, or a proxy with a small purge endpoint) which pages to drop:
 * on each committed change it POSTs {@code {"tags":[...]}}, the tags the change touched
 * ({@link ChangeTags}), which the pages carry in their {@code Surrogate-Key} header. Changes
 * are gathered for {@link #BATCH_MILLIS} and sent together from one thread of its own, so a
 * write never waits for the receiver; at most {@link #MAX_TAGS} tags wait, past which the
 * batch becomes "everything" ({@value PageTags#SITE} and {@value PageTags#ANY}), which every
 * page carries: an overflow costs the shared cache its pages, never freshness. A failed call
 * is logged once a minute at most and not retried: the next change's purge, or the pages'
 * own expiry, follows.
 */
public final class PurgeWebhook implements ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PurgeWebhook.class);
    static final long BATCH_MILLIS = 100;
    static final int MAX_TAGS = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> EVERYTHING = Set.of(PageTags.SITE, PageTags.ANY);

    private final URI url;
    /** HTTP/1.1: a purge is one small POST, and a plain-http receiver need not answer an HTTP/2 upgrade. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final LogThrottle failures = new LogThrottle(Duration.ofMinutes(1));
    /** Tags waiting to be sent; guarded by this. */
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean closed;
    private Thread thread;

    public PurgeWebhook(URI url) {
        this.url = url;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("cache purges").start(this::run);
        }
    }

    @Override
    public void changed(Change change) {
        Set<String> tags = ChangeTags.touched(change);
        if (tags.isEmpty()) {
            return;
        }
        synchronized (this) {
            // Named even when "site" waits too: a receiver may log or count what each purge was for.
            if (pending.size() + tags.size() > MAX_TAGS) {
                pending.clear();
                pending.addAll(EVERYTHING);
            } else {
                pending.addAll(tags);
            }
            notifyAll();
        }
    }

    private void run() {
        while (true) {
            List<String> batch;
            try {
                synchronized (this) {
                    while (pending.isEmpty() && !closed) {
                        wait();
                    }
                    if (pending.isEmpty()) {
                        return;
                    }
                }
                Thread.sleep(BATCH_MILLIS); // the changes of one busy moment go in one call
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            post(batch);
        }
    }

    private void post(List<String> tags) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("tags", tags)))).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                failed("answered " + status);
            }
        } catch (IOException e) {
            failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String why) {
        failures.log(held -> LOG.warn("the purge webhook {} {}; shared caches keep those pages until they expire{}", url, why,
                held == 0 ? "" : " (" + held + " more failures since the last line)"));
    }

    /** Sends what is waiting, then stops. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = thread;
        }
        if (running != null) {
            try {
                running.join(TIMEOUT.toMillis() + BATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
