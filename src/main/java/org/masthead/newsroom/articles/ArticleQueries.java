package org.masthead.newsroom.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.content.ArticleStatus;
import org.masthead.db.Database;

/**
 * Every read the article desk makes: the newsroom's list, one article to edit, its revisions,
 * bylines and media to pick, and the dashboard's counts. Always fresh from the database.
 */
public final class ArticleQueries {
    static final int PAGE_SIZE = 25;

    private final Database db;

    public ArticleQueries(Database db) {
        this.db = db;
    }

    /** How many articles there are in each status, by status name in alphabetical order: the dashboard's counts. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        db.read(h -> h.createQuery("select status, count(*) as n from articles group by status order by status")
                .map((rs, c) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list());
        return byStatus;
    }

    /** A person the editor can put in a byline. */
    record Byline(long id, String name) {
    }

    List<Byline> bylines() {
        return db.read(h -> h.createQuery("select id, name from authors order by name")
                .map((rs, ctx) -> new Byline(rs.getLong("id"), rs.getString("name"))).list());
    }

    /** The list's filters; {@code createdBy} limits it to one account's articles (contributors). */
    record Filter(ArticleStatus status, Long sectionId, Long authorId, String search, Long createdBy, int page) {
    }

    record Row(long id, String headline, ArticleStatus status, String section, List<String> authors,
               Instant publishedAt, Instant changedAt, String createdBy) {
    }

    record Listing(List<Row> rows, long total) {
        int pageCount() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    Listing list(Filter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() == null) {
            where.append(" and a.status <> 'TRASH'"); // the trash is a list of its own
        } else {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.sectionId() != null) {
            where.append(" and a.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.authorId() != null) {
            where.append(" and a.id in (select article_id from article_authors where author_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            where.append(" and lower(a.headline) like :search escape '!'");
            params.put("search", "%" + filter.search().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.createdBy() != null) {
            where.append(" and a.created_by = :creator");
            params.put("creator", filter.createdBy());
        }
        String from = " from articles a join sections s on s.id = a.section_id left join users u on u.id = a.created_by";
        return db.read(h -> {
            // Counted from the stories alone: the joins filter nothing (every story has its section) and made the
            // count read every story's row (seconds at a million), where an index answers this.
            long total = h.createQuery("select count(*) from articles a" + where).bindMap(params).mapTo(Long.class).one();
            List<Row> rows = h.createQuery("select a.id, a.headline, a.status, s.name as section_name, a.published_at,"
                            + " coalesce(a.updated_at, a.created_at) as changed_at, u.name as creator" + from + where
                            + " order by a.created_at desc, a.id desc limit " + PAGE_SIZE
                            + " offset " + (filter.page() - 1) * PAGE_SIZE)
                    .bindMap(params)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("headline"),
                            ArticleStatus.valueOf(rs.getString("status")), rs.getString("section_name"), List.of(),
                            instant(rs, "published_at"), instant(rs, "changed_at"), rs.getString("creator")))
                    .list();
            return new Listing(withBylines(h, rows), total);
        });
    }

