package org.masthead.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;

/**
 * The reads the search index makes: published articles with their words, byline, tags and
 * section, one at a time (a change) or in batches by id (a rebuild); which articles a
 * section, tag or author change touches; and the changes made after a moment.
 */
final class SearchQueries {
    private static final String ARTICLE = """
            select a.id, a.slug, a.headline, a.dek, a.body_html, a.language, a.published_at, a.updated_at,
                   s.slug as section_slug, s.name as section_name
            from articles a join sections s on s.id = a.section_id
            where a.status = 'PUBLISHED'
            """;

    private final Database db;

    SearchQueries(Database db) {
        this.db = db;
    }

    Optional<IndexedArticle> published(long id) {
        List<IndexedArticle> found = db.read(h -> complete(h, h.createQuery(ARTICLE + " and a.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).list()));
        return found.stream().findFirst();
    }

    /** Up to {@code limit} published articles with an id above {@code afterId}, by id. */
    List<IndexedArticle> publishedAfter(long afterId, int limit) {
        return db.read(h -> complete(h, h.createQuery(ARTICLE + " and a.id > :after order by a.id limit " + limit)
                .bind("after", afterId).map((rs, ctx) -> row(rs)).list()));
    }

    long countPublished() {
        return db.read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
    }

    /** The articles whose indexed words include this section's, tag's or author's name. */
    List<Long> articlesNaming(String entity, long id) {
        String sql = switch (entity) {
            case "section" -> "select id from articles where section_id = :id";
            case "tag" -> "select article_id from article_tags where tag_id = :id";
            case "author" -> "select article_id from article_authors where author_id = :id";
            default -> null;
        };
        return sql == null ? List.of() : db.read(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).list());
    }

    /** The change log's article, section, tag and author entries from {@code sinceMillis} on. */
    List<Changed> changedSince(long sinceMillis) {
        return db.read(h -> h.createQuery("""
                        select distinct entity, entity_id from change_log
                        where changed_at >= :since and entity in ('article', 'section', 'tag', 'author')""")
                .bind("since", sinceMillis)
                .map((rs, ctx) -> new Changed(rs.getString(1), rs.getLong(2))).list());
    }

    record Changed(String entity, long id) {
    }

    /** The authors and tags with at least one published story, for the search filters. */
    List<IndexedArticle.Named> authorsWithStories() {
        return db.read(h -> h.createQuery("""
                        select au.slug, au.name from authors au where exists (
                            select 1 from article_authors aa join articles a on a.id = aa.article_id
                            where aa.author_id = au.id and a.status = 'PUBLISHED')
                        order by au.name""")
                .map((rs, ctx) -> new IndexedArticle.Named(rs.getString(1), rs.getString(2))).list());
    }

    List<IndexedArticle.Named> tagsWithStories() {
        return db.read(h -> h.createQuery("""
                        select t.slug, t.name from tags t where exists (
                            select 1 from article_tags at join articles a on a.id = at.article_id
                            where at.tag_id = t.id and a.status = 'PUBLISHED')
                        order by t.name""")
                .map((rs, ctx) -> new IndexedArticle.Named(rs.getString(1), rs.getString(2))).list());
    }

    private record Row(long id, String slug, String headline, String dek, String bodyHtml, String language,
                       long publishedAt, Long updatedAt, IndexedArticle.Named section) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long updated = rs.getLong("updated_at");
        Long updatedAt = rs.wasNull() ? null : updated;
        return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
                rs.getString("body_html"), rs.getString("language"), rs.getLong("published_at"), updatedAt,
                new IndexedArticle.Named(rs.getString("section_slug"), rs.getString("section_name")));
    }

    private static List<IndexedArticle> complete(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<IndexedArticle.Named>> authors = named(h, """
                select aa.article_id, au.slug, au.name from article_authors aa join authors au on au.id = aa.author_id
                where aa.article_id in (<ids>) order by aa.article_id, aa.position""", ids);
        Map<Long, List<IndexedArticle.Named>> tags = named(h, """
                select at.article_id, t.slug, t.name from article_tags at join tags t on t.id = at.tag_id
                where at.article_id in (<ids>) order by at.article_id, t.name""", ids);
        List<IndexedArticle> articles = new ArrayList<>(rows.size());
        for (Row r : rows) {
            articles.add(new IndexedArticle(r.id(), r.slug(), r.headline(), r.dek(), PlainText.of(r.bodyHtml()),
                    r.language(), r.section(), authors.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of()),
                    r.publishedAt(), r.updatedAt()));
        }
        return articles;
    }

    private static Map<Long, List<IndexedArticle.Named>> named(Handle h, String sql, List<Long> ids) {
        Map<Long, List<IndexedArticle.Named>> byArticle = new LinkedHashMap<>();
        h.createQuery(sql).bindList("ids", ids).map((rs, ctx) -> {
            byArticle.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new IndexedArticle.Named(rs.getString(2), rs.getString(3)));
            return null;
        }).list();
        return byArticle;
    }
}
