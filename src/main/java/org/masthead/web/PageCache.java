package org.masthead.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.Database;

/**
 * Rendered reader pages kept in memory, keyed by host, path, query and variant. Each page keeps
 * the tags of what it shows ({@link PageTags}, declared by its route while rendering), and a
 * committed change drops only the pages whose tags it touches ({@link ChangeTags}): a reader's
 * comment re-renders its article and the lists counting its comments, not the whole site.
 * A page rendered while a change touching it committed is not kept (each tag remembers when it
 * was last touched), and none is served from here once older than {@link #MAX_AGE_MILLIS},
 * except while the database cannot be reached: then the last copy is served rather than an
 * error (stale if error), as long as no committed change has dropped it. It holds at
 * most {@link #MAX_BYTES} bytes of HTML; past that, Caffeine evicts the pages least likely to
 * be asked for again (by recency and frequency), so a flood of distinct URLs cannot push out
 * the pages readers actually read. Tracking parameters (utm_*, fbclid, gclid, ...) are left
 * out of the key: a link shared on social media is the same page as the plain one.
 * Each kept page holds its gzip copy too ({@link KeptPage}), made once when it is stored, so a
 * hit costs no compression. Cacheable answers say {@code X-Cache: hit} or {@code miss} (for
 * operators and benchmarks) and list their tags in {@code Surrogate-Key}, the header shared
 * caches purge by. Switched off ({@code --page-cache off}), every request renders.
 */
public final class PageCache implements ChangeListener {
    static final String RENDERED = "masthead.rendered-page";
    /**
     * Bytes of HTML kept at most: an eighth of the heap, between 4 and 256 MB (14 MB under the
     * launcher's default heap), so the cache stays a small, fixed part of whatever heap the site
     * runs with and the collector keeps room to work.
     */
    static final long MAX_BYTES = Math.clamp(Runtime.getRuntime().maxMemory() / 8, 4L << 20, 256L << 20);

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

    private static final String VARY_CODING = "Accept-Encoding";

    private final Cache<String, KeptPage> pages;
    /** Counts the changes that touched some page; a render notes it before it starts. */
    private final AtomicLong changes = new AtomicLong();
    /**
     * For each stripe of tags (by hash), the count of the last change touching one of them. A
     * page is kept only if none of its stripes moved while it rendered; two tags sharing a stripe
     * cost a page not kept now and then, never a stale one, and the memory stays fixed.
     */
    private final AtomicLongArray touchedAt = new AtomicLongArray(STRIPES);
    private static final int STRIPES = 4096;
    private volatile Function<Context, String> variant = ctx -> "";
    /** The variant of an anonymous request ({@link AnonymousHits}) from the one header pages vary by; null: none. */
    private volatile UnaryOperator<String> anonymousVariant = value -> "";
    private volatile String variantHeader;
    private volatile String varyHeader = VARY_CODING;
    private volatile CacheControl caching = CacheControl.UNSHARED;
    private final LongSupplier clock;
    private final boolean enabled;

    public PageCache() {
        this(true);
    }

    /** A cache that keeps pages, or, when {@code enabled} is false, one that lets every request render. */
    public PageCache(boolean enabled) {
        this(System::currentTimeMillis, enabled);
    }

    /** {@code clock} gives the time in epoch milliseconds. */
    PageCache(LongSupplier clock) {
        this(clock, true);
    }

    private PageCache(LongSupplier clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
        // Eviction runs on the calling thread: no background pool, and what a test sees is settled.
        this.pages = Caffeine.newBuilder().maximumWeight(MAX_BYTES).executor(Runnable::run)
                .weigher((String key, KeptPage kept) -> kept.weight() + 2 * key.length())
                .build();
    }

