package org.masthead.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.db.Database;

/** What the import refuses, each with a clear reason, writing nothing: no row, no media file. */
class SiteImportRefusalTest {
    private static Path good;

    @BeforeAll
    static void export() {
        Config source = TestSites.config(Kind.SQLITE);
        SmallSite.fill(source);
        good = SmallSite.export(source);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSiteWithContentIsRefused(Kind kind) {
        Config target = TestSites.config(kind);
        try (Database db = Database.open(target.jdbcUrl())) {
            db.write(tx -> tx.handle().execute("insert into tags (slug, name) values ('mine', 'Mine')"));
        }
        assertThatThrownBy(() -> importInto(target, good)).isInstanceOf(BadBackup.class)
                .hasMessage("this site is not empty (tags: 1); import into a new site: an empty data folder or database");
        assertThat(content(target)).isEqualTo("{tags=1}");
        assertThat(mediaFiles(target)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailureAfterTheMediaFilesLeavesNothingBehind(Kind kind) throws IOException {
        Path short1 = rewrite(good, (name, bytes) -> name.equals("manifest.json")
                ? text(bytes).replace("\"media_files\": 1", "\"media_files\": 2").getBytes(StandardCharsets.UTF_8) : bytes);
        Config target = TestSites.config(kind);
        assertThatThrownBy(() -> importInto(target, short1)).isInstanceOf(BadBackup.class)
                .hasMessage("the export holds 1 media files where manifest.json counts 2: the export is incomplete");
        assertThat(content(target)).isEqualTo("{}");
        assertThat(mediaFiles(target)).isZero();
        importInto(target, good);
        assertThat(content(target)).isEqualTo("{sections=1, tags=2}");
        assertThat(mediaFiles(target)).isOne();
    }

    @Test
    void aBadRowIsRefusedWithItsLine() throws IOException {
        Path bad = rewrite(good, (name, bytes) -> name.equals("tags.jsonl")
                ? text(bytes).replace("\"name\":\"Ferries\"", "\"name\":5").getBytes(StandardCharsets.UTF_8) : bytes);
        Config target = TestSites.config(Kind.SQLITE);
        assertThatThrownBy(() -> importInto(target, bad)).isInstanceOf(BadBackup.class)
                .hasMessage("tags.jsonl, line 2: \"name\" should be text");
        assertThat(content(target)).isEqualTo("{}");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path notZip = TestSites.tempDir().resolve("site.zip");
        Files.writeString(notZip, "<rss>not an export</rss>");
        assertThatThrownBy(() -> SiteImport.open(notZip)).isInstanceOf(BadBackup.class)
                .hasMessageStartingWith("site.zip is not a zip file, or is damaged (");
        Path cut = TestSites.tempDir().resolve("cut.zip");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> SiteImport.open(cut)).isInstanceOf(BadBackup.class)
                .hasMessageStartingWith("cut.zip is not a zip file, or is damaged (");
    }

    @Test
    void anExportWithoutItsManifestIsRefused() throws IOException {
        Path bare = rewrite(good, (name, bytes) -> name.equals("manifest.json") ? null : bytes);
        assertThatThrownBy(() -> SiteImport.open(bare)).isInstanceOf(BadBackup.class)
                .hasMessage(bare.getFileName() + " has no manifest.json: it is not a Masthead export");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        Path newer = rewrite(good, (name, bytes) -> name.equals("manifest.json")
                ? text(bytes).replace("\"version\": 1", "\"version\": 2").getBytes(StandardCharsets.UTF_8) : bytes);
        assertThatThrownBy(() -> SiteImport.open(newer)).isInstanceOf(BadBackup.class)
                .hasMessage("the export is format version 2, made by a newer Masthead; this one reads versions up to 1: "
                        + "upgrade Masthead to import it");
        Path other = rewrite(good, (name, bytes) -> name.equals("manifest.json")
                ? text(bytes).replace("masthead-export", "wordpress").getBytes(StandardCharsets.UTF_8) : bytes);
        assertThatThrownBy(() -> SiteImport.open(other)).isInstanceOf(BadBackup.class)
                .hasMessage("manifest.json names the format \"wordpress\", not masthead-export: this is not a Masthead export");
    }

    @Test
    void aMediaNameLeavingTheMediaFolderIsRefused() throws IOException {
        Path escaping = rewrite(good, (name, bytes) -> bytes, "media/../../outside.txt");
        Config target = TestSites.config(Kind.SQLITE);
        assertThatThrownBy(() -> importInto(target, escaping)).isInstanceOf(BadBackup.class)
                .hasMessage("the media file media/../../outside.txt would be written outside the media folder");
        assertThat(content(target)).isEqualTo("{}");
        assertThat(Files.exists(target.dataDir().resolve("outside.txt"))).isFalse();
    }

    private static void importInto(Config target, Path zip) {
        try (Database db = Database.open(target.jdbcUrl()); SiteImport.Export export = SiteImport.open(zip)) {
            new SiteImport(db, target.mediaDir(), org.masthead.content.ArticleMediaStore::fill).run(export, n -> { });
        }
    }

    /** The tables of the format holding rows in the site of {@code config}, with their counts. */
    private static String content(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            return db.write(tx -> new BackupStore(db.dialect()).content(tx)).toString();
        }
    }

    private static long mediaFiles(Config config) {
        if (!Files.isDirectory(config.mediaDir())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(config.mediaDir())) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A copy of {@code zip} with each entry's bytes changed by {@code change} (null drops it), plus empty extra entries. */
    private static Path rewrite(Path zip, BiFunction<String, byte[], byte[]> change, String... extra) throws IOException {
        Path copy = TestSites.tempDir().resolve("changed.zip");
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = change.apply(entry.getName(), stream.readAllBytes());
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            for (String name : extra) {
                out.putNextEntry(new ZipEntry(name));
                out.closeEntry();
            }
        }
        return copy;
    }
}
