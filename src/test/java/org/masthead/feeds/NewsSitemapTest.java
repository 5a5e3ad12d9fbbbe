package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
import org.masthead.content.SettingsStore;
import org.masthead.content.SiteSettings;

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

    private static List<String> newsSlugs(String xml) {
        Document news = Jsoup.parse(xml, "", Parser.xmlParser());
        return news.select("urlset > url > loc").eachText().stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();
    }

    /**
     * The news sitemap is kept as written: asked again it is the same bytes, a story that turns two
     * days old leaves it with no change in the database, and a publish or a new site name shows at once.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void theKeptNewsSitemapFollowsTheClockAndEveryChange(Kind kind) throws Exception {
        try (App app = siteWithStories(kind)) {
            var db = app.database();
            AtomicReference<Instant> clock = new AtomicReference<>(Instant.now());
            SettingsStore settings = new SettingsStore(db);
            SitemapRoutes routes = new SitemapRoutes(db, settings::current, SitemapRoutes.URLS_PER_SITEMAP, clock::get);
            Javalin server = SitemapFilesTest.serve(routes);
            HttpClient http = HttpClient.newHttpClient();
            try {
                URI news = URI.create("http://127.0.0.1:" + server.port() + "/sitemaps/news.xml");
                String first = http.send(HttpRequest.newBuilder(news).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(newsSlugs(first)).containsExactly("bridge-reopens", "pt-story");
                assertThat(http.send(HttpRequest.newBuilder(news).build(), HttpResponse.BodyHandlers.ofString()).body())
                        .as("the kept sitemap, asked again").isEqualTo(first);

                // Two hours on, the story of 47 hours ago is 49 hours old: it goes without any change being written.
                clock.set(clock.get().plus(2, ChronoUnit.HOURS));
                assertThat(newsSlugs(http.send(HttpRequest.newBuilder(news).build(), HttpResponse.BodyHandlers.ofString()).body()))
                        .containsExactly("bridge-reopens");

                // A story published now shows at once, first.
                db.write(tx -> new ArticleStore(markdown).create(tx, ArticleEdit.of("ferry-returns", "Ferry returns", "Dek",
                        "Text.", db.read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one()),
                        ArticleStatus.PUBLISHED, clock.get().minus(1, ChronoUnit.MINUTES)), ArticleEdit.By.SYSTEM));
                assertThat(newsSlugs(http.send(HttpRequest.newBuilder(news).build(), HttpResponse.BodyHandlers.ofString()).body()))
                        .containsExactly("ferry-returns", "bridge-reopens");

                // A new site name is the publication's name at once.
                db.write(tx -> {
                    SiteSettings now = settings.current();
                    settings.save(tx, new SiteSettings("The Harbour Herald", now.tagline(), now.language(), now.zone()));
                    return null;
                });
                Document renamed = Jsoup.parse(http.send(HttpRequest.newBuilder(news).build(),
                        HttpResponse.BodyHandlers.ofString()).body(), "", Parser.xmlParser());
                assertThat(renamed.select("news|publication > news|name").eachText())
                        .containsExactly("The Harbour Herald", "The Harbour Herald");

                // Two more days on, nothing is left.
                clock.set(clock.get().plus(2, ChronoUnit.DAYS));
                assertThat(newsSlugs(http.send(HttpRequest.newBuilder(news).build(), HttpResponse.BodyHandlers.ofString()).body()))
                        .isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
