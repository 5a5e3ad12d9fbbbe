package org.masthead.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.db.Database;

/**
 * A rich site (the demo newspaper plus a row in every table the format carries) exported and
 * imported into a new, empty site that is running: every row of every table and every media
 * file comes back the same, new rows get new ids, and the running site's search and pages
 * show the imported stories.
 */
class SiteExportTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSiteComesBackWholeInAnEmptySite(Kind kind) throws Exception {
        Config source = TestSites.config(kind).withDemo(true);
        try (App app = App.create(source)) {
            RichSite.enrich(app.database(), source.mediaDir());
        }
        Path zip = TestSites.tempDir().resolve("site.zip");
        Manifest manifest;
        try (Database db = Database.open(source.jdbcUrl())) {
            manifest = new SiteExport(db, source.mediaDir()).write(zip, n -> { });
        }
        assertThat(manifest.rows()).containsEntry("comments.jsonl", count(source, "comments"));

        Config target = TestSites.config(kind);
        try (App site = App.create(target).start()) {
            String home = TestSites.get(site, "/").body(); // cached while the site is empty
            try (Database db = Database.open(target.jdbcUrl()); SiteImport.Export export = SiteImport.open(zip)) {
                long[] progress = {0};
                new SiteImport(db, target.mediaDir(), org.masthead.content.ArticleMediaStore::fill).run(export, n -> progress[0] += n);
                assertThat(progress[0]).isEqualTo(manifest.items());
                assertThat(mediaNames(db)).as("the pictures the stories name, worked out again")
                        .isNotEmpty().isEqualTo(mediaNames(source));
            }
            String slug = latestSlug(target);
            assertThat(home).doesNotContain(slug);
            TestSites.eventually("the running site's pages show the imported stories", Duration.ofSeconds(20),
                    () -> TestSites.get(site, "/").body().contains(slug));
            String word = searchWord(target);
            TestSites.eventually("the running site's search finds an imported story", Duration.ofSeconds(60),
                    () -> TestSites.get(site, "/search?q=" + word).body().contains(slug));
        }

        assertSameRows(source, target);
        assertSameMedia(source.mediaDir(), target.mediaDir());
        try (Database db = Database.open(target.jdbcUrl())) {
            long newTag = db.write(tx -> tx.handle().createUpdate("insert into tags (slug, name) values ('new-after-import', 'New')")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            assertThat(newTag).as("a tag made after the import gets a new id").isGreaterThan(RichSite.HIGH_ID);
        }
    }

    private static void assertSameRows(Config source, Config target) throws Exception {
        Map<String, List<String>> before = everyRow(source);
        Map<String, List<String>> after = everyRow(target);
        TreeSet<String> expectedTables = new TreeSet<>(ExportFormat.TABLES.stream().map(Table::name).toList());
        assertThat(before.keySet()).as("every table is carried by the format or left out on purpose")
                .containsExactlyElementsOf(expectedTables);
        for (Table table : ExportFormat.TABLES) {
            assertThat(columns(source, table.name())).as("the columns of " + table.name() + " the format carries")
                    .containsExactlyInAnyOrderElementsOf(table.columnNames());
        }
        for (String table : expectedTables) {
            assertThat(before.get(table)).as(table + " has rows to compare").isNotEmpty();
            assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
        }
    }

    /** Every row of every table the database lists, in a fixed order, as text; the left-out tables excepted. */
    private static Map<String, List<String>> everyRow(Config config) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection connection = java.sql.DriverManager.getConnection(config.jdbcUrl())) {
            List<String> tables = new ArrayList<>();
            String schema = config.jdbcUrl().startsWith("jdbc:postgresql:") ? "public" : null;
            try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (String table : tables) {
                // SQLite's own bookkeeping of AUTOINCREMENT numbers is not the site's.
                if (ExportFormat.LEFT_OUT.contains(table) || table.startsWith("sqlite_")) {
                    continue;
                }
                rows.put(table, rows(connection, table));
            }
        }
        return rows;
    }

    private static List<String> columns(Config config, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection(config.jdbcUrl());
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    private static List<String> rows(Connection connection, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    String text = switch (value) {
                        case null -> "null";
                        case Double d -> "d" + d;
                        case Float f -> "d" + f.doubleValue();
                        case Number n -> "n" + n.longValue();
                        default -> "s" + value;
                    };
                    row.append(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT)).append('=').append(text).append(" | ");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static void assertSameMedia(Path source, Path target) throws IOException {
        List<Path> files = files(source);
        assertThat(files).as("media files").isNotEmpty();
        assertThat(files(target)).containsExactlyElementsOf(files);
        for (Path file : files) {
            assertThat(Files.mismatch(source.resolve(file), target.resolve(file))).as(file.toString()).isEqualTo(-1L);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static List<String> mediaNames(Database db) {
        return db.read(h -> h.createQuery("select article_id || ' ' || file_name from article_media_names order by 1")
                .mapTo(String.class).list());
    }

    private static List<String> mediaNames(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            return mediaNames(db);
        }
    }

    private static long count(Config config, String table) {
        try (Database db = Database.open(config.jdbcUrl())) {
            return db.read(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
        }
    }

    private static String latestSlug(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            return db.read(h -> h.createQuery("select slug from articles where status = 'PUBLISHED' "
                    + "order by published_at desc limit 1").mapTo(String.class).one());
        }
    }

    /** The longest word of the latest story's headline. */
    private static String searchWord(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            String headline = db.read(h -> h.createQuery("select headline from articles where status = 'PUBLISHED' "
                    + "order by published_at desc limit 1").mapTo(String.class).one());
            return Stream.of(headline.split("[^\\p{L}]+")).max(java.util.Comparator.comparingInt(String::length))
                    .orElseThrow();
        }
    }
}
