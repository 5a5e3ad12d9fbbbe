package org.masthead;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masthead.backup.BadBackup;
import org.masthead.backup.Manifest;
import org.masthead.backup.SiteImport;
import org.masthead.comments.CommentStore;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.Media;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.TagStore;
import org.masthead.db.Database;
import org.masthead.site.SiteQueries;
import org.masthead.wordpress.BadExport;
import org.masthead.wordpress.ImportReport;
import org.masthead.wordpress.WordPressImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code masthead import wordpress FILE.xml}: brings a WordPress site's export into this site;
 * {@code masthead import masthead FILE.zip}: restores a Masthead export into a new, empty site.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import content from another platform.",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Masthead.class})
final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = "Import a WordPress export (WXR 1.0-1.2, from Tools > Export): posts, pages, categories, tags, "
                    + "authors, comments and images, with the old addresses answering 301. Runs in one transaction, so "
                    + "a failure or Ctrl-C leaves the site as it was; may run while the site serves. Importing the "
                    + "same export again updates what the last import made.")
    static final class WordPress implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.xml", description = "The WordPress export file.")
        Path file;

        @Option(names = "--media-dir", paramLabel = "DIR",
                description = "Folder holding a copy of the old site's wp-content/uploads; images are matched by their "
                        + "uploads path (2024/06/photo.jpg). Without it, images are listed as missing.")
        Path mediaDir;

        @Option(names = "--accounts", paramLabel = "ROLE",
                description = "Also make a newsroom account with this role (contributor, author, editor or admin) for "
                        + "each WordPress author with an email address; it has no password until an admin sets one.")
        String accounts;

        @Option(names = "--dry-run", description = "Read and check everything and print the report, writing nothing.")
        boolean dryRun;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("masthead: " + file + " is not a file");
                return 2;
            }
            if (mediaDir != null && !Files.isDirectory(mediaDir)) {
                err.println("masthead: --media-dir " + mediaDir + " is not a folder");
                return 2;
            }
            org.masthead.accounts.Role role = accounts == null ? null : org.masthead.accounts.Role.parse(accounts);
            Config config = storage.config();
            try (Database db = Database.open(config.jdbcUrl())) {
                WordPressImport importer = importer(db);
                int items;
                try {
                    items = importer.check(file);
                } catch (BadExport e) {
                    err.println("masthead: nothing was imported: " + e.getMessage());
                    return 1;
                }
                ProgressBar bar = new ProgressBar(out, dryRun ? "Checking" : "Importing", items, "items");
                ImportReport report = importer.run(file, new WordPressImport.Options(mediaDir, config.mediaDir(), dryRun, role),
                        bar::advance);
                bar.finish();
                report.print(out);
                return 0;
            }
        }

        private static WordPressImport importer(Database db) {
            SettingsStore settings = new SettingsStore(db);
            SectionStore sections = new SectionStore(db);
            SiteQueries queries = new SiteQueries(db, settings::current, sections::all);
            Markdown markdown = new Markdown(url -> url.startsWith(Media.URL_PREFIX)
                    ? queries.media(url.substring(Media.URL_PREFIX.length()))
                    : java.util.Optional.empty());
            return new WordPressImport(db, settings, sections, new TagStore(), new AuthorStore(markdown), new PageStore(markdown),
                    new ArticleStore(markdown), new org.masthead.media.MediaStore(db), new CommentStore(db), new org.masthead.accounts.UserStore(db),
                    Markdown::embeddable);
        }
    }

    @Command(name = "masthead", mixinStandardHelpOptions = true,
            description = "Restore a Masthead export (masthead export masthead) into a new, empty site, with every id "
                    + "kept so links, threads, revisions and images work as before. Refuses a site that has content, "
                    + "another format or a newer format version, and a damaged or incomplete file. Runs in one "
                    + "transaction, so a refusal, a failure or Ctrl-C leaves the site as it was.")
    static final class Masthead implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.zip", description = "The export file.")
        Path file;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("masthead: " + file + " is not a file");
                return 2;
            }
            Config config = storage.config();
            try (Database db = Database.open(config.jdbcUrl());
                 SiteImport.Export export = SiteImport.open(file)) {
                Manifest manifest = export.manifest();
                ProgressBar bar = new ProgressBar(out, "Importing", manifest.items(), "items");
                new SiteImport(db, config.mediaDir(), org.masthead.content.ArticleMediaStore::fill).run(export, bar::advance);
                bar.finish();
                out.printf("Imported %,d rows and %,d media files from %s (made %s).%n",
                        manifest.items() - manifest.mediaFiles(), manifest.mediaFiles(), file, manifest.createdAt());
                return 0;
            } catch (BadBackup e) {
                err.println("masthead: nothing was imported: " + e.getMessage());
                return 1;
            }
        }
    }
}
