package org.masthead.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.content.ArticlePaths;
import org.masthead.content.Media;
import org.masthead.db.Database;

/**
 * The reads of the public API: published content only, as plain maps ready for JSON (snake_case
 * names, ISO 8601 times, absolute URLs made by the caller's origin).
 */
final class ApiQueries {
    private final Database db;

    ApiQueries(Database db) {
        this.db = db;
    }

    /** A filter of the article list: section, tag or author by slug, each optional. */
    record ArticleFilter(String section, String tag, String author) {
    }

    /** Newest first; {@code after} continues a list. Returns up to {@code limit} + 1 rows, so the caller knows if more follow. */
    List<Map<String, Object>> articles(ArticleFilter filter, Cursor after, int limit, ZoneId zone, String origin) {
        StringBuilder where = new StringBuilder("a.status = 'PUBLISHED'");
        if (filter.section() != null) {
            where.append(" and s.slug = :section");
        }
        if (filter.tag() != null) {
            where.append(" and a.id in (select at.article_id from article_tags at join tags t on t.id = at.tag_id where t.slug = :tag)");
        }
        if (filter.author() != null) {
            where.append(" and a.id in (select aa.article_id from article_authors aa join authors au on au.id = aa.author_id"
                    + " where au.slug = :author)");
        }
        if (after != null) {
            where.append(" and (a.published_at < :key or (a.published_at = :key and a.id < :id))");
        }
        return db.read(h -> {
            var query = h.createQuery(ARTICLE_SELECT + " where " + where + " order by a.published_at desc, a.id desc limit :limit")
                    .bind("limit", limit + 1);
            if (filter.section() != null) {
                query.bind("section", filter.section());
            }
            if (filter.tag() != null) {
                query.bind("tag", filter.tag());
            }
            if (filter.author() != null) {
                query.bind("author", filter.author());
            }
            if (after != null) {
                query.bind("key", after.key()).bind("id", after.id());
            }
            List<Map<String, Object>> rows = query.map((rs, ctx) -> article(rs, zone, origin, false)).list();
            for (Map<String, Object> row : rows) {
                complete(h, row, origin);
            }
            return rows;
        });
    }

    Optional<Map<String, Object>> article(long id, ZoneId zone, String origin) {
        return db.read(h -> h.createQuery(ARTICLE_SELECT + " where a.status = 'PUBLISHED' and a.id = :id").bind("id", id)
                .map((rs, ctx) -> article(rs, zone, origin, true)).findOne()
                .map(row -> complete(h, row, origin)));
    }

    /** A published article by its slug, as the detail route gives it. */
    Optional<Map<String, Object>> article(String slug, ZoneId zone, String origin) {
        return db.read(h -> h.createQuery(ARTICLE_SELECT + " where a.status = 'PUBLISHED' and a.slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> article(rs, zone, origin, true)).findOne()
                .map(row -> complete(h, row, origin)));
    }

    private static final String ARTICLE_SELECT = """
            select a.id, a.slug, a.headline, a.dek, a.body_html, a.language, a.label, a.sponsor, a.published_at,
                   a.updated_at, a.note_kind, a.note_text, a.note_at, a.comments, s.slug as section_slug,
                   s.name as section_name, m.file_name as m_file_name, m.content_type as m_content_type,
                   m.width as m_width, m.height as m_height, m.widths as m_widths, m.alt as m_alt, m.id as m_id,
                   m.caption as m_caption, m.credit as m_credit
            from articles a join sections s on s.id = a.section_id left join media m on m.id = a.featured_media_id""";

    private static Map<String, Object> article(ResultSet rs, ZoneId zone, String origin, boolean body) throws SQLException {
        Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rs.getLong("id"));
        row.put("slug", rs.getString("slug"));
        row.put("url", origin + ArticlePaths.url(rs.getString("slug"), published, zone));
        row.put("headline", rs.getString("headline"));
        row.put("dek", rs.getString("dek"));
        row.put("label", rs.getString("label"));
        if ("Sponsored".equals(rs.getString("label"))) {
            row.put("sponsor", rs.getString("sponsor"));
        }
        row.put("language", rs.getString("language"));
        row.put("section", Map.of("slug", rs.getString("section_slug"), "name", rs.getString("section_name")));
        row.put("published_at", published.toString());
        long updated = rs.getLong("updated_at");
        row.put("updated_at", rs.wasNull() ? null : Instant.ofEpochMilli(updated).toString());
        row.put("image", image(rs, origin));
        if (body) {
            row.put("body_html", rs.getString("body_html"));
            if (rs.getString("note_text") != null && !rs.getString("note_text").isBlank()) {
                row.put("note", Map.of("kind", rs.getString("note_kind"), "text", rs.getString("note_text"),
                        "at", Instant.ofEpochMilli(rs.getLong("note_at")).toString()));
            }
            row.put("comments_open", !"closed".equals(rs.getString("comments")));
        }
        row.put("_published_millis", published.toEpochMilli());
        return row;
    }

