package org.masthead.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;

/**
 * Rendered reader pages kept in memory, keyed by host, path, query and variant. Any committed change
 * empties it: writes are rare next to reads, and a page shows many entities (lists,
 * related stories, navigation), so dropping everything is both simple and never stale.
 * A page rendered while a change committed is not kept (the generation moved on), and none
 * is served from here once older than {@link #MAX_AGE_MILLIS}. It holds at most {@link #MAX_PAGES}
 * pages and {@link #MAX_BYTES} bytes of HTML; when either is reached it starts empty again.
 */
public final class PageCache implements ChangeListener {
    static final String RENDERED = "masthead.rendered-page";
    private static final int MAX_PAGES = 5_000;
    /** Bytes of HTML kept at most: the cache stays a small, fixed part of the heap. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /**
     * The bytes of one rendered page (HTML, or a feed), their ETag, media type, and the time
     * its newest content changed (epoch milliseconds, 0 when unknown), sent as Last-Modified.
     */
    public record Rendered(byte[] html, String etag, String contentType, long lastModified) {
        public Rendered(byte[] html, String etag) {
            this(html, etag, "text/html; charset=utf-8", 0);
        }
    }

    /**
     * A page is rendered afresh after this long even when nothing changed: its comment form's
     * signed token stays young, and rules that turn with time (comments closing N days after
     * publication) show without waiting for the next write.
     */
    static final long MAX_AGE_MILLIS = 15 * 60 * 1000;

    private record Kept(Rendered page, long storedAt) {
    }

    private final Map<String, Kept> pages = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Function<Context, String> variant = ctx -> "";
    private volatile String varyHeader;
    private final LongSupplier clock;

    public PageCache() {
        this(System::currentTimeMillis);
    }

    /** {@code clock} gives the time in epoch milliseconds. */
    PageCache(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Keeps one copy per variant of each page (such as "cookie question shown or not"), and
     * tells shared caches which request headers choose the variant.
     */
    public void varyBy(String requestHeaders, Function<Context, String> variantOf) {
        this.varyHeader = requestHeaders;
        this.variant = variantOf;
    }

    /**
     * Entities no reader page shows: the spam model (learning from moderators) and comment
     * blocklists. Their changes leave the cached pages alone (the consent log records none).
     */
    private static final Set<String> UNSEEN = Set.of("spam_model", "comment_block");

    @Override
    public void changed(Change change) {
        if (UNSEEN.contains(change.entity())) {
            return;
        }
        generation.incrementAndGet();
        empty();
    }

    private void empty() {
        pages.clear();
        bytes.set(0);
    }

    /** Wraps a page handler: answers from the cache when it can, fills it when it cannot. */
    public Handler cached(Handler handler) {
        return ctx -> {
            // Pages carry absolute URLs in their structured data, so the host is part of the key.
            String key = ctx.scheme() + "://" + ctx.host() + ctx.path()
                    + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) + "#" + variant.apply(ctx);
            if (varyHeader != null) {
                ctx.header("Vary", varyHeader);
            }
            Kept hit = pages.get(key);
            if (hit != null && clock.getAsLong() - hit.storedAt() < MAX_AGE_MILLIS) {
                Templates.send(ctx, hit.page());
                return;
            }
            long before = generation.get();
            handler.handle(ctx);
            Rendered rendered = ctx.attribute(RENDERED);
            int status = ctx.status().getCode();
            boolean ok = status == 200 || status == 304;
            if (rendered != null && ok && generation.get() == before) {
                long size = rendered.html().length;
                if (pages.size() >= MAX_PAGES || bytes.get() + size > MAX_BYTES) {
                    empty(); // a full cache starts over: cheaper than tracking which page is coldest
                }
                Kept previous = pages.put(key, new Kept(rendered, clock.getAsLong()));
                bytes.addAndGet(size - (previous == null ? 0 : previous.page().html().length));
            }
        };
    }
}
