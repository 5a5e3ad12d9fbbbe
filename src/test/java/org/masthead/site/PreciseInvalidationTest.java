package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.comments.CommentStatus;
import org.masthead.config.Config;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.SiteSettings;

/**
 * The page cache drops exactly the pages a change shows up on, over HTTP on the real site:
 * a comment re-renders its story and the lists counting its comments and leaves other stories
 * cached; a new story re-renders the lists; a settings change re-renders everything; and the
 * purge webhook hears the same tags the pages name in Surrogate-Key.
 */
class PreciseInvalidationTest {
    private final ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
    private final List<String> purges = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private App app;
    private Config config;
    private long harbour;
    /** An old story, alone in its section: no other story's page shows it. */
    private long lighthouse;
    private String lighthouseUrl;
    /** The newest story, whose page shows the latest others but not the lighthouse. */
    private String newestUrl;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/purge", exchange -> {
            purges.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Starts the site on {@code kind} with two sections and thirteen stories, the related lists settled. */
    private void open(Kind kind) {
        config = TestSites.config(kind).withPurgeUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/purge");
        app = App.create(config).start();
        SectionStore sections = new SectionStore(app.database());
        harbour = app.database().write(tx -> sections.add(tx, "harbour", "Harbour", "Ships and quays.", null, 0));
        long lights = app.database().write(tx -> sections.add(tx, "lighthouses", "Lighthouses", "Lamps.", null, 1));
        lighthouse = publish("keeper-retires", "Lighthouse keeper retires after forty winters", lights,
                Instant.parse("2026-01-05T09:00:00Z"));
        lighthouseUrl = "/2026/01/05/keeper-retires";
        for (int day = 10; day < 22; day++) {
            publish("tide-report-" + day, "Tide report for the " + day + "th", harbour,
                    Instant.parse("2026-11-" + day + "T09:00:00Z"));
        }
        newestUrl = "/2026/11/21/tide-report-21";
        app.searchIndex().awaitIdle(); // its related-story lists are writes of their own
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        receiver.stop(0);
    }