    private static Map<String, Object> image(ResultSet rs, String origin) throws SQLException {
        rs.getLong("m_id");
        if (rs.wasNull()) {
            return null;
        }
        String widths = rs.getString("m_widths");
        Media media = new Media(rs.getLong("m_id"), rs.getString("m_file_name"), rs.getString("m_content_type"),
                rs.getInt("m_width"), rs.getInt("m_height"),
                widths.isEmpty() ? List.of() : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList(),
                rs.getString("m_alt"), rs.getString("m_caption"), rs.getString("m_credit"));
        List<Object> sizes = new ArrayList<>();
        for (int w : media.widths()) {
            sizes.add(Map.of("url", origin + media.variantUrl(w), "width", w, "height", media.heightAt(w)));
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("url", origin + Media.URL_PREFIX + media.fileName());
        image.put("width", media.width());
        image.put("height", media.height());
        image.put("alt", media.alt());
        image.put("caption", media.caption());
        image.put("credit", media.credit());
        image.put("sizes", sizes);
        return image;
    }

    private static Map<String, Object> complete(Handle h, Map<String, Object> row, String origin) {
        long id = (Long) row.get("id");
        row.put("authors", h.createQuery("""
                        select au.slug, au.name from article_authors aa join authors au on au.id = aa.author_id
                        where aa.article_id = :id order by aa.position""").bind("id", id)
                .map((rs, ctx) -> (Object) Map.of("slug", rs.getString("slug"), "name", rs.getString("name"),
                        "url", origin + "/author/" + rs.getString("slug"))).list());
        row.put("tags", h.createQuery("""
                        select t.slug, t.name from article_tags at join tags t on t.id = at.tag_id
                        where at.article_id = :id order by t.name""").bind("id", id)
                .map((rs, ctx) -> (Object) Map.of("slug", rs.getString("slug"), "name", rs.getString("name"))).list());
        return row;
    }

    List<Map<String, Object>> sections(String origin) {
        return db.read(h -> h.createQuery("""
                        select s.slug, s.name, s.description, p.slug as parent from sections s
                        left join sections p on p.id = s.parent_id order by s.position, s.id""")
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("slug", rs.getString("slug"));
                    row.put("name", rs.getString("name"));
                    row.put("description", rs.getString("description"));
                    row.put("parent", rs.getString("parent"));
                    row.put("url", origin + "/section/" + rs.getString("slug"));
                    return row;
                }).list());
    }

    /** Tags in the order they were made, after the tag id {@code after}, up to {@code limit} + 1. */
    List<Map<String, Object>> tags(long after, int limit, String origin) {
        return db.read(h -> h.createQuery("select id, slug, name from tags where id > :after order by id limit :limit")
                .bind("after", after).bind("limit", limit + 1)
                .map((rs, ctx) -> tag(rs, origin)).list());
    }

    Optional<Map<String, Object>> tag(String slug, String origin) {
        return db.read(h -> h.createQuery("select id, slug, name from tags where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> tag(rs, origin)).findOne());
    }

    private static Map<String, Object> tag(ResultSet rs, String origin) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", rs.getLong("id"));
        row.put("slug", rs.getString("slug"));
        row.put("name", rs.getString("name"));
        row.put("url", origin + "/tag/" + rs.getString("slug"));
        return row;
    }

    List<Map<String, Object>> authors(String origin) {
        return db.read(h -> h.createQuery("select slug, name, role, bio_html from authors order by name, id")
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("slug", rs.getString("slug"));
                    row.put("name", rs.getString("name"));
                    row.put("role", rs.getString("role"));
                    row.put("bio_html", rs.getString("bio_html"));
                    row.put("url", origin + "/author/" + rs.getString("slug"));
                    return row;
                }).list());
    }

    List<Map<String, Object>> pages(String origin, boolean body) {
        return db.read(h -> h.createQuery("select slug, title, body_html, updated_at from pages order by slug")
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("slug", rs.getString("slug"));
                    row.put("title", rs.getString("title"));
                    row.put("url", origin + "/" + rs.getString("slug"));
                    row.put("updated_at", Instant.ofEpochMilli(rs.getLong("updated_at")).toString());
                    if (body) {
                        row.put("body_html", rs.getString("body_html"));
                    }
                    return row;
                }).list());
    }

    /** Approved comments of a published article, oldest first, after the comment id {@code after}. */
    Optional<List<Map<String, Object>>> comments(long articleId, long after, int limit) {
        return db.read(h -> {
            boolean published = h.createQuery("select count(*) from articles where id = :id and status = 'PUBLISHED'")
                    .bind("id", articleId).mapTo(Integer.class).one() > 0;
            if (!published) {
                return Optional.empty();
            }
            return Optional.of(h.createQuery("""
                            select id, parent_id, author_name, body, created_at from comments
                            where article_id = :article and status = 'APPROVED' and id > :after
                            order by id limit :limit""")
                    .bind("article", articleId).bind("after", after).bind("limit", limit + 1)
                    .map((rs, ctx) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        long parent = rs.getLong("parent_id");
                        row.put("parent_id", rs.wasNull() ? null : parent);
                        row.put("author_name", rs.getString("author_name"));
                        row.put("text", rs.getString("body"));
                        row.put("created_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                        return row;
                    }).list());
        });
    }
}
