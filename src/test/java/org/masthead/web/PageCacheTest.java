package org.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.db.Change;

class PageCacheTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger renders = new AtomicInteger();
    private final PageCache cache = new PageCache(now::get);
    /** When set, /page fails as a render does while the database cannot be reached. */
    private volatile boolean databaseAway;
    private Javalin server;

    @BeforeEach
    void start() {
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.port = 0;
            c.routes.get("/page", cache.cached(ctx -> {
                if (databaseAway) {
                    throw new IllegalStateException("render failed",
                            new java.sql.SQLTransientConnectionException("masthead - Connection is not available"));
                }
                byte[] html = ("render " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                PageCache.Rendered rendered = new PageCache.Rendered(html, "\"" + renders.get() + "\"");
                ctx.attribute(PageCache.RENDERED, rendered);
                Templates.send(ctx, rendered);
            }));
            c.routes.get("/big", cache.cached(ctx -> {
                // A third of the cache's byte budget and a little more: the third such page does not fit.
                byte[] html = new byte[(int) (PageCache.MAX_BYTES / 3) + 1];
                PageCache.Rendered rendered = new PageCache.Rendered(html, "\"" + renders.incrementAndGet() + "\"");
                ctx.attribute(PageCache.RENDERED, rendered);
                Templates.send(ctx, rendered);
            }));
            c.routes.exception(Exception.class, (e, ctx) -> ctx.status(503).result("unavailable"));
        }).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String get() throws Exception {
        return get("/page");
    }

    private String get(String pathAndQuery) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** The ETag of a large page, which names the render that made it. */
    private String etagOfBig(int n) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/big?n=" + n)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        }
    }

    @Test
    void aFloodOfDistinctUrlsStaysInTheByteBudgetAndKeepsThePagesReadersRead() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get()).as("a page readers keep asking for").isEqualTo("render 1");
        }
        // Thirty large pages, each asked for once, would be ten times the budget.
        for (int n = 0; n < 30; n++) {
            etagOfBig(n);
            assertThat(cache.weight()).isLessThanOrEqualTo(PageCache.MAX_BYTES);
        }
        assertThat(get()).as("the often-read page was not pushed out").isEqualTo("render 1");
        // A new page that readers keep asking for earns its place over pages asked for once.
        boolean kept = false;
        for (int i = 0; i < 5 && !kept; i++) {
            kept = etagOfBig(100).equals(etagOfBig(100));
        }
        assertThat(kept).as("a page asked for again and again is kept").isTrue();
        assertThat(cache.weight()).isLessThanOrEqualTo(PageCache.MAX_BYTES);
    }

    @Test
    void trackingParametersShareThePlainPagesCopy() throws Exception {
        assertThat(get("/page")).isEqualTo("render 1");
        assertThat(get("/page?utm_source=newsletter&utm_medium=email")).isEqualTo("render 1");
        assertThat(get("/page?fbclid=IwAR0abc&gclid=xyz")).isEqualTo("render 1");
        assertThat(get("/page?cpage=2")).as("a parameter pages read is part of the key").isEqualTo("render 2");
        assertThat(get("/page?cpage=2&utm_campaign=x")).isEqualTo("render 2");
        assertThat(PageCache.keptQuery("utm_source=a&cpage=2&FBCLID=b&corder=newest")).isEqualTo("cpage=2&corder=newest");
    }

    @Test
    void servesTheKeptPageUntilAShownEntityChanges() throws Exception {
        assertThat(get()).isEqualTo("render 1");
        assertThat(get()).isEqualTo("render 1");

        cache.changed(new Change(1, "spam_model", 1, Change.Kind.UPDATED));
        assertThat(get()).as("the spam model is on no page").isEqualTo("render 1");

        cache.changed(new Change(2, "article", 5, Change.Kind.UPDATED));
        assertThat(get()).isEqualTo("render 2");
    }

    @Test
    void rendersAfreshOnceThePageIsFifteenMinutesOld() throws Exception {
        assertThat(get()).isEqualTo("render 1");
        now.addAndGet(PageCache.MAX_AGE_MILLIS - 1);
        assertThat(get()).isEqualTo("render 1");
        now.addAndGet(1);
        assertThat(get()).isEqualTo("render 2");
        assertThat(get()).isEqualTo("render 2");
    }

    @Test
    void servesTheLastCopyPastItsAgeWhileTheDatabaseIsAway() throws Exception {
        assertThat(get()).isEqualTo("render 1");
        now.addAndGet(PageCache.MAX_AGE_MILLIS + 60_000);
        databaseAway = true;
        assertThat(get()).as("stale, rather than an error").isEqualTo("render 1");
        databaseAway = false;
        assertThat(get()).as("fresh again once the database is back").isEqualTo("render 2");
    }

    @Test
    void aPageNeverKeptIsAnErrorWhileTheDatabaseIsAway() throws Exception {
        databaseAway = true;
        assertThat(get()).isEqualTo("unavailable");
    }
}
