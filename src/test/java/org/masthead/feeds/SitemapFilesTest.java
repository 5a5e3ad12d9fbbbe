package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.db.Database;
import org.masthead.web.HttpError;

/**
 * The article sitemaps of a site whose stories fill several files: each file holds the published
 * stories of its run of ids, a run with none has no file, and the kept index follows every publish.
 * The routes are served with {@value #PER_FILE} ids a file, so a few dozen stories make several files.
 */
class SitemapFilesTest {
    private static final int PER_FILE = 10;
    private final Markdown markdown = new Markdown(url -> Optional.empty());
    private final HttpClient http = HttpClient.newHttpClient();

    private void add(Database db, String slug, ArticleStatus status) {
        add(db, slug, status, status == ArticleStatus.PUBLISHED ? Instant.now().minus(1, ChronoUnit.DAYS) : null);
    }

    private void add(Database db, String slug, ArticleStatus status, Instant when) {
        db.write(tx -> {
            long section = db.read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one());
            return new ArticleStore(markdown).create(tx,
                    ArticleEdit.of(slug, "Story " + slug, "Dek", "Text.", section, status, when), ArticleEdit.By.SYSTEM);
        });
    }

    /** A bulk change (more files marked than are read one by one) is read in one go, with the same index as a fresh read. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBulkImportIsReadInOneGo(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            Database db = app.database();
            db.write(tx -> new SectionStore(db).add(tx, "city", "City", "", null, 1));
            add(db, "story-1", ArticleStatus.PUBLISHED);
            SitemapRoutes routes = new SitemapRoutes(db, new SettingsStore(db)::current, PER_FILE, Instant::now);
            Javalin server = serve(routes);
            try {
                assertThat(locs(get(server, "/sitemap.xml", 200), "sitemap > loc")).hasSize(3);
                int files = SitemapFigures.MOST_READ_ALONE + 8;
                long section = db.read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one());
                db.write(tx -> {
                    for (int i = 2; i <= files * PER_FILE; i++) {
                        new ArticleStore(markdown).create(tx, ArticleEdit.of("story-" + i, "Story " + i, "Dek", "Text.", section,
                                ArticleStatus.PUBLISHED, Instant.now().minus(1, ChronoUnit.DAYS)), ArticleEdit.By.SYSTEM);
                    }
                    return null;
                });
                String index = get(server, "/sitemap.xml", 200);
                assertThat(locs(index, "sitemap > loc")).hasSize(files + 2).contains("/sitemaps/articles-" + files + ".xml");
                SitemapRoutes fresh = new SitemapRoutes(db, new SettingsStore(db)::current, PER_FILE, Instant::now);
                Javalin other = serve(fresh);
                try {
                    assertThat(get(other, "/sitemap.xml", 200).replace(":" + other.port() + "/", ":" + server.port() + "/"))
                            .as("the index a fresh server reads").isEqualTo(index);
                } finally {
                    other.stop();
                }
            } finally {
                server.stop();
            }
        }
    }

    /** The routes on a server of their own, on a free port, answering an {@link HttpError} with its status and message. */
    static Javalin serve(SitemapRoutes routes) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.port = 0;
            routes.register(c.routes);
            c.routes.exception(HttpError.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
        }).start();
    }

    /** Saves story {@code id} again with {@code status}, as an editor would. */
    private void edit(Database db, long id, String slug, ArticleStatus status) {
        db.write(tx -> {
            var row = tx.handle().createQuery("select version, section_id, published_at from articles where id = :id")
                    .bind("id", id).mapToMap().one();
            return new ArticleStore(markdown).update(tx, id, ((Number) row.get("version")).intValue(),
                    ArticleEdit.of(slug, "Story " + slug + ", corrected", "Dek", "Text.", ((Number) row.get("section_id")).longValue(),
                            status, Instant.ofEpochMilli(((Number) row.get("published_at")).longValue())),
                    ArticleEdit.By.SYSTEM, "Corrected");
        });
    }

    /** Each sitemap the index names, by path, with its lastmod. */
    private static Map<String, Instant> lastmods(String index) {
        Map<String, Instant> lastmods = new java.util.HashMap<>();
        for (var sitemap : Jsoup.parse(index, "", Parser.xmlParser()).select("sitemap")) {
            lastmods.put(URI.create(sitemap.selectFirst("loc").text()).getPath(),
                    java.time.OffsetDateTime.parse(sitemap.selectFirst("lastmod").text()).toInstant());
        }
        return lastmods;
    }

    private String get(Javalin server, String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        return response.body();
    }

    private static List<String> locs(String xml, String selector) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        return doc.select(selector).eachText().stream().map(u -> URI.create(u).getPath()).toList();
    }

    /** The paths of the published stories with ids first to last, in id order. */
    private static List<String> published(Database db, long first, long last) {
        return db.read(h -> h.createQuery("select slug from articles where status = 'PUBLISHED' and id between :a and :b order by id")
                .bind("a", first).bind("b", last).mapTo(String.class).list());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storiesAreSplitByRunsOfIdsAndTheKeptIndexFollowsEveryPublish(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            Database db = app.database();
            db.write(tx -> new SectionStore(db).add(tx, "city", "City", "", null, 1));
            // Ids 1-10 and 21-25 published, 11-20 drafts: files 1 and 3, none for 2.
            for (int i = 1; i <= 25; i++) {
                add(db, "story-" + i, i > 10 && i <= 20 ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED);
            }
            long firstId = db.read(h -> h.createQuery("select min(id) from articles").mapTo(Long.class).one());
            assertThat(firstId).as("a fresh database numbers its stories from 1").isEqualTo(1);

            SitemapRoutes routes = new SitemapRoutes(db, new SettingsStore(db)::current, PER_FILE, Instant::now);
            Javalin server = serve(routes);
            try {
                String index = get(server, "/sitemap.xml", 200);
                assertThat(locs(index, "sitemap > loc")).containsExactly("/sitemaps/lists.xml",
                        "/sitemaps/articles-1.xml", "/sitemaps/articles-3.xml", "/sitemaps/news.xml");
                assertThat(get(server, "/sitemap.xml", 200)).as("the kept index, asked again").isEqualTo(index);

                assertThat(locs(get(server, "/sitemaps/articles-1.xml", 200), "url > loc"))
                        .extracting(p -> p.substring(p.lastIndexOf('/') + 1)).isEqualTo(published(db, 1, 10)).hasSize(10);
                assertThat(locs(get(server, "/sitemaps/articles-3.xml", 200), "url > loc"))
                        .extracting(p -> p.substring(p.lastIndexOf('/') + 1)).isEqualTo(published(db, 21, 30)).hasSize(5);
                get(server, "/sitemaps/articles-2.xml", 404);
                get(server, "/sitemaps/articles-4.xml", 404);
                String lists = get(server, "/sitemaps/lists.xml", 200);
                assertThat(locs(lists, "url > loc")).contains("/", "/section/city").doesNotContain("/section/harbour");

                // A new section shows in the kept list sitemap at once.
                db.write(tx -> new SectionStore(db).add(tx, "harbour", "Harbour", "", null, 2));
                assertThat(locs(get(server, "/sitemaps/lists.xml", 200), "url > loc")).contains("/section/city", "/section/harbour");

                // Ids 26-31: the sixth new story opens file 4, which the kept index must name at once, and
                // its section's lastmod in the list sitemap moves to its publication.
                for (int i = 26; i <= 30; i++) {
                    add(db, "story-" + i, ArticleStatus.PUBLISHED);
                }
                Instant latest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                add(db, "story-31", ArticleStatus.PUBLISHED, latest);
                Document listed = Jsoup.parse(get(server, "/sitemaps/lists.xml", 200), "", Parser.xmlParser());
                assertThat(listed.select("url").stream()
                        .filter(u -> u.selectFirst("loc").text().endsWith("/section/city"))
                        .map(u -> java.time.OffsetDateTime.parse(u.selectFirst("lastmod").text()).toInstant()))
                        .containsExactly(latest);
                assertThat(locs(get(server, "/sitemap.xml", 200), "sitemap > loc")).containsExactly("/sitemaps/lists.xml",
                        "/sitemaps/articles-1.xml", "/sitemaps/articles-3.xml", "/sitemaps/articles-4.xml", "/sitemaps/news.xml");
                assertThat(locs(get(server, "/sitemaps/articles-4.xml", 200), "url > loc")).hasSize(1)
                        .allMatch(p -> p.endsWith("/story-31"));
                assertThat(locs(get(server, "/sitemaps/articles-3.xml", 200), "url > loc")).hasSize(10);

                // An edit moves its own file's lastmod and no other; a file whose only story is taken
                // down leaves the index. The kept figures are brought up to date file by file.
                Map<String, Instant> before = lastmods(get(server, "/sitemap.xml", 200));
                Thread.sleep(5);
                edit(db, 5, "story-5", ArticleStatus.PUBLISHED);
                Instant edited = db.read(h -> h.createQuery("select updated_at from articles where id = 5").mapTo(Long.class)
                        .map(Instant::ofEpochMilli).one());
                Map<String, Instant> after = lastmods(get(server, "/sitemap.xml", 200));
                assertThat(after.get("/sitemaps/articles-1.xml")).isEqualTo(edited).isAfter(before.get("/sitemaps/articles-1.xml"));
                assertThat(after.get("/sitemaps/articles-3.xml")).isEqualTo(before.get("/sitemaps/articles-3.xml"));
                assertThat(after.get("/sitemaps/articles-4.xml")).isEqualTo(before.get("/sitemaps/articles-4.xml"));
                edit(db, 31, "story-31", ArticleStatus.UNPUBLISHED);
                assertThat(locs(get(server, "/sitemap.xml", 200), "sitemap > loc")).containsExactly("/sitemaps/lists.xml",
                        "/sitemaps/articles-1.xml", "/sitemaps/articles-3.xml", "/sitemaps/news.xml");
                get(server, "/sitemaps/articles-4.xml", 404);
            } finally {
                server.stop();
            }
        }
    }
}
