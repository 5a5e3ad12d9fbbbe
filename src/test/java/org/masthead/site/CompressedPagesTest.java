package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;

/** Reader pages as a browser that takes gzip gets them, and the page cache switched off. */
class CompressedPagesTest {

    private static HttpResponse<byte[]> get(App app, String path, String... headers) throws Exception {
        return request(app, "GET", path, headers);
    }

    private static HttpResponse<byte[]> request(App app, String method, String path, String... headers) {
        return TestSites.bytes(app, method, path, headers);
    }

    private static String gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArticleComesGzippedToReadersWhoTakeItAndPlainToOthers(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        String article = Jsoup.parse(TestSites.get(app, "/").body()).selectFirst(".lead-headline a").attr("href");
        String plain = new String(get(app, article).body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> zipped = get(app, article, "Accept-Encoding", "gzip, deflate, br");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding, Sec-GPC");
        assertThat(zipped.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(gunzip(zipped.body())).isEqualTo(plain).contains("<article");
        assertThat(zipped.body().length).isLessThan(plain.length() / 2);

        String gzipTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(get(app, article, "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> head = request(app, "HEAD", article, "Accept-Encoding", "gzip");
        assertThat(head.headers().firstValue("ETag")).hasValue(gzipTag);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(zipped.body().length));
        assertThat(head.body()).isEmpty();
        HttpResponse<byte[]> refused = get(app, article, "Accept-Encoding", "gzip;q=0");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    /** The comment form's token: signed with the time and a nonce each time the page is rendered. */
    private static String formToken(String html) {
        return Jsoup.parse(html).selectFirst("input[name=token]").attr("value");
    }

    private static String leadHeadline(App app) {
        return Jsoup.parse(TestSites.get(app, "/").body()).selectFirst(".lead-headline").text();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withThePageCacheOffEveryRequestIsRendered(Kind kind) throws Exception {
        for (boolean cacheOn : new boolean[] {true, false}) {
            Config config = TestSites.config(kind).withPageCache(cacheOn);
            try (App app = App.create(config).start()) {
                long section = app.database().write(tx -> new SectionStore(app.database()).add(tx, "harbour", "Harbour",
                        "Ships and quays.", null, 0));
                app.database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx, ArticleEdit.of(
                        "pilot-boat-launched", "Pilot boat launched", "A new boat for the harbour.", "First paragraph.",
                        section, ArticleStatus.PUBLISHED, Instant.parse("2026-11-20T09:00:00Z")), ArticleEdit.By.SYSTEM));
                assertThat(leadHeadline(app)).isEqualTo("Pilot boat launched");
                String path = "/2026/11/20/pilot-boat-launched";
                String first = formToken(TestSites.get(app, path).body());
                String second = formToken(TestSites.get(app, path).body());
                if (cacheOn) {
                    assertThat(second).as("the kept copy").isEqualTo(first);
                } else {
                    assertThat(second).as("rendered afresh").isNotEqualTo(first);
                }
                HttpResponse<byte[]> zipped = get(app, path, "Accept-Encoding", "gzip");
                assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
                String third = formToken(gunzip(zipped.body()));
                assertThat(third.equals(first)).as(cacheOn ? "the kept copy, zipped" : "rendered afresh, zipped")
                        .isEqualTo(cacheOn);
            }
        }
    }
}
