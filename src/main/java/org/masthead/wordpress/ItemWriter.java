package org.masthead.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.masthead.comments.CommentStore;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.PageStore;
import org.masthead.content.Slugs;

/**
 * Writes one item of an export: a post as an article (with its comments), a page as a static
 * page; attachments were written before the items, and other kinds (menus, revisions, custom
 * post types) are skipped with the reason in the report.
 */
final class ItemWriter {
    private static final ArticleEdit.By BY = new ArticleEdit.By(null, "WordPress import");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern SIZED = Pattern.compile("-\\d+x\\d+(\\.[A-Za-z0-9]+)$");
    private static final Pattern VARIANT = Pattern.compile("-\\d+(\\.[A-Za-z0-9]+)$");
    /** Addresses the site's own routes answer, which a static page may not take. */
    private static final Set<String> RESERVED = Set.of("section", "tag", "author", "preview", "cookies", "newsroom", "media",
            "static", "consent", "healthz", "comments", "search", "feed", "sitemap");
    static final String FEATURED_TAG = "Featured";

    private final WordPressStore store;
    private final ArticleStore articles;
    private final PageStore pages;
    private final CommentWriter comments;
    private final Predicate<String> embeddable;

    ItemWriter(WordPressStore store, ArticleStore articles, PageStore pages, CommentStore comments,
               Predicate<String> embeddable) {
        this.store = store;
        this.articles = articles;
        this.pages = pages;
        this.comments = new CommentWriter(store, comments);
        this.embeddable = embeddable;
    }

    void write(WordPressImport.Run run, Wxr.Item item) {
        String what = describe(item);
        if (item.id().isEmpty()) {
            run.report.skip(what, "no wp:post_id");
            return;
        }
        switch (item.type()) {
            case "post" -> post(run, item, what);
            case "page" -> page(run, item, what);
            case "attachment" -> {
                // written before the items
            }
            case "" -> run.report.skip(what, "no wp:post_type");
            default -> run.report.skip(what, "post type " + item.type() + " has no place in Masthead");
        }
    }

