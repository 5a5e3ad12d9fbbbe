package org.masthead.db;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background task that runs at start and then at a fixed delay on a daemon thread of its
 * own, such as publishing scheduled articles or sweeping old comment data. A failed run is
 * logged and the next one tries again: a passing database hiccup must not stop the timer.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private ScheduledExecutorService timer;
    private final LogThrottle failures = new LogThrottle(Duration.ofMinutes(1));
    private int failedRuns;

    public Periodic(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
    }

    public synchronized void start() {
        start(Duration.ZERO);
    }

    /** Runs the first time after {@code first} instead of at once. */
    public synchronized void start(Duration first) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        timer.scheduleWithFixedDelay(this::runSafely, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The first failure in a row is logged with its cause; while it goes on, a line a minute. */
    private void runSafely() {
        try {
            work.run();
            if (failedRuns > 0) {
                LOG.info("{} works again after {} failed runs", name, failedRuns);
                failedRuns = 0;
            }
        } catch (RuntimeException e) {
            if (failedRuns++ == 0) {
                LOG.warn("{} failed; it runs again in {}", name, interval, e);
            } else {
                failures.log(held -> LOG.warn("{} still failing ({} runs in a row): {}", name, failedRuns, e.getMessage()));
            }
        }
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
