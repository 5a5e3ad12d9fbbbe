package org.masthead.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;
import org.masthead.comments.CommentStore;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.media.MediaStore;
import org.masthead.content.Markdown;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.TagStore;
import org.masthead.db.Database;

/** WordPress exports from the importer's own test files, imported into a fresh site on each database. */
class WordPressImportTest {
    private static final List<String> TABLES = List.of("articles", "pages", "sections", "tags", "authors", "media",
            "comments", "wordpress_items", "legacy_paths", "article_revisions", "change_log");

    /** Items (posts and pages) and authors of the fixtures whose counts their README gives. */
    private static final List<Map.Entry<String, int[]>> EXPECTED = List.of(
            Map.entry("wxr-simple.xml", new int[] {1, 1}),
            Map.entry("valid-wxr-1.0.xml", new int[] {6, 0}),
            Map.entry("valid-wxr-1.1.xml", new int[] {2, 1}),
            // the same site and post as wxr-simple.xml, so it updates that article
            Map.entry("wxr-utf-8-challenges.xml", new int[] {1, 1}),
            Map.entry("wxr-with-sub-data.xml", new int[] {1, 0}),
            Map.entry("crazy-cdata-escaped.xml", new int[] {1, 0}));

    private static Path wxr(String name) {
        return ThirdPartyData.path("wxr/" + name);
    }

    private static WordPressImport importer(Database db) {
        Markdown markdown = new Markdown(url -> Optional.empty());
        return new WordPressImport(db, new SettingsStore(db), new SectionStore(db), new TagStore(), new AuthorStore(markdown),
                new PageStore(markdown), new ArticleStore(markdown), new MediaStore(db), new CommentStore(db),
                new org.masthead.accounts.UserStore(db), Markdown::embeddable);
    }

    private static ImportReport run(Database db, Config config, String name, Path uploads, boolean dryRun) {
        return importer(db).run(wxr(name), new WordPressImport.Options(uploads, config.mediaDir(), dryRun), n -> { });
    }

