package org.masthead.wordpress;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.comments.CommentStore;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.ImageStore;
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
    private final TagStore tags;
    private final AuthorStore authors;
    private final ImageStore images;
    private final UserStore users;
    private final WordPressStore store = new WordPressStore();
    private final ItemWriter items;

    public WordPressImport(Database db, SettingsStore settings, SectionStore sections, TagStore tags, AuthorStore authors,
                           PageStore pages, ArticleStore articles, ImageStore images, CommentStore comments,
                           UserStore users, Predicate<String> embeddable) {
        this.db = db;
        this.settings = settings;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.images = images;
        this.users = users;
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
                        report, settings.current().language());
                authors(run);
                if (options.accounts() != null) {
                    accounts(run, options.accounts());
                }
                categories(run);
                tagTerms(run);
                attachments(run, files);
                new WxrReader().read(file, new Wxr.Visitor() {
                    @Override
                    public void item(Wxr.Item item) {
                        items.write(run, item);
                        progress.accept(1);
                    }
                });
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
        final Map<Long, NewSection> createdSections = new HashMap<>();
        SectionStore sections;
        WordPressStore store;

        Run(Tx tx, String source, Survey survey, ImportReport report, String language) {
            this.tx = tx;
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
            long id = ensureSection(this, wpSlug, name, "");
            sectionBySlug.put(wpSlug, id);
            return id;
        }
    }

    private void authors(Run run) {
        for (Wxr.Author author : run.survey.authors) {
            String login = author.login().strip();
            if (login.isEmpty()) {
                run.report.skip("an author without a login", "no wp:author_login");
                continue;
            }
            String name = author.displayName().isBlank() ? login : author.displayName().strip();
            Optional<Long> mapped = mappedExisting(run, "author", login, "authors");
            long id;
            if (mapped.isPresent()) {
                id = mapped.get();
                run.report.updated("authors");
            } else {
                String slug = slugOr(login, name, "author");
                Optional<Long> same = store.idBySlug(run.tx, "authors", slug);
                if (same.isPresent()) {
                    id = same.get();
                    run.report.updated("authors");
                } else {
                    id = authors.add(run.tx, slug, truncate(name, 200), "", "", null);
                    run.report.created("authors");
                }
                store.remember(run.tx, run.source, "author", login, id, "");
            }
            run.authorByLogin.put(login, id);
            store.redirect(run.tx, "/author/" + login, "author", id);
            if (!author.id().isBlank()) {
                store.redirect(run.tx, "/?author=" + author.id().strip(), "author", id);
            }
        }
    }

    /** Newsroom accounts for the export's authors, without passwords until an admin sets them. */
    private void accounts(Run run, Role role) {
        for (Wxr.Author author : run.survey.authors) {
            String email = author.email().strip();
            String name = author.displayName().isBlank() ? author.login().strip() : author.displayName().strip();
            if (!email.contains("@") || name.isEmpty()) {
                run.report.skip("the account for author " + author.login(), "author without an email address");
            } else if (users.addWithoutPassword(run.tx, email, truncate(name, 200), role).isPresent()) {
                run.report.created("accounts");
            } else {
                run.report.updated("accounts");
            }
        }
    }

    private void categories(Run run) {
        run.sections = sections;
        run.store = store;
        for (Wxr.Term term : run.survey.categories.values()) {
            long id = ensureSection(run, term.slug(), term.name(), term.description());
            run.sectionBySlug.put(term.slug(), id);
            if (!term.id().isBlank()) {
                store.redirect(run.tx, "/?cat=" + term.id().strip(), "section", id);
            }
        }
        // Parents once every section exists, as exports may list a child before its parent.
        for (Wxr.Term term : run.survey.categories.values()) {
            Long parent = term.parent().isBlank() ? null : run.sectionBySlug.get(term.parent().strip());
            long id = run.sectionBySlug.get(term.slug());
            NewSection made = run.createdSections.get(id);
            if (parent != null && parent != id && made != null) {
                sections.update(run.tx, id, made.slug(), made.name(), made.description(), parent, made.position());
            }
            store.redirect(run.tx, "/category/" + categoryPath(run, term), "section", id);
        }
    }

    /** A section this run made, as it was made (so its parent can be set once all exist). */
    record NewSection(String slug, String name, String description, int position) {
    }

    /** The category's old address below /category/: its ancestors' slugs and its own. */
    private static String categoryPath(Run run, Wxr.Term term) {
        StringBuilder path = new StringBuilder(term.slug());
        java.util.Set<String> seen = new java.util.HashSet<>();
        Wxr.Term at = term;
        while (!at.parent().isBlank() && seen.add(at.slug())) {
            at = run.survey.categories.get(at.parent().strip());
            if (at == null) {
                break;
            }
            path.insert(0, at.slug() + "/");
        }
        return path.toString();
    }

    static long ensureSection(Run run, String wpSlug, String name, String description) {
        Optional<Long> mapped = run.store.mapped(run.tx, run.source, "category", wpSlug)
                .filter(id -> run.store.exists(run.tx, "sections", id));
        if (mapped.isPresent()) {
            run.report.updated("sections");
            return mapped.get();
        }
        String slug = slugOr(wpSlug, name, "section");
        Optional<Long> same = run.store.idBySlug(run.tx, "sections", slug);
        long id;
        if (same.isPresent()) {
            id = same.get();
            run.report.updated("sections");
        } else {
            NewSection made = new NewSection(slug, truncate(plainName(name, slug), 200), description.strip(),
                    run.store.nextSectionPosition(run.tx));
            id = run.sections.add(run.tx, made.slug(), made.name(), made.description(), null, made.position());
            run.report.created("sections");
            run.createdSections.put(id, made);
        }
        run.store.remember(run.tx, run.source, "category", wpSlug, id, "");
        return id;
    }

    private void tagTerms(Run run) {
        for (Wxr.Term term : run.survey.tags.values()) {
            String slug = slugOr(term.slug(), term.name(), "tag");
            Optional<Long> existing = store.idBySlug(run.tx, "tags", slug);
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                run.report.updated("tags");
            } else {
                id = tags.add(run.tx, slug, truncate(plainName(term.name(), slug), 200));
                run.report.created("tags");
            }
            store.remember(run.tx, run.source, "tag", term.slug(), id, "");
            store.redirect(run.tx, "/tag/" + term.slug(), "tag", id);
            store.redirect(run.tx, "/?tag=" + term.slug(), "tag", id);
        }
    }

    private void attachments(Run run, MediaFiles files) {
        for (Survey.Attachment a : run.survey.attachments.values()) {
            Optional<MediaFiles.Copied> copied = files.copy(a);
            String alt = a.alt().strip();
            String caption = org.jsoup.Jsoup.parseBodyFragment(a.caption()).text().strip();
            String credit = a.credit().strip();
            PostHtml.Picture picture;
            if (copied.isPresent()) {
                MediaFiles.Copied c = copied.get();
                Optional<Long> existing = mappedExisting(run, "attachment", a.id(), "media")
                        .or(() -> store.mediaByFile(run.tx, c.fileName()));
                long id;
                if (existing.isPresent()) {
                    id = existing.get();
                    store.updateMediaWords(run.tx, id, alt, caption, credit);
                    run.report.updated("media");
                } else {
                    id = images.add(run.tx, c.fileName(), c.contentType(), c.width(), c.height(), List.of(), alt, caption,
                            credit);
                    run.report.created("media");
                }
                store.remember(run.tx, run.source, "attachment", a.id(), id, a.url());
                run.mediaById.put(a.id(), id);
                picture = new PostHtml.Picture("/media/" + c.fileName(), alt, caption, credit);
                if (!a.link().isBlank()) {
                    redirectUrl(run, a.link(), "media", id);
                }
                store.redirect(run.tx, "/?attachment_id=" + a.id(), "media", id);
            } else {
                run.report.missing(a.url());
                store.remember(run.tx, run.source, "attachment", a.id(), null, a.url());
                picture = new PostHtml.Picture(a.url(), alt, caption, credit);
            }
            run.pictureById.put(a.id(), picture);
            run.pictureByPath.put(MediaFiles.uploadsPath(a), picture);
        }
    }

    static void redirectUrl(Run run, String url, String kind, long id) {
        String key = LegacyPaths.ofUrl(url);
        if (key != null && !key.equals("/")) {
            run.store.redirect(run.tx, key, kind, id);
        }
    }

    private Optional<Long> mappedExisting(Run run, String kind, String key, String table) {
        return store.mapped(run.tx, run.source, kind, key).filter(id -> store.exists(run.tx, table, id));
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