    /** The bytes the kept pages weigh now (HTML, its gzip copy, keys and a little for each entry). */
    long weight() {
        return pages.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /**
     * Keeps one copy per variant of each page (such as "cookie question shown or not"), and
     * tells shared caches which request header chooses the variant for a reader without cookies
     * (besides Accept-Encoding, which chooses between the plain and the gzip bytes).
     * {@code anonymousVariantOf} gives the variant of such a reader from that header's value
     * (null when absent): it must be what {@code variantOf} says for them.
     */
    public void varyBy(String requestHeader, Function<Context, String> variantOf, UnaryOperator<String> anonymousVariantOf) {
        this.varyHeader = VARY_CODING + ", " + requestHeader;
        this.variantHeader = requestHeader;
        this.variant = variantOf;
        this.anonymousVariant = anonymousVariantOf;
    }

    /** Who may keep the pages: shared caches the anonymous ones, for as long as {@code caching} says. */
    public void shareWith(CacheControl caching) {
        this.caching = caching;
    }

    @Override
    public void changed(Change change) {
        drop(ChangeTags.touched(change));
    }

    /** Drops the pages carrying any of {@code tags}, and keeps pages rendering now from being stored. */
    void drop(Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        // Noted before dropping: a page stored after the drop below sees this and removes itself.
        long at = changes.incrementAndGet();
        for (String tag : tags) {
            touchedAt.accumulateAndGet(stripe(tag), at, Math::max);
        }
        if (tags.contains(PageTags.SITE)) {
            pages.invalidateAll();
        } else {
            pages.asMap().values().removeIf(kept -> kept.showsAny(tags));
        }
    }

    private static int stripe(String tag) {
        return (tag.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** Whether no change touched any of {@code tags} after the count {@code since}. */
    private boolean untouchedSince(Set<String> tags, long since) {
        for (String tag : tags) {
            if (touchedAt.get(stripe(tag)) > since) {
                return false;
            }
        }
        return true;
    }

    /** Query parameters that only say where a reader came from; no page looks at them. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
            "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "mkt_tok");

    /** The query string without tracking parameters (utm_* and {@link #TRACKING}), in its order; "" when none is left. */
    static String keptQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            if (pair.isEmpty() || name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.append(kept.isEmpty() ? "" : "&").append(pair);
        }
        return kept.toString();
    }

    /**
     * The key of a page: {@code origin} (scheme://host[:port]), path, the query ({@code rawQuery},
     * maybe null) without tracking parameters, and the variant.
     */
    static String key(String origin, String path, String rawQuery, String variant) {
        String query = keptQuery(rawQuery);
        return origin + path + (query.isEmpty() ? "" : "?" + query) + "#" + variant;
    }

    /** The kept page under {@code key} if it is young enough to serve; null otherwise. */
    KeptPage fresh(String key) {
        KeptPage hit = pages.getIfPresent(key);
        return hit != null && clock.getAsLong() - hit.storedAt() < MAX_AGE_MILLIS ? hit : null;
    }

    /** The variant a reader without cookies gets, from the value of the header pages vary by (null when absent). */
    String anonymousVariant(Function<String, String> header) {
        String name = variantHeader;
        return anonymousVariant.apply(name == null ? null : header.apply(name));
    }

    /** The Cache-Control of a page answered to a reader without cookies or credentials. */
    String anonymousCacheControl() {
        return caching.anonymous();
    }

    boolean enabled() {
        return enabled;
    }

    /** Wraps a page handler: answers from the cache when it can, fills it when it cannot. */
    public Handler cached(Handler handler) {
        if (!enabled) {
            return ctx -> {
                ctx.header("Vary", varyHeader);
                handler.handle(ctx);
                if (ctx.attribute(RENDERED) != null) {
                    ctx.header(SURROGATE_KEY, String.join(" ", PageTags.of(ctx)));
                    int status = ctx.status().getCode();
                    if (status == 200 || status == 304) {
                        ctx.header("Cache-Control", caching.of(ctx));
                    }
                }
            };
        }
        return ctx -> {
            // Pages carry absolute URLs in their structured data, so the origin is part of the key.
            // The origin is the configured base URL when there is one, so then no Host header can make a new entry.
            String key = key(Origin.of(ctx), ctx.path(), ctx.queryString(), variant.apply(ctx));
            ctx.header("Vary", varyHeader);
            KeptPage hit = pages.getIfPresent(key);
            if (hit != null && clock.getAsLong() - hit.storedAt() < MAX_AGE_MILLIS) {
                send(ctx, hit, "hit");
                return;
            }
            // What the routes answered so far is what every hit of this page starts with.
            KeptPage.RouteHeaders routeHeaders = AnonymousHits.routeHeaders(ctx);
            long before = changes.get();
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                // Stale if error: while the database is away, the last good copy beats an error page,
                // unless a committed change dropped it meanwhile.
                if (hit != null && Database.unavailable(e) && pages.getIfPresent(key) == hit) {
                    ctx.status(200);
                    send(ctx, hit, "stale");
                    return;
                }
                throw e;
            }
            Rendered rendered = ctx.attribute(RENDERED);
            int status = ctx.status().getCode();
            if (rendered == null || status != 200 && status != 304) {
                return;
            }
            Set<String> tags = PageTags.of(ctx);
            KeptPage kept = KeptPage.of(rendered, tags, clock.getAsLong(), routeHeaders);
            if (untouchedSince(tags, before)) {
                pages.put(key, kept);
                // A change noted between the check and the put may have dropped pages before this one was in.
                if (!untouchedSince(tags, before)) {
                    pages.asMap().remove(key, kept);
                }
            }
            // This first reader gets the page as every later one will: its coding, its ETag, compressed once.
            ctx.result(NOTHING);
            ctx.status(200);
            send(ctx, kept, "miss");
        };
    }

    static final String SURROGATE_KEY = "Surrogate-Key";

    private void send(Context ctx, KeptPage page, String cache) throws java.io.IOException {
        ctx.header("X-Cache", cache);
        ctx.header(SURROGATE_KEY, page.surrogateKey());
        page.send(ctx, caching.of(ctx));
    }

    private static final byte[] NOTHING = new byte[0];
}
