package org.masthead;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masthead.backup.Manifest;
import org.masthead.backup.SiteExport;
import org.masthead.config.Config;
import org.masthead.content.SettingsStore;
import org.masthead.db.Database;
import org.masthead.wordpress.ExportQueries;
import org.masthead.wordpress.WordPressExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code masthead export masthead FILE.zip}: the whole site in Masthead's own format, to move or to keep a copy;
 * {@code masthead export wordpress FILE.xml}: the site as a WordPress export, to leave.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export the site's content.",
        subcommands = {ExportCommand.WordPress.class, ExportCommand.Masthead.class})
final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = "Write the site as a WordPress export (WXR 1.2): authors, sections as categories, tags, images "
                    + "as attachments, articles as posts with their comments, static pages. Image files stay in the "
                    + "media folder: give it to the importer as the uploads folder.")
    static final class WordPress implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.xml", description = "Where to write the export (replaced if it exists).")
        Path file;

        @Option(names = "--site-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "The site's public address, for the links in the export (default ${DEFAULT-VALUE}).")
        String siteUrl;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Config config = storage.config();
            try (Database db = Database.open(config.jdbcUrl())) {
                WordPressExport export = new WordPressExport(new ExportQueries(db));
                ProgressBar bar = new ProgressBar(out, "Exporting", export.items(), "items");
                export.write(file, siteUrl, new SettingsStore(db).current(), bar::advance);
                bar.finish();
                out.println("Wrote " + file + " (WXR 1.2). Image files: " + config.mediaDir());
                return 0;
            }
        }
    }

    @Command(name = "masthead", mixinStandardHelpOptions = true,
            description = "Write the whole site to one zip file (docs/export-format.md): articles with their revisions, "
                    + "sections, tags, authors, pages, comments, media files, settings, accounts with their password "
                    + "hashes, old addresses, the audit and consent logs and the spam filter's learning. Sign-in "
                    + "sessions are left out. Reads one snapshot of the database, so the site may keep serving. "
                    + "Restore it with: masthead import masthead FILE.zip")
    static final class Masthead implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.zip", description = "Where to write the export (replaced if it exists).")
        Path file;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Config config = storage.config();
            try (Database db = Database.open(config.jdbcUrl())) {
                SiteExport export = new SiteExport(db, config.mediaDir());
                ProgressBar bar = new ProgressBar(out, "Exporting", export.items(), "items");
                Manifest manifest = export.write(file, bar::advance);
                bar.finish();
                out.printf("Wrote %s (%s version %d): %,d rows and %,d media files.%n", file, manifest.format(),
                        manifest.version(), manifest.items() - manifest.mediaFiles(), manifest.mediaFiles());
                return 0;
            }
        }
    }
}
