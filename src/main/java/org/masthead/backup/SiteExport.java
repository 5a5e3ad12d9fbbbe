package org.masthead.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.masthead.db.Database;

/**
 * Writes the whole site to one zip (docs/export-format.md): a JSON-lines file per table, read
 * from one snapshot of the database and streamed row by row, the media folder's files under
 * media/, and manifest.json with the counts. The zip is written beside its target and moved
 * into place when complete, so a failed export leaves no half file.
 */
public final class SiteExport {
    private final BackupQueries queries;
    private final Path mediaDir;

    public SiteExport(Database db, Path mediaDir) {
        this.queries = new BackupQueries(db);
        this.mediaDir = mediaDir;
    }

    /** About how many rows and files an export will write, for a progress bar. */
    public long items() {
        long rows = queries.snapshot(reader -> ExportFormat.TABLES.stream().mapToLong(reader::count).sum());
        try (Stream<Path> files = mediaFiles()) {
            return rows + files.count();
        }
    }

    /** Writes the export to {@code file} (replacing it), calling {@code progress} with each row and file written. */
    public Manifest write(Path file, LongConsumer progress) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                Manifest manifest;
                try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                    Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                    Map<String, Long> rows = queries.snapshot(reader -> tables(reader, zip, text, progress));
                    long files = media(zip, progress);
                    manifest = new Manifest(ExportFormat.NAME, ExportFormat.VERSION, Instant.now(), queries.databaseKind(),
                            rows, files);
                    zip.putNextEntry(new ZipEntry(ExportFormat.MANIFEST));
                    manifest.write(text);
                    text.flush();
                    zip.closeEntry();
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> tables(BackupQueries.Reader reader, ZipOutputStream zip, Writer text,
                                            LongConsumer progress) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : ExportFormat.TABLES) {
            long[] written = {0};
            try {
                zip.putNextEntry(new ZipEntry(table.file()));
                reader.rows(table, values -> {
                    try {
                        JsonLines.write(text, table, values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                    progress.accept(1);
                });
                text.flush();
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            counts.put(table.file(), written[0]);
        }
        return counts;
    }

    private long media(ZipOutputStream zip, LongConsumer progress) throws IOException {
        long count = 0;
        try (Stream<Path> files = mediaFiles()) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = ExportFormat.MEDIA + mediaDir.relativize(path).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(path, zip);
                zip.closeEntry();
                count++;
                progress.accept(1);
            }
        }
        return count;
    }

    /** Every file under the media folder (originals and variants, whoever made them), walked lazily. */
    private Stream<Path> mediaFiles() {
        if (!Files.isDirectory(mediaDir)) {
            return Stream.empty();
        }
        try {
            return Files.walk(mediaDir).filter(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the media folder " + mediaDir + ": " + e.getMessage(), e);
        }
    }
}
