package org.masthead.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.masthead.config.Config;
import org.masthead.db.Database;

/** A site with a few rows and one media file: enough to export quickly and to import into another. */
public final class SmallSite {
    private SmallSite() {
    }

    /** Fills the new site of {@code config} with two tags, a section and a media file. */
    public static void fill(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            db.write(tx -> {
                tx.handle().execute("insert into tags (slug, name) values ('tides', 'Tides'), ('ferries', 'Ferries')");
                tx.handle().execute("insert into sections (slug, name, description, parent_id, position) "
                        + "values ('harbour', 'Harbour', '', null, 0)");
                return null;
            });
        }
        try {
            Path file = config.mediaDir().resolve("uploads/2026/12/chart.png");
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exports the site of {@code config} to a new file and returns it. */
    public static Path export(Config config) {
        Path zip = org.masthead.TestSites.tempDir().resolve("small.zip");
        try (Database db = Database.open(config.jdbcUrl())) {
            new SiteExport(db, config.mediaDir()).write(zip, n -> { });
        }
        return zip;
    }
}