    private static List<Row> withBylines(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> names = new LinkedHashMap<>();
        h.createQuery("""
                        select aa.article_id, au.name from article_authors aa join authors au on au.id = aa.author_id
                        where aa.article_id in (<ids>) order by aa.article_id, aa.position""")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> names.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>()).add(rs.getString("name")))
                .list();
        return rows.stream().map(r -> new Row(r.id(), r.headline(), r.status(), r.section(),
                names.getOrDefault(r.id(), List.of()), r.publishedAt(), r.changedAt(), r.createdBy())).toList();
    }

    /** An article as the editor loads it. */
    record Stored(long id, String slug, String headline, String dek, String body, String language, long sectionId,
                  List<Long> authorIds, List<String> tagNames, Long featuredMediaId, List<Long> seeAlsoIds,
                  List<String> seeAlsoSlugs, String seoTitle, String seoDescription, ArticleStatus status,
                  Instant publishedAt, String noteKind, String noteText, int version, String previewToken,
                  Long createdBy, boolean commentsOpen, String label, String sponsor) {
    }

    Optional<Stored> find(long id) {
        return db.read(h -> h.createQuery("select * from articles where id = :id").bind("id", id)
                .map((rs, ctx) -> stored(h, rs)).findOne());
    }

    private static Stored stored(Handle h, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Long> authors = h.createQuery("select author_id from article_authors where article_id = :id order by position")
                .bind("id", id).mapTo(Long.class).list();
        List<String> tags = h.createQuery("""
                        select t.name from tags t join article_tags at on at.tag_id = t.id
                        where at.article_id = :id order by t.name""").bind("id", id).mapTo(String.class).list();
        record Link(long id, String slug) {
        }
        List<Link> seeAlso = h.createQuery("""
                        select a.id, a.slug from article_see_also l join articles a on a.id = l.target_id
                        where l.article_id = :id order by l.position""")
                .bind("id", id).map((r, c) -> new Link(r.getLong("id"), r.getString("slug"))).list();
        long media = rs.getLong("featured_media_id");
        Long mediaId = rs.wasNull() ? null : media;
        long creator = rs.getLong("created_by");
        Long createdBy = rs.wasNull() ? null : creator;
        return new Stored(id, rs.getString("slug"), rs.getString("headline"), rs.getString("dek"), rs.getString("body_md"),
                rs.getString("language"), rs.getLong("section_id"), authors, tags, mediaId,
                seeAlso.stream().map(Link::id).toList(), seeAlso.stream().map(Link::slug).toList(),
                rs.getString("seo_title"), rs.getString("seo_description"), ArticleStatus.valueOf(rs.getString("status")),
                instant(rs, "published_at"), rs.getString("note_kind"), rs.getString("note_text"), rs.getInt("version"),
                rs.getString("preview_token"), createdBy, !"closed".equals(rs.getString("comments")), rs.getString("label"),
                rs.getString("sponsor"));
    }

    Optional<Long> idBySlug(String slug) {
        return db.read(h -> h.createQuery("select id from articles where slug = :slug").bind("slug", slug)
                .mapTo(Long.class).findOne());
    }

    /** A media-library image as the editor offers it: file name and alt text. */
    record MediaChoice(long id, String fileName, String alt) {
    }

    List<MediaChoice> media() {
        return db.read(h -> h.createQuery("select id, file_name, alt from media order by file_name")
                .map((rs, ctx) -> new MediaChoice(rs.getLong("id"), rs.getString("file_name"), rs.getString("alt"))).list());
    }

    Optional<MediaChoice> media(long id) {
        return db.read(h -> h.createQuery("select id, file_name, alt from media where id = :id").bind("id", id)
                .map((rs, ctx) -> new MediaChoice(rs.getLong("id"), rs.getString("file_name"), rs.getString("alt"))).findOne());
    }

    record Revision(int number, String userName, String headline, String dek, String body, Instant savedAt, String note) {
    }

    List<Revision> revisions(long articleId) {
        return db.read(h -> h.createQuery("select * from article_revisions where article_id = :id order by number desc")
                .bind("id", articleId).map((rs, ctx) -> revision(rs)).list());
    }

    Optional<Revision> revision(long articleId, int number) {
        return db.read(h -> h.createQuery("select * from article_revisions where article_id = :id and number = :n")
                .bind("id", articleId).bind("n", number).map((rs, ctx) -> revision(rs)).findOne());
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(rs.getInt("number"), rs.getString("user_name"), rs.getString("headline"), rs.getString("dek"),
                rs.getString("body_md"), instant(rs, "saved_at"), rs.getString("note"));
    }

    /** Scheduled articles whose time has come, oldest first, with their headlines for the audit log. */
    Map<Long, String> dueForPublishing(Instant now) {
        Map<Long, String> due = new LinkedHashMap<>();
        db.read(h -> h.createQuery("""
                        select id, headline from articles where status = 'SCHEDULED' and published_at <= :now
                        order by published_at, id""")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> due.put(rs.getLong("id"), rs.getString("headline"))).list());
        return due;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
