package org.masthead.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;
import org.masthead.accounts.UserStore;
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

/** A site written as WXR 1.2 and read back by the importer into an empty site: the same counts and texts. */
class WordPressExportTest {

    private static ImportReport importInto(Database db, Config config, Path file, Path uploads) {
        Markdown markdown = new Markdown(url -> Optional.empty());
        return new WordPressImport(db, new SettingsStore(db), new SectionStore(db), new TagStore(), new AuthorStore(markdown),
                new PageStore(markdown), new ArticleStore(markdown), new MediaStore(db), new CommentStore(db),
                new UserStore(db), Markdown::embeddable)
                .run(file, new WordPressImport.Options(uploads, config.mediaDir(), false), n -> { });
    }

    /** Per kind of row, what a reader or editor would compare: counts, and each article's and page's words. */
    private static Map<String, Object> content(Database db) {
        return db.read(h -> {
            Map<String, Object> seen = new TreeMap<>();
            for (String table : List.of("articles", "pages", "sections", "tags", "authors", "media", "comments")) {
                seen.put(table, h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
            }
            h.createQuery("select headline, dek, status, body_html from articles").map((rs, ctx) -> List.of(
                            rs.getString("headline"), rs.getString("dek"), rs.getString("status"),
                            Jsoup.parse(rs.getString("body_html")).text()))
                    .list().forEach(a -> seen.put("article " + a.get(0), a));
            // two fixtures have a page called About: the later one (by id) is the one compared
            h.createQuery("select title, body_html from pages order by id").map((rs, ctx) -> List.of(rs.getString("title"),
                    Jsoup.parse(rs.getString("body_html")).text())).list().forEach(p -> seen.put("page " + p.get(0), p));
            h.createQuery("select p.title, coalesce(up.title, '') from pages p left join pages up on up.id = p.parent_id "
                            + "order by p.id")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                    .list().forEach(p -> seen.put("parent of " + p.get(0), p.get(1)));
            h.createQuery("select c.author_name, c.body, c.status, c.depth from comments c order by c.id")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .list().forEach(c -> seen.put("comment " + c.get(0) + " " + c.get(1), c));
            h.createQuery("select file_name, alt, caption, credit from media").map((rs, ctx) -> List.of(rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4))).list().forEach(m -> seen.put("media " + m.get(0), m));
            return seen;
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anExportReadBackByTheImporterHasTheSameCountsAndTexts(Kind kind) throws Exception {
        Config first = TestSites.config(kind);
        Path uploads = TestSites.tempDir();
        Files.createDirectories(uploads.resolve("2008/06"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", uploads.resolve("2008/06/canola2.jpg").toFile());
        Files.createDirectories(uploads.resolve("2024/06"));
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "jpg", uploads.resolve("2024/06/harbour.jpg").toFile());
        Path export = TestSites.tempDir().resolve("site.xml");
        Map<String, Object> original;
        try (Database db = Database.open(first.jdbcUrl())) {
            for (String fixture : List.of("small-export.xml", "valid-wxr-1.1.xml", "wxr-flat-attachment-same-site.xml",
                    "wxr-comprehensive.xml")) {
                importInto(db, first, ThirdPartyData.path("wxr/" + fixture), uploads);
            }
            importInto(db, first, Path.of(WordPressExportTest.class.getResource("/wordpress/edge-cases.xml").toURI()), uploads);
            original = content(db);
            assertThat(original).containsKeys("article Hello world!", "page About", "media wp/2008/06/canola2.jpg")
                    .containsEntry("media", 2L)
                    // small-export.xml lists the child page before its parent
                    .containsEntry("parent of Child Page", "Parent Page").containsEntry("parent of About", "");
            assertThat((Long) original.get("comments")).isGreaterThan(1);
            new WordPressExport(new ExportQueries(db)).write(export, "https://news.example", new SettingsStore(db).current(),
                    n -> { });
        }
        assertThat(Files.readString(export)).contains("<wp:wxr_version>1.2</wp:wxr_version>");
        Config second = TestSites.config(kind);
        try (Database db = Database.open(second.jdbcUrl())) {
            ImportReport report = importInto(db, second, export, first.mediaDir());
            assertThat(report.missingMedia()).isEmpty();
            assertThat(content(db)).isEqualTo(original);
            List<String> images = db.read(h -> h.createQuery("select body_html from articles").mapTo(String.class).list())
                    .stream().flatMap(html -> Jsoup.parse(html).select("img[src^=/media/]").eachAttr("src").stream()).toList();
            assertThat(images).isNotEmpty().allSatisfy(src ->
                    assertThat(second.mediaDir().resolve(src.substring("/media/".length()))).exists());
        }
    }
}