    private long publish(String slug, String headline, long section, Instant at) {
        return app.database().write(tx -> articles.create(tx, ArticleEdit.of(slug, headline, "A dek.",
                "First paragraph about " + headline + ".\n\nSecond paragraph.", section, ArticleStatus.PUBLISHED, at),
                ArticleEdit.By.SYSTEM));
    }

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = TestSites.get(app, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    /** Reads the page until it is served from the cache; returns its body. */
    private String cached(String path) {
        get(path);
        HttpResponse<String> again = get(path);
        assertThat(again.headers().firstValue("X-Cache")).as(path + " read again").hasValue("hit");
        return again.body();
    }

    private static String cache(HttpResponse<String> response) {
        return response.headers().firstValue("X-Cache").orElseThrow();
    }

    private void comment(long article, String text) {
        CommentStore comments = new CommentStore(app.database());
        app.database().write(tx -> comments.add(tx, new NewComment(article, null, "Ada", "ada@readers.example", "",
                text, "203.0.113.9"), 0, CommentStatus.APPROVED, List.of(), 0, "fp-" + text.hashCode(), "203.0.113.0", null));
    }

    @Test
    void aCommentReRendersItsStoryAndTheListsCountingItAndLeavesOtherStoriesCached() {
        open(Kind.SQLITE);
        String lighthouseList = "/section/lighthouses";
        assertThat(cached(newestUrl)).as("the newest story's page does not show the old one").doesNotContain(lighthouseUrl);
        assertThat(cached("/")).as("the home page shows the lighthouse in its section's block").contains(lighthouseUrl);
        cached(lighthouseUrl);
        cached(lighthouseList);
        cached("/section/harbour");

        comment(lighthouse, "Thank you for all those nights.");

        HttpResponse<String> story = get(lighthouseUrl);
        assertThat(cache(story)).isEqualTo("miss");
        assertThat(story.body()).contains("Thank you for all those nights.");
        HttpResponse<String> home = get("/");
        assertThat(cache(home)).as("the home page counts its comments").isEqualTo("miss");
        assertThat(home.body()).contains("1 comment");
        assertThat(cache(get(lighthouseList))).isEqualTo("miss");
        assertThat(cache(get(newestUrl))).as("another story's page is still the kept one").isEqualTo("hit");
        assertThat(cache(get("/section/harbour"))).isEqualTo("hit");

        assertThat(get(lighthouseUrl).headers().firstValue("Surrogate-Key").map(k -> Set.of(k.split(" ")))).hasValueSatisfying(
                keys -> assertThat(keys).contains("site", "article:" + lighthouse, "comments:" + lighthouse));
        TestSites.eventually("the purge webhook hears of the comment", Duration.ofSeconds(10),
                () -> purges.stream().anyMatch(p -> p.contains("\"comments:" + lighthouse + "\"")));
    }

    @Test
    void aNewStoryReRendersTheListsItJoins() {
        open(Kind.SQLITE);
        cached("/");
        cached("/section/harbour");
        cached(lighthouseUrl);
        cached("/section/lighthouses");

        publish("new-pier-opens", "New pier opens", harbour, Instant.parse("2026-11-25T09:00:00Z"));

        for (String list : List.of("/", "/section/harbour")) {
            HttpResponse<String> page = get(list);
            assertThat(cache(page)).as(list).isEqualTo("miss");
            assertThat(page.body()).as(list).contains("New pier opens");
        }
        TestSites.eventually("the purge webhook hears of the lists", Duration.ofSeconds(10),
                () -> purges.stream().anyMatch(p -> p.contains("\"lists\"")));
    }

    @Test
    void listTotalsAndTheSitemapIndexFollowNewStories() {
        open(Kind.SQLITE);
        assertThat(TestSites.get(app, "/section/lighthouses?page=2").statusCode()).isEqualTo(404);
        assertThat(get("/sitemap.xml").body()).doesNotContain("2026-11-25");
        long lights = app.database().read(h -> h.createQuery("select section_id from articles where id = :id")
                .bind("id", lighthouse).mapTo(Long.class).one());
        for (int day = 10; day < 20; day++) {
            publish("lamp-" + day, "Lamp log " + day, lights, Instant.parse("2026-02-" + day + "T09:00:00Z"));
        }
        publish("new-pier-opens", "New pier opens", harbour, Instant.parse("2026-11-25T09:00:00Z"));

        // Eleven stories now: the kept total of one was forgotten, so there is a second page.
        assertThat(get("/section/lighthouses?page=2").body()).contains("Lighthouse keeper retires");
        assertThat(get("/sitemap.xml").body()).contains("2026-11-25");
    }

    @Test
    void aSettingsChangeReRendersEveryPage() {
        open(Kind.SQLITE);
        List<String> pages = List.of("/", newestUrl, lighthouseUrl, "/section/harbour");
        pages.forEach(this::cached);
        SettingsStore settings = new SettingsStore(app.database());
        app.database().write(tx -> {
            settings.save(tx, new SiteSettings("The Quayside Courier", SiteSettings.DEFAULTS.tagline(),
                    SiteSettings.DEFAULTS.language(), SiteSettings.DEFAULTS.zone()));
            return null;
        });
        for (String path : pages) {
            HttpResponse<String> page = get(path);
            assertThat(cache(page)).as(path).isEqualTo("miss");
            assertThat(page.body()).as(path).contains("The Quayside Courier");
        }
        TestSites.eventually("the purge webhook is told to drop every page", Duration.ofSeconds(10),
                () -> purges.stream().anyMatch(p -> p.contains("\"site\"")));
    }

    @Test
    void anotherInstanceDropsOnlyThePagesItsCommentShowsOn() {
        open(Kind.POSTGRESQL);
        try (App other = App.create(new Config("127.0.0.1", 0, config.dataDir(), config.databaseUrl(), false)).start()) {
            other.searchIndex().awaitIdle();
            for (String path : List.of(lighthouseUrl, newestUrl)) {
                TestSites.get(other, path);
                assertThat(TestSites.get(other, path).headers().firstValue("X-Cache")).as(path).hasValue("hit");
            }

            comment(lighthouse, "Seen from the other quay.");

            TestSites.eventually("the other instance shows the comment", Duration.ofSeconds(10),
                    () -> TestSites.get(other, lighthouseUrl).body().contains("Seen from the other quay."));
            assertThat(TestSites.get(other, newestUrl).headers().firstValue("X-Cache"))
                    .as("the change log carried the comment's article: the other story stays kept").hasValue("hit");
        }
    }
}