    private static Map<String, Long> counts(Database db) {
        return db.read(h -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String table : TABLES) {
                counts.put(table, h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }

    private static String one(Database db, String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fixturesImportWithTheirExpectedCountsAndBrokenOnesAreRefusedWithTheirPlace(Kind kind) throws Exception {
        Config config = TestSites.config(kind);
        Files.createDirectories(config.mediaDir());
        try (Database db = Database.open(config.jdbcUrl())) {
            for (var expected : EXPECTED) {
                ImportReport report = run(db, config, expected.getKey(), null, false);
                assertThat(report.count("articles") + report.count("pages") + report.skippedCount())
                        .as(expected.getKey() + " items").isEqualTo(expected.getValue()[0]);
                assertThat(report.count("authors")).as(expected.getKey() + " authors").isEqualTo(expected.getValue()[1]);
            }
            assertThat(one(db, "select name from authors where slug = 'john'")).isEqualTo("John Doe");
            assertThat(one(db, "select name from sections where slug = 'alpha'")).isEqualTo("alpha");
            assertThat(one(db, "select name from tags where slug = 'clippable'")).isEqualTo("Clippable");
            assertThat(one(db, "select headline from articles where headline like '%Frost%'"))
                    .isEqualTo("\"The Road \u202eNot\u202c Taken\" by Rob\u202dert \u202eFrost \u202a🌲\u202c");
            // CDATA split to carry "]]>" is read joined; as HTML, that CDATA is a comment browsers hide, so it goes.
            List<String> contents = new java.util.ArrayList<>();
            new WxrReader().read(wxr("crazy-cdata-escaped.xml"), new Wxr.Visitor() {
                @Override
                public void item(Wxr.Item item) {
                    contents.add(item.content());
                    contents.add(item.meta().get("Alot of CDATA"));
                }
            });
            assertThat(contents).containsExactly("Content with nested <![CDATA[ tags ]]> :)",
                    "This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>");
            assertThat(one(db, "select body_html from articles where body_md like '%nested%'"))
                    .isEqualTo("<p>Content with nested :)</p>\n");

            Map<String, Long> before = counts(db);
            assertThatThrownBy(() -> run(db, config, "malformed.xml", null, false)).isInstanceOf(BadExport.class)
                    .hasMessage("malformed.xml, line 90, column 3: not well-formed XML: The element type \"notachanneltag\" "
                            + "must be terminated by the matching end-tag \"</notachanneltag>\".");
            assertThatThrownBy(() -> run(db, config, "malformed-simple.xml", null, false))
                    .hasMessageStartingWith("malformed-simple.xml, line 14, column 1: not well-formed XML");
            assertThatThrownBy(() -> run(db, config, "crazy-cdata.xml", null, false))
                    .hasMessageStartingWith("crazy-cdata.xml, line 18, column 73: not well-formed XML");
            assertThatThrownBy(() -> run(db, config, "invalid-version-tag.xml", null, false))
                    .hasMessageStartingWith("invalid-version-tag.xml, line 33, column 18: wp:wxr_version is \"abc\"");
            assertThatThrownBy(() -> run(db, config, "missing-version-tag.xml", null, false))
                    .hasMessage("missing-version-tag.xml, line 27, column 10: this is not a WordPress export: "
                            + "its channel has no wp:wxr_version element");
            assertThat(counts(db)).isEqualTo(before);

            List<Wxr.Item> items = new java.util.ArrayList<>();
            new WxrReader().read(Path.of(WordPressImportTest.class.getResource("/wordpress/stray-text.xml").toURI()),
                    new Wxr.Visitor() {
                        @Override
                        public void item(Wxr.Item item) {
                            items.add(item);
                        }
                    });
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.title()).isEqualTo("Still read");
                assertThat(item.meta()).containsEntry("k", "v");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importingAgainUpdatesAndADryRunOrAFailureLeavesNothingBehind(Kind kind) {
        Config config = TestSites.config(kind);
        try (Database db = Database.open(config.jdbcUrl())) {
            ImportReport dry = run(db, config, "small-export.xml", null, true);
            assertThat(dry.isDryRun()).isTrue();
            assertThat(dry.createdCount("articles")).isEqualTo(6);
            assertThat(counts(db).values()).allMatch(n -> n == 0);

            Map<String, Long> empty = counts(db);
            int[] seen = {0};
            assertThatThrownBy(() -> importer(db).run(wxr("small-export.xml"),
                    new WordPressImport.Options(null, config.mediaDir(), false), n -> {
                        if (++seen[0] == 5) {
                            throw new IllegalStateException("stopped halfway");
                        }
                    })).hasMessage("stopped halfway");
            assertThat(counts(db)).isEqualTo(empty);

            ImportReport first = run(db, config, "small-export.xml", null, false);
            assertThat(first.createdCount("articles")).isEqualTo(6);
            assertThat(first.createdCount("pages")).isEqualTo(4);
            assertThat(first.skipped("page not published (static pages have no drafts in Masthead)")).isEqualTo(1);
            Map<String, Long> once = counts(db);
            ImportReport second = run(db, config, "small-export.xml", null, false);
            assertThat(second.createdCount("articles")).isZero();
            assertThat(second.updatedCount("articles")).isEqualTo(6);
            assertThat(second.createdCount("comments")).isZero();
            Map<String, Long> twice = counts(db);
            for (String table : List.of("articles", "pages", "sections", "tags", "authors", "comments", "wordpress_items",
                    "legacy_paths")) {
                assertThat(twice.get(table)).as(table).isEqualTo(once.get(table));
            }
            assertThat(twice.get("article_revisions")).isEqualTo(once.get("article_revisions") + 6);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void imagesComeFromTheUploadsFolderAndOldAddressesAnswer301(Kind kind) throws Exception {
        Config config = TestSites.config(kind);
        Path uploads = TestSites.tempDir();
        Files.createDirectories(uploads.resolve("2008/06"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", uploads.resolve("2008/06/canola2.jpg").toFile());
        try (Database db = Database.open(config.jdbcUrl())) {
            ImportReport missing = run(db, config, "wxr-flat-attachment-same-site.xml", null, false);
            assertThat(missing.missingMedia()).containsExactly("https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg");
            ImportReport found = run(db, config, "wxr-flat-attachment-same-site.xml", uploads, false);
            assertThat(found.missingMedia()).isEmpty();
            assertThat(found.createdCount("media")).isEqualTo(1);
            assertThat(Files.exists(config.mediaDir().resolve("wp/2008/06/canola2.jpg"))).isTrue();
            assertThat(one(db, "select width || 'x' || height from media")).isEqualTo("40x30");
            run(db, config, "valid-wxr-1.1.xml", null, false);
        }
        try (App app = App.create(config.withPort(0)).start()) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://127.0.0.1:" + app.port();
            Map<String, String> moved = Map.of(
                    "/?p=1", "/2010/10/16/hello-world",
                    "/?page_id=2", "/about",
                    "/category/alpha/", "/section/alpha",
                    "/?cat=3", "/section/alpha",
                    "/?author=2", "/author/john",
                    "/2011/01/10/post-with-attachment/", "/2011/01/10/post-with-attachment",
                    "/2010/09/10/canola2/", "/media/wp/2008/06/canola2.jpg");
            for (var entry : moved.entrySet()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + entry.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(301);
                assertThat(response.headers().firstValue("Location")).as(entry.getKey()).hasValue(entry.getValue());
            }
            HttpResponse<String> article = http.send(HttpRequest.newBuilder(URI.create(base + "/2010/10/16/hello-world")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(article.body()).contains("Welcome to WordPress.", "Mr WordPress");
            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(base + "/?p=999")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(200); // the home page, as for any unknown query
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/category/nothing/")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void statusesPasswordsStickyPostsThreadsPingbacksPagesAndShortcodesAreMappedAsDocumented(Kind kind) throws Exception {
        Config config = TestSites.config(kind);
        Path uploads = TestSites.tempDir();
        Files.createDirectories(uploads.resolve("wp-content/uploads/2024/06"));
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "jpg",
                uploads.resolve("wp-content/uploads/2024/06/harbour.jpg").toFile());
        Path file = Path.of(WordPressImportTest.class.getResource("/wordpress/edge-cases.xml").toURI());
        try (Database db = Database.open(config.jdbcUrl())) {
            ImportReport report = importer(db).run(file, new WordPressImport.Options(uploads, config.mediaDir(), false),
                    n -> { });
            assertThat(report.createdCount("articles")).isEqualTo(6);
            assertThat(report.createdCount("pages")).isEqualTo(2);
            assertThat(report.createdCount("comments")).isEqualTo(4);
            assertThat(report.skipped("pingback or trackback (not comments by readers)")).isEqualTo(1);
            assertThat(report.skipped("status trash (trashed or automatic drafts are not imported)")).isEqualTo(1);
            assertThat(report.skipped("post type nav_menu_item has no place in Masthead")).isEqualTo(1);
            assertThat(report.passwordProtected()).singleElement().asString().contains("Members only");
            assertThat(report.unknownShortcodes()).isEqualTo(Map.of("poll", 1));

            Map<String, String> statuses = new java.util.TreeMap<>();
            db.read(h -> h.createQuery("select slug, status, published_at from articles").map((rs, ctx) ->
                    statuses.put(rs.getString(1), rs.getString(2) + (rs.getObject(3) == null ? " undated" : ""))).list());
            assertThat(statuses).isEqualTo(Map.of("ferry-timetable", "PUBLISHED", "members-only", "UNPUBLISHED",
                    "coming-soon", "SCHEDULED", "private-note", "UNPUBLISHED", "half-written", "DRAFT undated",
                    "for-review", "PENDING undated"));
            assertThat(one(db, "select dek from articles where slug = 'ferry-timetable'"))
                    .isEqualTo("The morning ferry leaves earlier. From Monday, at six.");
            assertThat(one(db, """
                    select t.name from tags t join article_tags at on at.tag_id = t.id join articles a on a.id = at.article_id
                    where a.slug = 'ferry-timetable' and t.slug = 'featured'""")).isEqualTo("Featured");
            assertThat(one(db, "select p.slug || ' > ' || s.name from sections s join sections p on p.id = s.parent_id"))
                    .isEqualTo("news > Port & Ferries");
            assertThat(one(db, "select m.alt || ' | ' || m.caption || ' | ' || m.credit from articles a "
                    + "join media m on m.id = a.featured_media_id")).isEqualTo("Fishing boats by the quay | Boats at dawn | Ann Lee");
            String body = one(db, "select body_html from articles where slug = 'ferry-timetable'");
            assertThat(body).contains("<p>The morning ferry leaves earlier.<br />", "src=\"/media/wp/2024/06/harbour.jpg\"",
                    "<figcaption>Boats at dawn <span class=\"credit\">Ann Lee</span></figcaption>", "[poll id&#61;&#34;3&#34;]");
            List<String> thread = db.read(h -> h.createQuery("""
                    select c.author_name || ' ' || c.status || ' ' || c.depth || ' ' || coalesce(p.author_name, '-') || ' ' || c.body
                    from comments c left join comments p on p.id = c.parent_id order by c.created_at, c.id""")
                    .mapTo(String.class).list());
            assertThat(thread).contains("First APPROVED 0 - Finally!\nGood news.", "Reply APPROVED 1 First I agree.")
                    .anyMatch(c -> c.startsWith("Spammer SPAM 0")).anyMatch(c -> c.startsWith("Waiting PENDING 0"));
            Map<String, String> paths = new java.util.TreeMap<>();
            db.read(h -> h.createQuery("select path, kind from legacy_paths where kind = 'page'")
                    .map((rs, ctx) -> paths.put(rs.getString(1), rs.getString(2))).list());
            assertThat(paths.keySet()).contains("/about", "/about/team", "/?page_id=20", "/?page_id=21");
        }
    }
}
