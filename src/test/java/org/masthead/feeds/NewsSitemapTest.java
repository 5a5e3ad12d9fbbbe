package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.SharedData;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.media.MediaStore;
import org.masthead.content.SectionStore;

/** The news sitemap and the image entries of a fresh site with stories of today and of last week. */
class NewsSitemapTest {
    private final Markdown markdown = new Markdown(url -> Optional.empty());

    private App siteWithStories(Kind kind) {
        App app = App.create(TestSites.config(kind)).start();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        app.database().write(tx -> {
            long section = new SectionStore(app.database()).add(tx, "city", "City", "", null, 1);
            long picture = new MediaStore(app.database()).add(tx, "2026/bridge.jpg", "image/jpeg", 2000, 1000,
                    List.of(480, 1200), "The bridge at dusk", "", "", null);
            ArticleStore articles = new ArticleStore(markdown);
            articles.create(tx, ArticleEdit.of("bridge-reopens", "Bridge reopens & traffic <flows>", "Dek", "Text.",
                    section, ArticleStatus.PUBLISHED, now.minus(2, ChronoUnit.HOURS)).withImage(picture), ArticleEdit.By.SYSTEM);
            articles.create(tx, new ArticleEdit("pt-story", "Ponte reabre", "Dek", "Texto.", "pt-BR", section, List.of(),
                    List.of(), null, List.of(), "", "", ArticleStatus.PUBLISHED, now.minus(47, ChronoUnit.HOURS), null, null,
                    null, true), ArticleEdit.By.SYSTEM);
            articles.create(tx, ArticleEdit.of("last-week", "Old news", "Dek", "Text.", section, ArticleStatus.PUBLISHED,
                    now.minus(7, ChronoUnit.DAYS)), ArticleEdit.By.SYSTEM);
            articles.create(tx, ArticleEdit.of("draft", "Not out yet", "Dek", "Text.", section, ArticleStatus.DRAFT, null),
                    ArticleEdit.By.SYSTEM);
            return null;
        });
        return app;
    }

    private static String body(App app, String path) {
        var response = TestSites.get(app, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/xml; charset=utf-8");
        return response.body();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNewsSitemapHoldsTheLastTwoDaysWithPublicationTitleAndDate(Kind kind) {
        try (App app = siteWithStories(kind)) {
            Document news = Jsoup.parse(body(app, "/sitemaps/news.xml"), "", Parser.xmlParser());
            List<Element> urls = news.select("urlset > url");
            assertThat(urls).extracting(u -> URI.create(u.selectFirst("loc").text()).getPath())
                    .hasSize(2).allMatch(p -> p.endsWith("/bridge-reopens") || p.endsWith("/pt-story"));
            Element first = urls.getFirst();
            assertThat(first.selectFirst("news|publication > news|name").text()).isEqualTo("Masthead");
            assertThat(first.selectFirst("news|publication > news|language").text()).isEqualTo("en");
            assertThat(first.selectFirst("news|title").text()).isEqualTo("Bridge reopens & traffic <flows>");
            assertThat(OffsetDateTime.parse(first.selectFirst("news|publication_date").text()).toInstant())
                    .isBetween(Instant.now().minus(3, ChronoUnit.HOURS), Instant.now());
            assertThat(urls.get(1).selectFirst("news|language").text()).isEqualTo("pt");

            Document articles = Jsoup.parse(body(app, "/sitemaps/articles-1.xml"), "", Parser.xmlParser());
            assertThat(articles.select("url")).hasSize(3);
            assertThat(articles.select("image|image > image|loc").eachText())
                    .containsExactly(TestSites.baseUrl(app) + "/media/2026/bridge.jpg");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    @Tag(SharedData.GROUP)
    void newsAndImageEntriesAreValidAgainstTheirSchemas(Kind kind) throws Exception {
        var news = SharedData.require("xsd/sitemap-news.xsd");
        var image = SharedData.require("xsd/sitemap-image.xsd");
        var sitemap = ThirdPartyData.path("xsd/sitemap.xsd");
        try (App app = siteWithStories(kind)) {
            assertThat(XmlChecks.xsdProblems(body(app, "/sitemaps/news.xml"), sitemap, news)).isEmpty();
            assertThat(XmlChecks.xsdProblems(body(app, "/sitemaps/articles-1.xml"), sitemap, image)).isEmpty();
            assertThat(XmlChecks.xsdProblems(body(app, "/sitemaps/lists.xml"), sitemap)).isEmpty();
        }
    }
}
