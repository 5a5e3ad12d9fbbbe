package org.masthead.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Restores a Masthead export into an empty site: every row with its own id, in one
 * transaction, then the media files. Anything wrong (another format or a newer version, a
 * damaged or incomplete file, a site that already has content) is refused with the reason and
 * leaves the site as it was: the transaction rolls back and the files copied are removed.
 * Each imported row is announced in the change log, so search indexes and page caches follow.
 */
public final class SiteImport {
    private final Database db;
    private final BackupStore store;
    private final Path mediaDir;
    private final Consumer<Tx> worksOut;

    /**
     * Imports into {@code db} and {@code mediaDir}; {@code worksOut} then writes, in the import's
     * transaction, what the export leaves out because it follows from the rows (see {@link
     * ExportFormat#LEFT_OUT}).
     */
    public SiteImport(Database db, Path mediaDir, Consumer<Tx> worksOut) {
        this.db = db;
        this.worksOut = worksOut;
        this.store = new BackupStore(db.dialect());
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
    }

    /** An export opened and its manifest checked, ready to import. */
    public static final class Export implements AutoCloseable {
        private final ZipFile zip;
        private final Manifest manifest;

        private Export(ZipFile zip, Manifest manifest) {
            this.zip = zip;
            this.manifest = manifest;
        }

        public Manifest manifest() {
            return manifest;
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens {@code file} and checks that this Masthead can import it, reading only its manifest and directory. */
    public static Export open(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadBackup(file.getFileName() + " is not a zip file, or is damaged (" + e.getMessage() + ")");
        }
        try {
            ZipEntry entry = zip.getEntry(ExportFormat.MANIFEST);
            if (entry == null) {
                throw new BadBackup(file.getFileName() + " has no " + ExportFormat.MANIFEST + ": it is not a Masthead export");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = Manifest.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            for (Table table : ExportFormat.TABLES) {
                if (zip.getEntry(table.file()) == null || !manifest.rows().containsKey(table.file())) {
                    throw new BadBackup(file.getFileName() + " has no " + table.file() + " (or manifest.json no count "
                            + "for it): the export is incomplete");
                }
            }
            return new Export(zip, manifest);
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the refusal below says what matters
            }
            if (e instanceof BadBackup bad) {
                throw bad;
            }
            throw new BadBackup(file.getFileName() + " is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** Imports an opened export, calling {@code progress} with each row and file; refuses a site with content. */
    public void run(Export export, LongConsumer progress) {
        checkMediaFolder(export.zip);
        List<Path> copied = new ArrayList<>();
        try {
            db.write(tx -> {
                Map<String, Long> content = store.content(tx);
                if (!content.isEmpty()) {
                    throw new BadBackup("this site is not empty (" + content.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))
                            + "); import into a new site: an empty data folder or database");
                }
                for (Table table : ExportFormat.TABLES) {
                    rows(tx, export, table, progress);
                }
                media(export, copied, progress);
                store.resetSequences(tx);
                worksOut.accept(tx);
                return null;
            });
        } catch (RuntimeException | Error e) {
            for (Path path : copied) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a file left behind is named by no row; the refusal is what matters
                }
            }
            throw e;
        }
    }

    private void rows(Tx tx, Export export, Table table, LongConsumer progress) {
        long expected = export.manifest.rows().get(table.file());
        if (table.replaced() && expected > 0) {
            store.clear(tx, table);
        }
        long[] read = {0};
        try (BackupStore.Rows rows = store.new Rows(tx, table)) {
            lines(export, table, values -> {
                rows.add(values);
                read[0]++;
                progress.accept(1);
            });
        }
        if (read[0] != expected) {
            throw new BadBackup(table.file() + " holds " + read[0] + " rows where manifest.json counts " + expected
                    + ": the export is incomplete");
        }
        for (String column : table.deferred()) {
            int at = table.columnNames().indexOf(column);
            int id = table.columnNames().indexOf("id");
            lines(export, table, values -> {
                if (values[at] != null) {
                    store.link(tx, table, column, (Long) values[id], (Long) values[at]);
                }
            });
        }
        if (table.entity() != null && table.entityKey() == null && expected > 0) {
            store.announce(tx, table);
        }
    }

    /** Reads a table's file line by line, never the whole file at once. */
    private static void lines(Export export, Table table, Consumer<Object[]> each) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                export.zip.getInputStream(export.zip.getEntry(table.file())), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    each.accept(JsonLines.read(line, table, number));
                }
            }
        } catch (IOException e) {
            throw new BadBackup(table.file() + " cannot be read: the export is damaged (" + e.getMessage() + ")", e);
        }
    }

    /** Refuses media names that would land outside the media folder or on a file already there. */
    private void checkMediaFolder(ZipFile zip) {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(ExportFormat.MEDIA)) {
                continue;
            }
            Path target = target(entry);
            if (Files.exists(target)) {
                throw new BadBackup("the media folder already holds " + mediaDir.relativize(target)
                        + "; import into a new site: an empty data folder or database");
            }
        }
    }

    private Path target(ZipEntry entry) {
        String name = entry.getName().substring(ExportFormat.MEDIA.length());
        Path target = mediaDir.resolve(name).normalize();
        if (name.isEmpty() || !target.startsWith(mediaDir) || target.equals(mediaDir)) {
            throw new BadBackup("the media file " + entry.getName() + " would be written outside the media folder");
        }
        return target;
    }

    private void media(Export export, List<Path> copied, LongConsumer progress) {
        long count = 0;
        for (Enumeration<? extends ZipEntry> entries = export.zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(ExportFormat.MEDIA)) {
                continue;
            }
            Path target = target(entry);
            try (InputStream in = export.zip.getInputStream(entry)) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
                copied.add(target);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new BadBackup("the media folder already holds " + mediaDir.relativize(target));
            } catch (IOException e) {
                copied.add(target); // it may be partly written
                throw new BadBackup("the media file " + entry.getName() + " cannot be copied (" + e.getMessage() + ")", e);
            }
            count++;
            progress.accept(1);
        }
        if (count != export.manifest.mediaFiles()) {
            throw new BadBackup("the export holds " + count + " media files where manifest.json counts "
                    + export.manifest.mediaFiles() + ": the export is incomplete");
        }
    }
}
