package org.masthead.feeds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.content.ArticlePaths;
import org.masthead.content.Media;
import org.masthead.db.Database;

/** The reads of the feeds: the newest published articles of a scope, and the scopes by slug. */
final class FeedQueries {
    private final Database db;

    FeedQueries(Database db) {
        this.db = db;
    }

    Optional<FeedScope> section(String slug) {
        record Row(long id, Long parent, String slug, String name, String description) {
        }
        List<Row> all = db.read(h -> h.createQuery("select id, parent_id, slug, name, description from sections")
                .map((rs, ctx) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new Row(rs.getLong("id"), parentId, rs.getString("slug"), rs.getString("name"),
                            rs.getString("description"));
                })
                .list());
        return all.stream().filter(r -> r.slug().equals(slug)).findFirst().map(section -> {
            List<Long> ids = new ArrayList<>(List.of(section.id()));
            for (boolean grew = true; grew; ) {
                grew = false;
                for (Row r : all) {
                    if (r.parent() != null && ids.contains(r.parent()) && !ids.contains(r.id())) {
                        ids.add(r.id());
                        grew = true;
                    }
                }
            }
            return new FeedScope(FeedScope.Kind.SECTION, section.name(), section.description(), "/section/" + slug, ids);
        });
    }

    Optional<FeedScope> tag(String slug) {
        return db.read(h -> h.createQuery("select id, name from tags where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new FeedScope(FeedScope.Kind.TAG, rs.getString("name"), "",
                        "/tag/" + slug, List.of(rs.getLong("id"))))
                .findOne());
    }

    Optional<FeedScope> author(String slug) {
        return db.read(h -> h.createQuery("select id, name, role from authors where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new FeedScope(FeedScope.Kind.AUTHOR, rs.getString("name"), rs.getString("role"),
                        "/author/" + slug, List.of(rs.getLong("id"))))
                .findOne());
    }

    /** The newest {@code limit} published articles of the scope, newest first, with their bylines. */
    List<FeedEntry> latest(FeedScope scope, int limit, boolean fullText, ZoneId zone) {
        String filter = switch (scope.kind()) {
            case SITE -> "";
            case SECTION -> " and a.section_id in (<ids>)";
            case TAG -> " and a.id in (select article_id from article_tags where tag_id in (<ids>))";
            case AUTHOR -> " and a.id in (select article_id from article_authors where author_id in (<ids>))";
        };
        String sql = """
                select a.id, a.slug, a.headline, a.dek, %s as body_html, a.published_at, a.updated_at,
                       a.note_kind, a.note_text, a.note_at, s.slug as section_slug, s.name as section_name,
                       m.id as m_id, m.file_name as m_file_name, m.content_type as m_content_type, m.width as m_width,
                       m.height as m_height, m.widths as m_widths, m.alt as m_alt, m.caption as m_caption,
                       m.credit as m_credit
                from articles a
                join sections s on s.id = a.section_id
                left join media m on m.id = a.featured_media_id
                where a.status = 'PUBLISHED'%s
                order by a.published_at desc, a.id desc
                limit %d""".formatted(fullText ? "a.body_html" : "null", filter, limit);
        return db.read(h -> {
            var query = h.createQuery(sql);
            if (scope.kind() != FeedScope.Kind.SITE) {
                query.bindList("ids", scope.ids());
            }
            List<FeedEntry> rows = query.map((rs, ctx) -> entry(rs, zone)).list();
            if (rows.isEmpty()) {
                return rows;
            }
            Map<Long, List<FeedEntry.Byline>> bylines = new HashMap<>();
            h.createQuery("""
                            select aa.article_id, au.name, au.slug from article_authors aa
                            join authors au on au.id = aa.author_id
                            where aa.article_id in (<ids>) order by aa.article_id, aa.position""")
                    .bindList("ids", rows.stream().map(FeedEntry::id).toList())
                    .map((rs, ctx) -> bylines.computeIfAbsent(rs.getLong("article_id"), k -> new ArrayList<>())
                            .add(new FeedEntry.Byline(rs.getString("name"), "/author/" + rs.getString("slug"))))
                    .list();
            return rows.stream().map(e -> new FeedEntry(e.id(), e.path(), e.headline(), e.dek(), e.bodyHtml(),
                    e.sectionName(), e.sectionPath(), List.copyOf(bylines.getOrDefault(e.id(), List.of())), e.image(),
                    e.publishedAt(), e.updatedAt(), e.noteKind(), e.noteText(), e.noteAt())).toList();
        });
    }

    private static FeedEntry entry(ResultSet rs, ZoneId zone) throws SQLException {
        Instant published = instant(rs, "published_at");
        return new FeedEntry(rs.getLong("id"), ArticlePaths.url(rs.getString("slug"), published, zone),
                rs.getString("headline"), rs.getString("dek"), rs.getString("body_html"), rs.getString("section_name"),
                "/section/" + rs.getString("section_slug"), List.of(), media(rs), published, instant(rs, "updated_at"),
                rs.getString("note_kind"), rs.getString("note_text"), instant(rs, "note_at"));
    }

    static Media media(ResultSet rs) throws SQLException {
        long id = rs.getLong("m_id");
        if (rs.wasNull()) {
            return null;
        }
        String widths = rs.getString("m_widths");
        return new Media(id, rs.getString("m_file_name"), rs.getString("m_content_type"), rs.getInt("m_width"),
                rs.getInt("m_height"),
                widths.isEmpty() ? List.of() : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList(),
                rs.getString("m_alt"), rs.getString("m_caption"), rs.getString("m_credit"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
