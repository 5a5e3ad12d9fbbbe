package org.masthead.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Lets one log line through per interval and counts the ones held back, so that an outage that
 * fails every request or every run of a timer writes a line a minute, not thousands.
 */
public final class LogThrottle {
    private final long intervalMillis;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong held = new AtomicLong();

    public LogThrottle(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** Calls {@code write} with how many lines were held back since the last one, or holds this one back. */
    public void log(LongConsumer write) {
        long now = System.currentTimeMillis();
        long previous = last.get();
        if (now - previous >= intervalMillis && last.compareAndSet(previous, now)) {
            write.accept(held.getAndSet(0));
        } else {
            held.incrementAndGet();
        }
    }
}
