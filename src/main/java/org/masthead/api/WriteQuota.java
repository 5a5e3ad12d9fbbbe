package org.masthead.api;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many write requests one API token may send: {@code limit} a minute, counted in windows of
 * a minute from its first request. Kept in this instance's memory: with several instances behind
 * a balancer a client gets that many per instance, which still stops a runaway script.
 */
final class WriteQuota {
    static final long WINDOW_MILLIS = 60_000;
    private static final int FORGET_PAST = 10_000;

    private final int limit;
    private final LongSupplier clock;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int count) {
    }

    WriteQuota(int limit, LongSupplier clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one request of {@code token}; empty when it is allowed, else the seconds until the next one is. */
    OptionalLong take(long token) {
        long now = clock.getAsLong();
        if (windows.size() > FORGET_PAST) {
            windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        }
        Window window = windows.compute(token, (id, w) -> w == null || now - w.start() >= WINDOW_MILLIS
                ? new Window(now, 1) : new Window(w.start(), Math.min(w.count() + 1, limit + 1)));
        if (window.count() <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000));
    }
}
