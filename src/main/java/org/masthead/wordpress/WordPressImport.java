package org.masthead.wordpress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.comments.CommentStore;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.media.MediaStore;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.Slugs;
import org.masthead.content.TagStore;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Imports a WordPress export into the site. The file is read twice: first to check all of
 * it and note authors, terms and attachments, then to write, item by item, inside one
 * transaction, so a failure (or an interrupted run) leaves the site as it was and other
 * instances learn of the new rows through the change log when it commits. Every row made is
 * remembered by its WordPress id, so importing the same export again updates posts and pages
 * instead of copying them; authors, sections and tags found again are left as editors may
 * have changed them.
 */
public final class WordPressImport {
    private final Database db;
    private final SettingsStore settings;
    private final SectionStore sections;
    private final WordPressStore store = new WordPressStore();
    private final TermWriter terms;
    private final AttachmentWriter attachments;
    private final ItemWriter items;

    public WordPressImport(Database db, SettingsStore settings, SectionStore sections, TagStore tags, AuthorStore authors,
                           PageStore pages, ArticleStore articles, MediaStore images, CommentStore comments,
                           UserStore users, Predicate<String> embeddable) {
        this.db = db;
        this.settings = settings;
        this.sections = sections;
        this.terms = new TermWriter(store, sections, tags, authors, users);
        this.attachments = new AttachmentWriter(store, images);
        this.items = new ItemWriter(store, articles, pages, comments, embeddable);
    }

    /**
     * How to run: where the old uploads are (may be null), the site's media folder, whether to
     * write at all, and the role of the newsroom accounts to make for the export's authors
     * (null for none).
     */
    public record Options(Path uploads, Path mediaDir, boolean dryRun, Role accounts) {
        public Options(Path uploads, Path mediaDir, boolean dryRun) {
            this(uploads, mediaDir, dryRun, null);
        }
    }

    /** Checks the whole file and counts its items; throws {@link BadExport} for a file that cannot be imported. */
    public int check(Path file) {
        Survey survey = new Survey();
        new WxrReader().read(file, survey);
        return survey.items;
    }

    /** Imports the export; {@code progress} hears of each item written. Throws {@link BadExport} before writing anything. */
    public ImportReport run(Path file, Options options, LongConsumer progress) {
        Survey survey = new Survey();
        ImportReport report = new ImportReport();
        report.version(new WxrReader().read(file, survey));
        if (options.dryRun()) {
            report.dryRun();
        }
        MediaFiles files = new MediaFiles(options.uploads(), options.mediaDir(), options.dryRun());
        try {
            db.write(tx -> {
                Run run = new Run(tx, survey.baseUrl.isBlank() ? "file:" + file.getFileName() : survey.baseUrl, survey,
                        report, settings.current().language(), sections, store);
                terms.authors(run);
                if (options.accounts() != null) {
                    terms.accounts(run, options.accounts());
                }
                terms.categories(run);
                terms.tags(run);
                attachments.write(run, files);
                new WxrReader().read(file, new Wxr.Visitor() {
                    @Override
                    public void item(Wxr.Item item) {
                        items.write(run, item);
                        progress.accept(1);
                    }
                });
                items.linkPages(run);
                if (options.dryRun()) {
                    throw new DryRun();
                }
                return null;
            });
        } catch (DryRun done) {
            return report;
        } catch (RuntimeException e) {
            files.undo();
            throw e;
        }
        return report;
    }

    /** Thrown at the end of a dry run, so its transaction rolls back. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super("dry run", null, false, false);
        }
    }

    /** One import's state: its transaction, the export's site address, and the rows made so far by WordPress key. */
    static final class Run {
        final Tx tx;
        final String source;
        final Survey survey;
        final ImportReport report;
        final String language;
        final Map<String, Long> authorByLogin = new HashMap<>();
        final Map<String, Long> sectionBySlug = new HashMap<>();
        final Map<String, PostHtml.Picture> pictureByPath = new HashMap<>();
        final Map<String, PostHtml.Picture> pictureById = new HashMap<>();
        final Map<String, Long> mediaById = new HashMap<>();
        final Map<Long, TermWriter.NewSection> createdSections = new HashMap<>();
        final SectionStore sections;
        final WordPressStore store;

        Run(Tx tx, String source, Survey survey, ImportReport report, String language, SectionStore sections,
            WordPressStore store) {
            this.tx = tx;
            this.sections = sections;
            this.store = store;
            this.source = source;
            this.survey = survey;
            this.report = report;
            this.language = language;
        }

        /** The section of a category slug, made on first use for one the export did not list. */
        long section(String wpSlug, String name) {
            Long known = sectionBySlug.get(wpSlug);
            if (known != null) {
                return known;
            }
            long id = TermWriter.ensureSection(this, wpSlug, name, "");
            sectionBySlug.put(wpSlug, id);
            return id;
        }
    }

    static void redirectUrl(Run run, String url, String kind, long id) {
        String key = LegacyPaths.ofUrl(url);
        if (key != null && !key.equals("/")) {
            run.store.redirect(run.tx, key, kind, id);
        }
    }

    /** A Masthead slug from a WordPress slug (percent-encoded UTF-8 is decoded first), else from the name. */
    static String slugOr(String wpSlug, String name, String fallback) {
        String decoded;
        try {
            decoded = URLDecoder.decode(wpSlug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = wpSlug;
        }
        String slug = Slugs.of(decoded);
        if (slug.isEmpty()) {
            slug = Slugs.of(name);
        }
        return slug.isEmpty() ? fallback : slug;
    }

    static String plainName(String name, String fallback) {
        String text = org.jsoup.Jsoup.parseBodyFragment(name == null ? "" : name).text().strip();
        return text.isEmpty() ? fallback : text;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
