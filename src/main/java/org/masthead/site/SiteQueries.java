package org.masthead.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.masthead.comments.CommentStore;
import org.masthead.content.ArticlePaths;
import org.masthead.content.Author;
import org.masthead.content.Media;
import org.masthead.content.Page;
import org.masthead.content.Section;
import org.masthead.content.SiteSettings;
import org.masthead.content.Tag;
import org.masthead.db.Database;
import org.masthead.db.RememberedRows;

/**
 * Every read the reader pages make, kept apart from the writes: published articles only,
 * newest first. Settings and sections are few and read on every page: the app hands them
 * in kept in memory (a {@link org.masthead.db.Remembered} of the content stores' reads,
 * dropped when the change log says they changed).
 */
public final class SiteQueries {
    static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.headline, a.dek, a.published_at, a.label, s.slug as section_slug, s.name as section_name,
            m.id as m_id, m.file_name as m_file_name, m.content_type as m_content_type, m.width as m_width,
            m.height as m_height, m.widths as m_widths, m.alt as m_alt, m.caption as m_caption, m.credit as m_credit,
            (select count(*) from comments c where c.article_id = a.id and c.status = 'APPROVED') as comment_count
            """;
    private static final String SUMMARY_FROM = """
            from articles a
            join sections s on s.id = a.section_id
            left join media m on m.id = a.featured_media_id
            """;
    private static final String PUBLISHED = "a.status = 'PUBLISHED'";

    /** The most authors, tags and library images kept in memory for article pages. */
    private static final int KEPT_ROWS = 2_000;
    private static final int KEPT_COUNTS = 20_000;
    /** The most article HTML kept in memory for article pages, in characters (about 8 MB). */
    private static final int KEPT_ARTICLE_CHARS = 4_000_000;

    private final Database db;
    private final Supplier<SiteSettings> settings;
    private final Supplier<List<Section>> sections;
    private final RememberedRows<Long, Author> authors;
    private final RememberedRows<Long, Tag> tags;
    private final RememberedRows<String, Media> images;
    private final RememberedRows<String, ArticleView> keptArticles;
    private final RememberedRows<Long, ArticleSummary> keptSummaries;
    private final RememberedRows<Integer, List<ArticleSummary>> keptLatest;
    /** Approved comments by article, the count story cards print (0 kept too). */
    private final RememberedRows<Long, Integer> commentCounts;
    /** How many published stories a list (a section's, a tag's, an author's) has in all: its page count. */
    private final RememberedRows<Listing, Long> keptTotals;

    /** A list of published stories: its condition on the articles ({@code a}) alone, and the values bound to it. */
    private record Listing(String where, Map<String, Object> params) {
    }

    /** The cards of one page of a list, newest first (their comment counts as they were read). */
    private final RememberedRows<ListPage, List<ArticleSummary>> keptPages;

    private record ListPage(Listing listing, int page) {
    }

    public SiteQueries(Database db, Supplier<SiteSettings> settings, Supplier<List<Section>> sections) {
        this.db = db;
        this.settings = settings;
        this.sections = sections;
        // Bylines and tags are read on every article page and written rarely: kept by id until they (or a
        // photo) change. Registered here, so they forget before the app's page cache empties.
        this.authors = RememberedRows.of(db, KEPT_ROWS, ids -> db.read(h -> h.createQuery(AUTHOR_SELECT
                        + "where au.id in (<ids>)").bindList("ids", List.copyOf(ids)).map((rs, ctx) -> author(rs)).list())
                .stream().collect(Collectors.toMap(Author::id, a -> a)), "author", "media");
        this.tags = RememberedRows.of(db, KEPT_ROWS, ids -> db.read(h -> h.createQuery("select * from tags where id in (<ids>)")
                        .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> tag(rs)).list())
                .stream().collect(Collectors.toMap(Tag::id, t -> t)), "tag");
        this.images = RememberedRows.of(db, KEPT_ROWS, names -> names.stream().flatMap(name -> media(name).stream())
                .collect(Collectors.toMap(Media::fileName, m -> m)), "media");
        // Published articles, their cards and the latest stories, read on every article page: kept until any
        // change a reader could see. A comment changes neither the article nor a card but one card's count,
        // which is kept apart (registered first, so it forgets before the cards and the page cache do).
        this.commentCounts = RememberedRows.of(db, KEPT_COUNTS, this::approvedComments, CommentStore::forgetsCommentsOf);
        this.keptArticles = RememberedRows.weighed(db, KEPT_ARTICLE_CHARS, a -> a.bodyHtml().length() + 1_000,
                slugs -> slugs.stream().flatMap(slug -> articleWhere("a.slug = :key and a.status = 'PUBLISHED'", slug).stream())
                        .collect(Collectors.toMap(ArticleView::slug, a -> a)),
                Set.of("spam_model", "comment_block", CommentStore.ENTITY));
        this.keptSummaries = RememberedRows.weighed(db, KEPT_ROWS, a -> 1,
                ids -> summaries("where " + PUBLISHED + " and a.id in (<ids>)", Map.of("ids", List.copyOf(ids))).stream()
                        .collect(Collectors.toMap(ArticleSummary::id, a -> a)),
                Set.of("spam_model", "comment_block", CommentStore.ENTITY));
        this.keptLatest = RememberedRows.weighed(db, KEPT_ROWS, List::size, limits -> limits.stream().collect(Collectors.toMap(
                        limit -> limit, limit -> summaries("where " + PUBLISHED
                                + " order by a.published_at desc, a.id desc limit " + limit, Map.of()))),
                Set.of("spam_model", "comment_block", CommentStore.ENTITY));
        // Counting a section's stories read every one of its rows on every render (the home page counts each
        // top section): a million-story site's lists cost their size. Kept until any change a reader could see.
        // Counted from the articles alone (a listing's conditions name only them; every article has its section),
        // so an index answers without reading a row: joined to sections and media, a section of 375,000 stories
        // of a million took 6.6 s to count on SQLite, alone 0.06 s.
        this.keptTotals = RememberedRows.weighed(db, KEPT_ROWS, n -> 1, listings -> listings.stream().collect(
                        Collectors.toMap(l -> l, l -> db.read(h -> bindAll(h.createQuery("select count(*) from articles a "
                                + l.where()), l.params()).mapTo(Long.class).one()))),
                Set.of("spam_model", "comment_block", CommentStore.ENTITY));
        // Likewise the pages themselves: a section's first page sorted every story of its subsections.
        this.keptPages = RememberedRows.weighed(db, KEPT_ROWS, List::size, pages -> pages.stream().collect(
                        Collectors.toMap(p -> p, p -> summaries(p.listing().where() + " order by a.published_at desc, a.id desc limit "
                                + Paged.PAGE_SIZE + " offset " + (p.page() - 1) * Paged.PAGE_SIZE, p.listing().params()))),
                Set.of("spam_model", "comment_block", CommentStore.ENTITY));
    }

    /** The published translations of an article, in language order, with their reader addresses. */
    public List<Translation> translations(ArticleView article) {
        if (!article.translated()) {
            return List.of();
        }
        long articleId = article.id();
        java.time.ZoneId zone = settings.get().zone();
        return new org.masthead.content.TranslationStore(db).translationsOf(articleId).stream()
                .filter(m -> m.status() == org.masthead.content.ArticleStatus.PUBLISHED && m.publishedAt() != null)
                .map(m -> new Translation(m.language(), org.masthead.content.TranslationStore.languageName(m.language()),
                        m.headline(), org.masthead.content.ArticlePaths.url(m.slug(), m.publishedAt(), zone)))
                .toList();
    }

    public SiteSettings settings() {
        return settings.get();
    }

    /** All sections in their editor-set order. */
    public List<Section> sections() {
        return sections.get();
    }

    public List<Section> topSections() {
        return sections().stream().filter(s -> s.parentId() == null).toList();
    }

    public Optional<Section> section(String slug) {
        return sections().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The section and its parents, outermost first: the breadcrumb trail. */
    public List<Section> trail(Section section) {
        List<Section> trail = new ArrayList<>();
        for (Section s = section; s != null; s = parentOf(s)) {
            trail.addFirst(s);
        }
        return trail;
    }

    private Section parentOf(Section section) {
        if (section.parentId() == null) {
            return null;
        }
        return sections().stream().filter(s -> s.id() == section.parentId()).findFirst().orElse(null);
    }

    /** The sections directly below this one. */
    public List<Section> childrenOf(Section section) {
        return sections().stream().filter(s -> Long.valueOf(section.id()).equals(s.parentId())).toList();
    }

    /** Ids of the section and of every section below it. */
    public List<Long> withChildren(Section section) {
        List<Long> ids = new ArrayList<>(List.of(section.id()));
        for (Section s : sections()) {
            if (s.parentId() != null && ids.contains(s.parentId()) && !ids.contains(s.id())) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    public List<ArticleSummary> latest(int limit) {
        return counted(keptLatest.get(List.of(limit)).getFirst());
    }

    public Paged<ArticleSummary> inSections(List<Long> sectionIds, int page) {
        String where = "where " + PUBLISHED + " and a.section_id in (<ids>)";
        return paged(where, Map.of("ids", sectionIds), page);
    }

    public Paged<ArticleSummary> tagged(long tagId, int page) {
        String where = "where " + PUBLISHED + " and a.id in (select article_id from article_tags where tag_id = :tag)";
        return paged(where, Map.of("tag", tagId), page);
    }

    public Paged<ArticleSummary> byAuthor(long authorId, int page) {
        String where = "where " + PUBLISHED + " and a.id in (select article_id from article_authors where author_id = :author)";
        return paged(where, Map.of("author", authorId), page);
    }

    /** A library image by file name, kept in memory until the media library changes (the publisher's logo). */
    public Optional<Media> keptMedia(String fileName) {
        return images.get(List.of(fileName)).stream().findFirst();
    }

    public List<ArticleSummary> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return counted(keptSummaries.get(ids));
    }

    private Paged<ArticleSummary> paged(String where, Map<String, Object> params, int page) {
        Listing listing = new Listing(where, params);
        int pageCount = Paged.pageCount(keptTotals.get(List.of(listing)).getFirst());
        List<ArticleSummary> items = page > pageCount ? List.of()
                : counted(keptPages.get(List.of(new ListPage(listing, page))).getFirst());
        return new Paged<>(items, page, pageCount);
    }

    /** The cards with their comment counts as they are now (the kept cards' own counts may be older). */
    private List<ArticleSummary> counted(List<ArticleSummary> cards) {
        List<Integer> counts = commentCounts.get(cards.stream().map(ArticleSummary::id).toList());
        List<ArticleSummary> out = new ArrayList<>(cards.size());
        for (int i = 0; i < cards.size(); i++) {
            int count = counts.get(i);
            out.add(count == cards.get(i).comments() ? cards.get(i) : cards.get(i).withComments(count));
        }
        return out;
    }

    /** Approved comments of each article of {@code ids}, 0 for those without. */
    private Map<Long, Integer> approvedComments(java.util.Collection<Long> ids) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        db.read(h -> h.createQuery("""
                        select article_id, count(*) from comments
                        where status = 'APPROVED' and article_id in (<ids>) group by article_id""")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getInt(2))).list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private List<ArticleSummary> summaries(String where, Map<String, Object> params) {
        ZoneId zone = settings().zone();
        return db.read(h -> bindAll(h.createQuery("select " + SUMMARY_COLUMNS + SUMMARY_FROM + where), params)
                .map((rs, ctx) -> new ArticleSummary(rs.getLong("id"),
                        ArticlePaths.url(rs.getString("slug"), instant(rs, "published_at"), zone),
                        rs.getString("headline"), rs.getString("dek"), rs.getString("section_name"),
                        "/section/" + rs.getString("section_slug"), instant(rs, "published_at"), media(rs, "m_"),
                        rs.getInt("comment_count"), rs.getString("label")))
                .list());
    }

    private static <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bindAll(Q query, Map<String, Object> params) {
        params.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                query.bindList(name, list);
            } else {
                query.bind(name, value);
            }
        });
        return query;
    }

    /** A published article by its slug, with authors, tags and pinned links. */
    public Optional<ArticleView> article(String slug) {
        return keptArticles.get(List.of(slug)).stream().findFirst();
    }

    /**
     * Any article, published or not, by its private preview token. An unpublished one is
     * shown as if it were published now.
     */
    public Optional<ArticleView> articleForPreview(String token) {
        return articleWhere("a.preview_token = :key and a.status <> 'TRASH'", token);
    }

    /** The current slug of the published article that used to live at {@code oldSlug}. */
    public Optional<String> movedArticle(String oldSlug) {
        return db.read(h -> h.createQuery("""
                        select a.slug from slug_redirects r join articles a on a.id = r.article_id
                        where r.old_slug = :slug and a.status = 'PUBLISHED'""")
                .bind("slug", oldSlug).mapTo(String.class).findOne());
    }

    /** A published article by its id. */
    public Optional<ArticleView> article(long id) {
        return articleWhere("a.id = :key and a.status = 'PUBLISHED'", id);
    }

    private Optional<ArticleView> articleWhere(String condition, Object key) {
        ZoneId zone = settings().zone();
        // One statement for the article and the ids of what it links to; the bylines and tags come from memory.
        return db.read(h -> h.createQuery("""
                        select a.*, m.id as m_id, m.file_name as m_file_name, m.content_type as m_content_type,
                               m.width as m_width, m.height as m_height, m.widths as m_widths, m.alt as m_alt,
                               m.caption as m_caption, m.credit as m_credit,
                               (select string_agg(cast(aa.author_id as text), ',' order by aa.position)
                                from article_authors aa where aa.article_id = a.id) as author_ids,
                               (select string_agg(cast(t.id as text), ',' order by t.name)
                                from article_tags at join tags t on t.id = at.tag_id where at.article_id = a.id) as tag_ids,
                               (select string_agg(cast(sa.target_id as text), ',' order by sa.position)
                                from article_see_also sa where sa.article_id = a.id) as see_also_ids,
                               (select string_agg(cast(r.target_id as text), ',' order by r.position)
                                from article_related r where r.article_id = a.id and r.position < :related) as related_ids,
                               (select count(*) from article_translations tr where tr.article_id = a.id) as translated
                        from articles a left join media m on m.id = a.featured_media_id
                        where\s""" + condition)
                .bind("key", key)
                .bind("related", ArticleLinks.MAX_SEE_ALSO + ArticleLinks.MAX_RELATED)
                .map((rs, ctx) -> articleRow(rs, zone))
                .findOne())
                .map(this::complete);
    }

    private record ArticleRow(long id, String slug, String url, String headline, String dek, String bodyHtml,
                              List<Integer> breaks, String language, long sectionId, Media image,
                              Instant publishedAt, Instant updatedAt, String noteKind, String noteText, Instant noteAt,
                              String seoTitle, String seoDescription, String label, String sponsor, List<Long> authorIds,
                              List<Long> tagIds, List<Long> pinned, List<Long> related, boolean translated) {
    }

    private static ArticleRow articleRow(ResultSet rs, ZoneId zone) throws SQLException {
        String breaks = rs.getString("body_breaks");
        // Only a preview has no publication time yet: it shows as if published now.
        Instant published = instant(rs, "published_at") == null ? Instant.now() : instant(rs, "published_at");
        return new ArticleRow(rs.getLong("id"), rs.getString("slug"),
                ArticlePaths.url(rs.getString("slug"), published, zone),
                rs.getString("headline"), rs.getString("dek"), rs.getString("body_html"),
                breaks.isEmpty() ? List.of() : Arrays.stream(breaks.split(",")).map(Integer::valueOf).toList(),
                rs.getString("language"), rs.getLong("section_id"), media(rs, "m_"),
                published, instant(rs, "updated_at"), rs.getString("note_kind"), rs.getString("note_text"),
                instant(rs, "note_at"), rs.getString("seo_title"), rs.getString("seo_description"), rs.getString("label"),
                rs.getString("sponsor"), ids(rs.getString("author_ids")), ids(rs.getString("tag_ids")),
                ids(rs.getString("see_also_ids")), ids(rs.getString("related_ids")), rs.getInt("translated") > 0);
    }

    /** A comma-separated list of ids, as string_agg gives it (null for none). */
    private static List<Long> ids(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String id : joined.split(",")) {
            ids.add(Long.valueOf(id));
        }
        return List.copyOf(ids);
    }

    private ArticleView complete(ArticleRow row) {
        Section section = sections().stream().filter(s -> s.id() == row.sectionId()).findFirst().orElseThrow();
        return new ArticleView(row.id(), row.slug(), row.url(), row.headline(), row.dek(), row.bodyHtml(), row.breaks(),
                row.language(), trail(section), authors.get(row.authorIds()), tags.get(row.tagIds()), row.image(),
                row.publishedAt(), row.updatedAt(), row.pinned(), row.related(), row.translated(),
                row.noteKind(), row.noteText(), row.noteAt(), row.seoTitle(), row.seoDescription(), row.label(), row.sponsor());
    }

    private static final String AUTHOR_SELECT = """
            select au.*, m.id as m_id, m.file_name as m_file_name, m.content_type as m_content_type,
                   m.width as m_width, m.height as m_height, m.widths as m_widths, m.alt as m_alt,
                   m.caption as m_caption, m.credit as m_credit
            from authors au left join media m on m.id = au.photo_media_id
            """;

    public Optional<Author> author(String slug) {
        return db.read(h -> h.createQuery(AUTHOR_SELECT + "where au.slug = :slug")
                .bind("slug", slug).map((rs, ctx) -> author(rs)).findOne());
    }

    public Optional<Tag> tag(String slug) {
        return db.read(h -> h.createQuery("select * from tags where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> tag(rs)).findOne());
    }

    private static Tag tag(ResultSet rs) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"));
    }

    public Optional<Page> page(String slug) {
        return db.read(h -> h.createQuery("select * from pages where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Page(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("body_html"), instant(rs, "updated_at")))
                .findOne());
    }

    /** The media-library image stored under {@code fileName}, if any. */
    public Optional<Media> media(String fileName) {
        return db.read(h -> h.createQuery("""
                        select id as m_id, file_name as m_file_name, content_type as m_content_type, width as m_width,
                               height as m_height, widths as m_widths, alt as m_alt, caption as m_caption, credit as m_credit
                        from media where file_name = :f""")
                .bind("f", fileName).map((rs, ctx) -> media(rs, "m_")).findOne());
    }

    private static Author author(ResultSet rs) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("role"),
                rs.getString("bio_html"), media(rs, "m_"));
    }

    static Media media(ResultSet rs, String prefix) throws SQLException {
        long id = rs.getLong(prefix + "id");
        if (rs.wasNull()) {
            return null;
        }
        String widths = rs.getString(prefix + "widths");
        return new Media(id, rs.getString(prefix + "file_name"), rs.getString(prefix + "content_type"),
                rs.getInt(prefix + "width"), rs.getInt(prefix + "height"),
                widths.isEmpty() ? List.of() : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList(),
                rs.getString(prefix + "alt"), rs.getString(prefix + "caption"), rs.getString(prefix + "credit"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