    private void post(WordPressImport.Run run, Wxr.Item item, String what) {
        ArticleStatus status = switch (item.status()) {
            case "publish" -> ArticleStatus.PUBLISHED;
            case "future" -> ArticleStatus.SCHEDULED;
            case "draft", "" -> ArticleStatus.DRAFT;
            case "pending" -> ArticleStatus.PENDING;
            case "private" -> ArticleStatus.UNPUBLISHED;
            default -> null;
        };
        if (status == null) {
            run.report.skip(what, "status " + item.status() + " (trashed or automatic drafts are not imported)");
            return;
        }
        if (!item.password().isEmpty()) {
            status = ArticleStatus.UNPUBLISHED;
            run.report.passwordProtected(what);
        }
        PostHtml.Converted body = converter(run).convert(item.id(), item.content());
        body.unknownShortcodes().forEach(run.report::shortcode);
        body.notes().forEach(note -> run.report.note(what + ": " + note));
        if (body.pages() > 1) {
            run.report.note(what + ": its " + body.pages() + " pages (<!--nextpage-->) are one article, divided by rules");
        }
        Optional<Long> existing = store.mapped(run.tx, run.source, "post", item.id())
                .filter(id -> store.exists(run.tx, "articles", id));
        String slug = store.freeSlug(run.tx, "articles", WordPressImport.slugOr(item.slug(), item.title(), "post-" + item.id()),
                existing.orElse(null), Slugs.MAX_LENGTH);
        String headline = WordPressImport.truncate(WordPressImport.plainName(item.title(), "Untitled (WordPress post " + item.id() + ")"), 300);
        String excerpt = Jsoup.parseBodyFragment(item.excerpt()).text().strip();
        String dek = excerpt.isEmpty() ? body.teaser() : excerpt;
        Instant published = status == ArticleStatus.DRAFT || status == ArticleStatus.PENDING ? null : date(item);
        if (published == null && status != ArticleStatus.DRAFT && status != ArticleStatus.PENDING) {
            published = Instant.now();
        }
        long section = section(run, item);
        List<Long> byline = new ArrayList<>();
        Long author = run.authorByLogin.get(item.creator());
        if (author != null) {
            byline.add(author);
        }
        List<String> tagNames = new ArrayList<>();
        for (Wxr.ItemTerm term : item.terms()) {
            if (term.domain().equals("post_tag") && !term.name().isBlank()) {
                tagNames.add(WordPressImport.truncate(WordPressImport.plainName(term.name(), term.slug()), 200));
            }
        }
        if (item.sticky()) {
            tagNames.add(FEATURED_TAG);
        }
        Long featured = run.mediaById.get(item.meta().getOrDefault("_thumbnail_id", "").strip());
        ArticleEdit edit = new ArticleEdit(slug, headline, dek, body.markdown(), run.language, section, byline, tagNames,
                featured, List.of(), "", "", status, published, null, null, null, !"closed".equals(item.commentStatus()));
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            articles.update(run.tx, id, store.articleVersion(run.tx, id), edit, BY, "Imported again from WordPress");
            run.report.updated("articles");
        } else {
            id = articles.create(run.tx, edit, BY);
            run.report.created("articles");
        }
        store.remember(run.tx, run.source, "post", item.id(), id, item.link());
        store.redirect(run.tx, "/?p=" + item.id(), "article", id);
        WordPressImport.redirectUrl(run, item.link(), "article", id);
        comments.write(run, item, id, what);
    }

    private static long section(WordPressImport.Run run, Wxr.Item item) {
        for (Wxr.ItemTerm term : item.terms()) {
            if (term.domain().equals("category") && !term.slug().isBlank()) {
                return run.section(term.slug(), term.name());
            }
        }
        return run.section("uncategorized", "Uncategorized");
    }

    private void page(WordPressImport.Run run, Wxr.Item item, String what) {
        if (!item.status().equals("publish")) {
            run.report.skip(what, "page not published (static pages have no drafts in Masthead)");
            return;
        }
        if (!item.password().isEmpty()) {
            run.report.skip(what, "password-protected page (static pages are always public in Masthead)");
            run.report.passwordProtected(what + " (not imported)");
            return;
        }
        PostHtml.Converted body = converter(run).convert(item.id(), item.content());
        body.unknownShortcodes().forEach(run.report::shortcode);
        body.notes().forEach(note -> run.report.note(what + ": " + note));
        Optional<Long> existing = store.mapped(run.tx, run.source, "page", item.id())
                .filter(id -> store.exists(run.tx, "pages", id));
        String wanted = WordPressImport.slugOr(item.slug(), item.title(), "page-" + item.id());
        if (RESERVED.contains(wanted) || PageStore.KEPT.contains(wanted)) {
            wanted = wanted + "-page";
        }
        String slug = store.freeSlug(run.tx, "pages", wanted, existing.orElse(null), 120);
        String title = WordPressImport.truncate(WordPressImport.plainName(item.title(), "Untitled"), 300);
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            pages.update(run.tx, id, slug, title, body.markdown());
            run.report.updated("pages");
        } else {
            id = pages.add(run.tx, slug, title, body.markdown());
            run.report.created("pages");
        }
        store.remember(run.tx, run.source, "page", item.id(), id, item.link());
        store.redirect(run.tx, "/?page_id=" + item.id(), "page", id);
        WordPressImport.redirectUrl(run, item.link(), "page", id);
        String nested = pagePath(run, item.id());
        if (nested.contains("/")) {
            store.redirect(run.tx, "/" + nested, "page", id);
        }
        for (Wxr.Comment c : item.comments()) {
            run.report.skip(what + ", comment " + c.id(), "comment on a page (Masthead's pages take no comments)");
        }
    }

    /**
     * Puts each imported page under its nearest imported ancestor, once every page is in (a child
     * may come before its parent in the export); a page whose ancestors were all skipped is at the top.
     */
    void linkPages(WordPressImport.Run run) {
        for (Map.Entry<String, String[]> page : run.survey.pages.entrySet()) {
            Optional<Long> child = store.mapped(run.tx, run.source, "page", page.getKey())
                    .filter(id -> store.exists(run.tx, "pages", id));
            if (child.isEmpty()) {
                continue;
            }
            Long parent = null;
            String at = page.getValue()[1];
            for (int depth = 0; parent == null && at != null && !at.isBlank() && !at.equals("0") && depth < 100; depth++) {
                parent = store.mapped(run.tx, run.source, "page", at)
                        .filter(id -> !id.equals(child.get()) && store.exists(run.tx, "pages", id)).orElse(null);
                String[] up = run.survey.pages.get(at);
                at = up == null ? null : up[1];
            }
            pages.setParent(run.tx, child.get(), parent);
        }
    }

    /** The page's old path from its ancestors' slugs (WordPress's hierarchical page addresses). */
    private static String pagePath(WordPressImport.Run run, String id) {
        StringBuilder path = new StringBuilder();
        Set<String> seen = new java.util.HashSet<>();
        String at = id;
        while (at != null && !at.equals("0") && seen.add(at)) {
            String[] page = run.survey.pages.get(at);
            if (page == null || page[0].isBlank()) {
                break;
            }
            path.insert(0, path.isEmpty() ? page[0] : page[0] + "/");
            at = page[1];
        }
        return path.toString();
    }

    private PostHtml converter(WordPressImport.Run run) {
        return new PostHtml(new PostHtml.Pictures() {
            @Override
            public Optional<PostHtml.Picture> byUrl(String url) {
                String path = uploadsPath(url);
                if (path == null) {
                    return Optional.empty();
                }
                PostHtml.Picture picture = run.pictureByPath.get(path);
                // A smaller size of the same image: WordPress's name-300x200.jpg, Masthead's name-480.jpg.
                for (Pattern size : List.of(SIZED, VARIANT)) {
                    Matcher sized = size.matcher(path);
                    if (picture == null && sized.find()) {
                        picture = run.pictureByPath.get(path.substring(0, sized.start()) + sized.group(1));
                    }
                }
                return Optional.ofNullable(picture);
            }

            @Override
            public Optional<PostHtml.Picture> byId(String attachmentId) {
                return Optional.ofNullable(run.pictureById.get(attachmentId));
            }

            @Override
            public List<PostHtml.Picture> attachedTo(String postId) {
                return run.survey.attachedTo(postId).stream().map(a -> run.pictureById.get(a.id()))
                        .filter(java.util.Objects::nonNull).toList();
            }
        }, embeddable);
    }

    /** The path of an image address below WordPress's /uploads/ or, for an export of a Masthead site, /media/. */
    private static String uploadsPath(String url) {
        int at = url.indexOf("/uploads/");
        int from = at >= 0 ? at + "/uploads/".length() : url.indexOf("/media/") >= 0 ? url.indexOf("/media/") + "/media/".length() : -1;
        if (from < 0) {
            return null;
        }
        String path = url.substring(from);
        int end = path.indexOf('?');
        return end >= 0 ? path.substring(0, end) : path;
    }

    /** When the item was published: its GMT date, else its local date read as UTC, else its RSS pubDate. */
    static Instant date(Wxr.Item item) {
        Instant gmt = parse(item.dateGmt());
        if (gmt != null) {
            return gmt;
        }
        Instant local = parse(item.date());
        if (local != null) {
            return local;
        }
        try {
            return item.pubDate().isBlank() ? null
                    : ZonedDateTime.parse(item.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant parse(String wpDate) {
        String text = wpDate == null ? "" : wpDate.strip();
        if (text.isEmpty() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String describe(Wxr.Item item) {
        String title = WordPressImport.plainName(item.title(), "untitled");
        return (item.type().isEmpty() ? "item" : item.type()) + " " + (item.id().isEmpty() ? "(no id)" : item.id())
                + " \"" + WordPressImport.truncate(title, 60) + "\" (line " + item.line() + ")";
    }
}
