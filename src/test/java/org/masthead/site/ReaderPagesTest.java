package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The reader pages over real HTTP, on the demo site, on SQLite and on PostgreSQL. */
class ReaderPagesTest {

    private static Document page(App app, String path) {
        HttpResponse<String> response = TestSites.get(app, path);
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
        return Jsoup.parse(response.body(), TestSites.baseUrl(app) + path);
    }

    private static String firstArticlePath(App app) {
        Document home = page(app, "/");
        return URI.create(home.selectFirst(".lead-headline a").absUrl("href")).getPath();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void homeLeadsWithTheNewestStoryThenSections(Kind kind) {
        App app = TestSites.demo(kind);
        Document home = page(app, "/");
        assertThat(home.select("h1")).hasSize(1);
        Element lead = home.selectFirst(".lead-story");
        assertThat(lead).isNotNull();
        assertThat(lead.select("img[alt]")).hasSize(1);
        assertThat(lead.selectFirst(".lead-dek").text()).isNotBlank();
        assertThat(lead.select("time[datetime]")).hasSize(1);
        Elements blocks = home.select(".section-block");
        assertThat(blocks.size()).isGreaterThanOrEqualTo(5);
        for (Element block : blocks) {
            assertThat(block.selectFirst("h2 a").attr("href")).startsWith("/section/");
            for (Element card : block.select(".card")) {
                assertThat(card.select("img")).hasSize(1);
                assertThat(card.selectFirst(".card-headline a").attr("href")).matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");
                assertThat(card.selectFirst(".card-dek").text()).isNotBlank();
                assertThat(card.select("time[datetime]")).hasSize(1);
            }
        }
        assertThat(home.select("a.skip-link[href=#main-content]")).hasSize(1);
        assertThat(home.select("main#main-content")).hasSize(1);
        assertThat(home.select("nav[aria-label=Sections] a[href^=/section/]").size()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void articlePageHasEveryElementOfTheReferencePage(Kind kind) {
        App app = TestSites.demo(kind);
        String path = firstArticlePath(app);
        assertThat(path).matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+");
        Document doc = page(app, path);

        Element breadcrumb = doc.selectFirst("nav[aria-label=Breadcrumb]");
        List<String> trail = breadcrumb.select("li").eachText();
        assertThat(trail.getFirst()).isEqualTo("Home");
        assertThat(trail.size()).isGreaterThanOrEqualTo(3);
        assertThat(breadcrumb.select("a").get(1).attr("href")).startsWith("/section/");
        String headline = doc.selectFirst("h1").text();
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(trail.getLast()).isEqualTo(headline);
        assertThat(doc.select("script[type=application/ld+json]").html()).contains("BreadcrumbList").contains("NewsArticle");

        assertThat(doc.selectFirst(".dek").text()).isNotBlank();
        Elements byline = doc.select(".byline a");
        assertThat(byline).isNotEmpty();
        byline.forEach(a -> assertThat(a.attr("href")).matches("/author/[a-z0-9-]+"));
        assertThat(doc.select(".dateline time[datetime]")).isNotEmpty();

        Element featured = doc.selectFirst("figure.featured");
        assertThat(featured.selectFirst("img").attr("alt")).isNotBlank().isNotEqualTo(headline);
        assertThat(featured.selectFirst("img").attr("srcset")).contains("480w").contains("960w").contains("1600w");
        Element caption = featured.selectFirst("figcaption");
        assertThat(caption.text()).isNotBlank();
        assertThat(caption.select(".credit")).hasSize(1);
        assertThat(doc.text().split(java.util.regex.Pattern.quote(caption.ownText().strip()), -1).length - 1)
                .as("caption printed once").isEqualTo(1);

        Element body = doc.selectFirst(".story-body");
        assertThat(body.select("h2[id]")).isNotEmpty();
        Elements seeAlso = body.select("p.see-also a");
        assertThat(seeAlso.size()).isBetween(2, 3);
        Set<String> targets = new HashSet<>(seeAlso.eachAttr("href"));
        assertThat(targets).hasSize(seeAlso.size()).doesNotContain(path);
        for (Element link : seeAlso) {
            Element p = link.parent();
            assertThat(p.previousElementSibling().tagName()).as("See also sits between paragraphs").isEqualTo("p");
            assertThat(p.nextElementSibling().tagName()).isEqualTo("p");
        }

        assertThat(doc.select(".story-tags a[href^=/tag/]")).isNotEmpty();
        Elements related = doc.select(".related .card");
        assertThat(related.size()).isBetween(4, 6);
        for (Element card : related) {
            assertThat(card.select("img")).hasSize(1);
            assertThat(card.selectFirst(".card-headline a").attr("href")).isNotEqualTo(path);
            assertThat(card.selectFirst(".card-section a").text()).isNotBlank();
            assertThat(card.select("time[datetime]")).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void inlineFiguresShowCaptionAndCreditOnce(Kind kind) {
        App app = TestSites.demo(kind);
        int figures = 0;
        for (String path : page(app, "/section/city").select(".card-headline a").eachAttr("href")) {
            Document doc = page(app, path);
            for (Element figure : doc.select(".story-body figure")) {
                figures++;
                assertThat(figure.select("img[alt]")).hasSize(1);
                assertThat(figure.select("figcaption")).hasSize(1);
                assertThat(figure.select("figcaption .credit")).hasSize(1);
            }
        }
        assertThat(figures).isGreaterThan(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sectionPagesArePaginatedWithRelLinks(Kind kind) {
        App app = TestSites.demo(kind);
        Document first = page(app, "/section/city");
        assertThat(first.selectFirst("h1").text()).isEqualTo("City");
        assertThat(first.select("nav.subsections a").eachAttr("href")).contains("/section/city-hall", "/section/transport");
        assertThat(page(app, "/section/city-hall").select("nav[aria-label=Breadcrumb] li").eachText())
                .containsExactly("Home", "City", "City Hall");
        assertThat(first.select(".story-list .card")).hasSize(Paged.PAGE_SIZE);
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo("/section/city?page=2");
        assertThat(first.select("link[rel=prev]")).isEmpty();
        Document second = page(app, "/section/city?page=2");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo("/section/city");
        assertThat(second.select(".story-list .card")).isNotEmpty();
        Set<String> firstLinks = new HashSet<>(first.select(".card-headline a").eachAttr("href"));
        assertThat(second.select(".card-headline a").eachAttr("href")).doesNotContainAnyElementsOf(firstLinks);
        assertThat(TestSites.get(app, "/section/city?page=99").statusCode()).isEqualTo(404);
        assertThat(TestSites.get(app, "/section/city?page=abc").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void authorAndTagPagesListTheirStories(Kind kind) {
        App app = TestSites.demo(kind);
        String path = firstArticlePath(app);
        Document article = page(app, path);
        String authorPath = article.selectFirst(".byline a").attr("href");
        Document author = page(app, authorPath);
        assertThat(author.selectFirst("h1").text()).isEqualTo(article.selectFirst(".byline a").text());
        assertThat(author.selectFirst(".author-bio").text().length()).isGreaterThan(40);
        assertThat(author.selectFirst(".listing-header img").attr("alt")).isNotBlank();
        assertThat(author.select(".card-headline a").eachAttr("href")).contains(path);

        String tagPath = article.selectFirst(".story-tags a").attr("href");
        Document tag = page(app, tagPath);
        assertThat(tag.select(".card-headline a").eachAttr("href")).contains(path);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnchangedPageAnswers304ToItsETag(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> first = TestSites.get(app, "/section/sport");
        String etag = first.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> again = TestSites.send(app, HttpRequest.newBuilder(
                URI.create(TestSites.baseUrl(app) + "/section/sport")).header("If-None-Match", etag).GET());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> stale = TestSites.send(app, HttpRequest.newBuilder(
                URI.create(TestSites.baseUrl(app) + "/section/sport")).header("If-None-Match", "\"other\"").GET());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void staticPagesAndHealth(Kind kind) {
        App app = TestSites.demo(kind);
        assertThat(page(app, "/about").selectFirst("h1").text()).isNotBlank();
        assertThat(page(app, "/privacy").selectFirst("h1").text()).contains("Privacy");
        HttpResponse<String> health = TestSites.get(app, "/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** Sends a request line no well-behaved client would, and returns the status line. */
    private static String rawStatusLine(App app, String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void errorsAnswerWithTheRightStatusAndAHelpfulPage(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        HttpResponse<String> missing = TestSites.get(app, "/no/such/page/here");
        assertThat(missing.statusCode()).isEqualTo(404);
        Document notFound = Jsoup.parse(missing.body());
        assertThat(notFound.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(notFound.select(".error-page a[href^=/20]")).isNotEmpty();
        // A passing state: no cache, shared or the browser's, keeps an error page.
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(TestSites.get(app, "/2026/11/27/no-such-story").statusCode()).isEqualTo(404);
        assertThat(TestSites.get(app, "/section/no-such-section").statusCode()).isEqualTo(404);
        assertThat(TestSites.get(app, "/2026/13/45/some-story").statusCode()).isEqualTo(400);
        assertThat(rawStatusLine(app, "/%E0%A4%A")).contains(" 400 ");

        String article = firstArticlePath(app);
        HttpResponse<String> post = TestSites.send(app, HttpRequest.newBuilder(
                URI.create(TestSites.baseUrl(app) + article)).POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertThat(post.statusCode()).isEqualTo(405);

        HttpResponse<String> head = TestSites.send(app, HttpRequest.newBuilder(
                URI.create(TestSites.baseUrl(app) + article)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        String wrongDate = article.replaceFirst("/\\d{4}/\\d{2}/\\d{2}/", "/2020/01/01/");
        HttpResponse<String> moved = TestSites.get(app, wrongDate);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location")).hasValue(article);
    }
}
