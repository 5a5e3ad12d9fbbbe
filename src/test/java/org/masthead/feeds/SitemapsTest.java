package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;

/** robots.txt and the sitemaps of the demo site, checked against the sitemaps.org schemas and the site itself. */
class SitemapsTest {

    private static HttpResponse<String> fetch(App app, String path) {
        HttpResponse<String> response = TestSites.get(app, path);
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return response;
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void robotsKeepsTheNewsroomOutAndNamesTheSitemaps(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> robots = fetch(app, "/robots.txt");
        assertThat(robots.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
        List<String> lines = robots.body().lines().toList();
        assertThat(lines).contains("User-agent: *", "Disallow: /newsroom", "Disallow: /preview/");
        assertThat(lines).contains("Sitemap: " + TestSites.baseUrl(app) + "/sitemap.xml",
                "Sitemap: " + TestSites.baseUrl(app) + "/sitemaps/news.xml");
        assertThat(lines).noneMatch(l -> l.equals("Disallow: /") || l.equals("Disallow: /section"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theIndexAndEveryUrlSitemapAreValidAndNameEveryPublishedStory(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        String index = fetch(app, "/sitemap.xml").body();
        assertThat(XmlChecks.xsdProblems(index, ThirdPartyData.path("xsd/siteindex.xsd"))).isEmpty();
        List<String> sitemaps = xml(index).select("sitemapindex > sitemap > loc").eachText();
        assertThat(sitemaps).extracting(SitemapsTest::path)
                .containsExactly("/sitemaps/lists.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml");
        for (Element lastmod : xml(index).select("lastmod")) {
            OffsetDateTime.parse(lastmod.text());
        }

        String lists = fetch(app, "/sitemaps/lists.xml").body();
        assertThat(XmlChecks.xsdProblems(lists, ThirdPartyData.path("xsd/sitemap.xsd"))).isEmpty();
        List<String> listed = xml(lists).select("url > loc").eachText().stream().map(SitemapsTest::path).toList();
        assertThat(listed).contains("/", "/section/city-hall", "/author/mara-okonjo", "/about", "/privacy");
        for (String page : listed) {
            assertThat(TestSites.get(app, page).statusCode()).as(page).isEqualTo(200);
        }

        Document articles = xml(fetch(app, "/sitemaps/articles-1.xml").body());
        List<Element> urls = articles.select("urlset > url");
        long published = app.database().read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
        assertThat(urls).hasSize((int) published);
        for (Element url : urls) {
            String page = path(url.selectFirst("loc").text());
            assertThat(page).matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");
            OffsetDateTime.parse(url.selectFirst("lastmod").text());
            for (Element image : url.select("image|image > image|loc")) {
                assertThat(TestSites.get(app, path(image.text())).statusCode()).isEqualTo(200);
            }
        }
        assertThat(articles.select("image|image")).as("pictures of the stories").isNotEmpty();
        // A story's page answers at the address the sitemap gives, and its picture is the sitemap's.
        Element first = urls.getFirst();
        Document story = Jsoup.parse(fetch(app, path(first.selectFirst("loc").text())).body());
        assertThat(story.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(path(first.selectFirst("loc").text()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sitemapsThatDoNotExistAre404(Kind kind) {
        App app = TestSites.demo(kind);
        for (String path : List.of("/sitemaps/articles-0.xml", "/sitemaps/articles-2.xml", "/sitemaps/articles-99999999999.xml",
                "/sitemaps/articles--1.xml", "/sitemaps/articles-1.xml.gz", "/sitemaps/articles-01.xml", "/sitemaps/..%2Fsitemap.xml",
                "/sitemaps/" + "9".repeat(300) + ".xml")) {
            assertThat(TestSites.get(app, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sitemapsAreCompressedForCrawlersThatAskAndAreTheSameBytes(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        for (String path : List.of("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/lists.xml", "/sitemaps/news.xml")) {
            HttpResponse<byte[]> plain = TestSites.bytes(app, "GET", path);
            HttpResponse<byte[]> gzip = TestSites.bytes(app, "GET", path, "Accept-Encoding", "gzip");
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("content-encoding")).as(path).isEmpty();
            if (plain.body().length > 2_000) { // the server leaves short answers as they are
                assertThat(gzip.headers().firstValue("content-encoding")).as(path).hasValue("gzip");
                assertThat(gzip.body().length).as(path).isLessThan(plain.body().length / 3);
            }
            byte[] unpacked = gzip.headers().firstValue("content-encoding").isPresent()
                    ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes()
                    : gzip.body();
            assertThat(new String(unpacked, java.nio.charset.StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
    /**
     * The kept sitemaps (the index and the news sitemap) carry a strong ETag per coding and answer
     * 304 to a crawler that holds them already, and say that the coding depends on Accept-Encoding.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void keptSitemapsAnswerNotModifiedToACrawlerThatHoldsThem(Kind kind) {
        App app = TestSites.demo(kind);
        for (String path : List.of("/sitemap.xml", "/sitemaps/news.xml")) {
            HttpResponse<byte[]> plain = TestSites.bytes(app, "GET", path);
            HttpResponse<byte[]> gzip = TestSites.bytes(app, "GET", path, "Accept-Encoding", "gzip");
            String etag = plain.headers().firstValue("etag").orElseThrow(() -> new AssertionError(path + " has no ETag"));
            assertThat(plain.headers().firstValue("vary")).as(path).hasValue("Accept-Encoding");
            assertThat(plain.headers().firstValue("cache-control")).as(path).hasValue("public, max-age=300");
            assertThat(plain.headers().firstValue("content-type")).as(path).hasValue("application/xml; charset=utf-8");
            if (gzip.headers().firstValue("content-encoding").isPresent()) {
                assertThat(gzip.headers().firstValue("etag")).as(path).isPresent().isNotEqualTo(Optional.of(etag));
            }
            HttpResponse<byte[]> again = TestSites.bytes(app, "GET", path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(TestSites.bytes(app, "GET", path, "If-None-Match", "\"something-else\"").statusCode()).as(path)
                    .isEqualTo(200);
        }
    }
}
