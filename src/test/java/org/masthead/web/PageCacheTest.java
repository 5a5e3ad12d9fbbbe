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
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/page")).build(),
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
    void startsOverWhenTheNextPageWouldPassTheByteBudget() throws Exception {
        String first = etagOfBig(1);
        String second = etagOfBig(2);
        assertThat(etagOfBig(1)).as("two large pages fit").isEqualTo(first);
        assertThat(etagOfBig(2)).isEqualTo(second);

        String third = etagOfBig(3);
        assertThat(etagOfBig(3)).as("the page that did not fit is kept in the emptied cache").isEqualTo(third);
        assertThat(etagOfBig(1)).as("older pages were let go").isNotEqualTo(first);
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
