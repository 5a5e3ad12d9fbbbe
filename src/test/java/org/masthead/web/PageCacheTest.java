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
    private final PageCache off = new PageCache(false);
    private final PageCache shared = new PageCache(now::get);
    private final PageCache sharedOff = new PageCache(false);
    /** A page long enough to be worth compressing, as article pages are. */
    private static final String LONG = "<p>The harbour master said the pilot boat would sail at dawn.</p>\n".repeat(200);
    /** When set, /page fails as a render does while the database cannot be reached. */
    private volatile boolean databaseAway;
    /** When set, the next /story render hears this change commit while it renders. */
    private volatile Change duringRender;
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
            // A story page: /story?id=N shows article N and its comments; "during" commits a change mid-render.
            c.routes.get("/story", cache.cached(ctx -> {
                long id = Long.parseLong(ctx.queryParam("id"));
                PageTags.declare(ctx, PageTags.article(id), PageTags.comments(id));
                Change during = duringRender;
                if (during != null) {
                    duringRender = null;
                    cache.changed(during);
                }
                byte[] html = ("story " + id + " render " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                PageCache.Rendered rendered = new PageCache.Rendered(html, "\"" + renders.get() + "\"");
                ctx.attribute(PageCache.RENDERED, rendered);
                Templates.send(ctx, rendered);
            }));
            c.routes.get("/long", cache.cached(this::renderLong));
            c.routes.head("/long", cache.cached(this::renderLong));
            c.routes.get("/uncached", off.cached(this::renderLong));
            CacheControl caching = new CacheControl(30, java.util.Set.of("masthead_consent"));
            shared.shareWith(caching);
            sharedOff.shareWith(caching);
            c.routes.get("/shared", shared.cached(this::renderLong));
            c.routes.get("/shared-uncached", sharedOff.cached(this::renderLong));
            c.routes.get("/sets-cookie", shared.cached(ctx -> {
                ctx.cookie("masthead_consent", "x");
                renderLong(ctx);
            }));
            c.routes.exception(Exception.class, (e, ctx) -> ctx.status(503).result("unavailable"));
        }).start();
    }

    private void renderLong(io.javalin.http.Context ctx) {
        renders.incrementAndGet();
        Templates.sendBytes(ctx, LONG.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", 0);
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

    private static Change comment(long seq, long article) {
        return new Change(seq, "comment", 1000 + seq, Change.Kind.CREATED, "article:" + article);
    }

    @Test
    void aChangeDropsOnlyThePagesShowingWhatItTouched() throws Exception {
        assertThat(get("/story?id=1")).isEqualTo("story 1 render 1");
        assertThat(get("/story?id=2")).isEqualTo("story 2 render 2");
        assertThat(get()).isEqualTo("render 3"); // declared nothing

        cache.changed(comment(1, 1));
        assertThat(get("/story?id=1")).as("its comments changed").isEqualTo("story 1 render 4");
        assertThat(get("/story?id=2")).as("another story's comments did not").isEqualTo("story 2 render 2");
        assertThat(get()).as("a page that declared nothing depends on everything").isEqualTo("render 5");

        cache.changed(new Change(2, "comment", 7, Change.Kind.DELETED));
        assertThat(get("/story?id=2")).as("a comment without its article could be anywhere").isEqualTo("story 2 render 6");

        cache.changed(new Change(3, "settings", 1, Change.Kind.UPDATED));
        assertThat(get("/story?id=1")).as("settings are on every page").isEqualTo("story 1 render 7");
    }

    @Test
    void aPageRenderedWhileAChangeTouchingItCommittedIsNotKept() throws Exception {
        duringRender = comment(1, 1);
        assertThat(get("/story?id=1")).isEqualTo("story 1 render 1");
        assertThat(get("/story?id=1")).as("its render may predate the comment").isEqualTo("story 1 render 2");
        assertThat(get("/story?id=1")).isEqualTo("story 1 render 2");

        duringRender = comment(2, 9);
        assertThat(get("/story?id=2")).isEqualTo("story 2 render 3");
        assertThat(get("/story?id=2")).as("a change it does not show does not stop it being kept")
                .isEqualTo("story 2 render 3");
    }

    @Test
    void cacheableAnswersSayHitOrMissAndNameTheirTags() throws Exception {
        HttpResponse<byte[]> miss = request("GET", "/story?id=4");
        HttpResponse<byte[]> hit = request("GET", "/story?id=4");
        assertThat(header(miss, "X-Cache")).isEqualTo("miss");
        assertThat(header(hit, "X-Cache")).isEqualTo("hit");
        for (HttpResponse<byte[]> response : java.util.List.of(miss, hit)) {
            assertThat(java.util.Set.of(header(response, "Surrogate-Key").split(" ")))
                    .containsExactlyInAnyOrder("site", "article:4", "comments:4");
        }
        assertThat(header(request("GET", "/page"), "Surrogate-Key")).isEqualTo("any");
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

    private HttpResponse<byte[]> request(String method, String path, String... headers) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (headers.length > 0) {
                request.headers(headers);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void theGzipCopyIsMadeOnceAndUnpacksToThePlainPage() throws Exception {
        HttpResponse<byte[]> first = request("GET", "/long", "Accept-Encoding", "gzip, deflate, br, zstd");
        HttpResponse<byte[]> again = request("GET", "/long", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> plain = request("GET", "/long");
        assertThat(renders.get()).as("one render serves all three").isEqualTo(1);
        for (HttpResponse<byte[]> zipped : java.util.List.of(first, again)) {
            assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
            assertThat(gunzip(zipped.body())).as("unpacked once, it is the page").isEqualTo(LONG);
            assertThat(zipped.body().length).isLessThan(LONG.length() / 5);
            assertThat(header(zipped, "Content-Length")).isEqualTo(Integer.toString(zipped.body().length));
        }
        assertThat(first.body()).isEqualTo(again.body());
        assertThat(header(plain, "Content-Encoding")).isNull();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(LONG);
        assertThat(header(plain, "Content-Length")).isEqualTo(Integer.toString(plain.body().length));
        String plainTag = header(plain, "ETag");
        assertThat(plainTag).isEqualTo(Templates.etag(LONG.getBytes(StandardCharsets.UTF_8)));
        assertThat(header(first, "ETag")).isEqualTo(plainTag.substring(0, plainTag.length() - 1) + "-gz\"")
                .isEqualTo(header(again, "ETag"));
        for (HttpResponse<byte[]> response : java.util.List.of(first, again, plain)) {
            assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
            assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
        }
    }

    @Test
    void eitherCodingsEtagGetsNotModified() throws Exception {
        String plainTag = header(request("GET", "/long"), "ETag");
        String gzipTag = header(request("GET", "/long", "Accept-Encoding", "gzip"), "ETag");
        assertThat(gzipTag).isNotEqualTo(plainTag).endsWith("-gz\"");

        HttpResponse<byte[]> zippedHoldingPlain = request("GET", "/long", "Accept-Encoding", "gzip", "If-None-Match", plainTag);
        assertThat(zippedHoldingPlain.statusCode()).isEqualTo(304);
        assertThat(zippedHoldingPlain.body()).isEmpty();
        assertThat(header(zippedHoldingPlain, "ETag")).as("the tag of what would have been sent").isEqualTo(gzipTag);
        assertThat(request("GET", "/long", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
        assertThat(request("GET", "/long", "Accept-Encoding", "gzip", "If-None-Match", "\"other\", W/" + gzipTag)
                .statusCode()).isEqualTo(304);
        assertThat(request("GET", "/long", "Accept-Encoding", "gzip", "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void noGzipForAClientThatDoesNotTakeIt() throws Exception {
        for (String refusal : new String[] {"identity", "gzip;q=0", "br, zstd", "gzip;q=0.4, identity", "GZIP; Q=0.000"}) {
            HttpResponse<byte[]> response = request("GET", "/long", "Accept-Encoding", refusal);
            assertThat(header(response, "Content-Encoding")).as(refusal).isNull();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(refusal).isEqualTo(LONG);
            assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        }
        for (String taker : new String[] {"*", "x-gzip", "identity;q=0.5, gzip;q=0.6", "br;q=1, gzip;q=0.1", "*;q=0, gzip"}) {
            HttpResponse<byte[]> response = request("GET", "/long", "Accept-Encoding", taker);
            assertThat(header(response, "Content-Encoding")).as(taker).isEqualTo("gzip");
            assertThat(gunzip(response.body())).isEqualTo(LONG);
        }
        HttpResponse<byte[]> neither = request("GET", "/long", "Accept-Encoding", "br, *;q=0");
        assertThat(neither.statusCode()).as("refuses gzip and the plain bytes").isEqualTo(406);
        assertThat(renders.get()).isEqualTo(1);
    }

    @Test
    void headSaysWhatGetWouldSendWithoutTheBody() throws Exception {
        HttpResponse<byte[]> get = request("GET", "/long", "Accept-Encoding", "gzip");
        for (int i = 0; i < 2; i++) { // the render, then the kept copy
            HttpResponse<byte[]> head = request("HEAD", "/long", "Accept-Encoding", "gzip");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(header(head, "Content-Encoding")).isEqualTo("gzip");
            assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
            assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
        }
        HttpResponse<byte[]> plainHead = request("HEAD", "/long");
        assertThat(header(plainHead, "Content-Encoding")).isNull();
        assertThat(header(plainHead, "Content-Length")).isEqualTo(Integer.toString(LONG.length()));
    }

    @Test
    void switchedOffItRendersEveryRequestAndStillCompresses() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<byte[]> response = request("GET", "/uncached", "Accept-Encoding", "gzip");
            assertThat(renders.get()).isEqualTo(i);
            assertThat(header(response, "Content-Encoding")).as("compressed as it goes").isEqualTo("gzip");
            assertThat(gunzip(response.body())).isEqualTo(LONG);
            assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        }
        assertThat(off.weight()).isZero();
        HttpResponse<byte[]> plain = request("GET", "/uncached");
        assertThat(header(plain, "Content-Encoding")).isNull();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(LONG);
    }

    @Test
    void sharedCachesMayKeepOnlyTheAnonymousPage() throws Exception {
        String anonymous = "public, max-age=0, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400";
        for (String path : new String[] {"/shared", "/shared-uncached"}) {
            HttpResponse<byte[]> first = request("GET", path, "Accept-Encoding", "gzip");
            HttpResponse<byte[]> hit = request("GET", path, "Cookie", "_ga=GA1.1.42; theme=dark");
            for (HttpResponse<byte[]> response : java.util.List.of(first, hit)) {
                assertThat(header(response, "Cache-Control")).as(path).isEqualTo(anonymous);
                assertThat(header(response, "Vary")).doesNotContain("Cookie");
            }
            assertThat(header(request("GET", path, "Cookie", "theme=dark; masthead_consent=abc.1.none"), "Cache-Control"))
                    .as(path + ", a reader's own cookie").isEqualTo("private, no-cache");
            assertThat(header(request("GET", path, "Authorization", "Bearer mh_x"), "Cache-Control"))
                    .as(path + ", credentials").isEqualTo("private, no-cache");
            HttpResponse<byte[]> revalidated = request("GET", path, "If-None-Match", header(first, "ETag"));
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(header(revalidated, "Cache-Control")).as("a 304 renews the shared copy").isEqualTo(anonymous);
        }
        assertThat(header(request("GET", "/sets-cookie"), "Cache-Control")).isEqualTo("no-store");
    }
}
