package org.masthead.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.masthead.db.ChangeLogRetention;
import org.masthead.db.Database;
import org.masthead.db.Dialect;

/**
 * The reads the search index makes: published articles with their words, byline, tags and
 * section, one at a time (a change) or all in one stream (a rebuild); which articles a
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

    /**
     * Every published article, handed over {@code pageSize} at a time with their bodies still
     * HTML (a rebuild turns them into words on several threads). One query read as a stream
     * (on PostgreSQL a cursor, which needs a transaction): paging by id made SQLite sort all
     * published rows again for every page, as it reads them through the status index.
     */
    void eachPublished(int pageSize, Consumer<List<Unread>> each) {
        db.read(h -> {
            HandleCallback<Void, RuntimeException> stream = handle -> {
                try (Stream<Row> rows = handle.createQuery(ARTICLE).setFetchSize(pageSize)
                        .map((rs, ctx) -> row(rs)).stream()) {
                    List<Row> page = new ArrayList<>(pageSize);
                    for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                        page.add(it.next());
                        if (page.size() == pageSize || !it.hasNext()) {
                            each.accept(withNames(handle, page));
                            page = new ArrayList<>(pageSize);
                        }
                    }
                }
                return null;
            };
            return db.dialect() == Dialect.POSTGRESQL ? h.inTransaction(stream) : stream.withHandle(h);
        });
    }

    long countPublished() {
        return db.read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
    }

    /**
     * A place in the published stories taken newest first: those published before {@code
     * publishedAt}, or at it with a lower id, come after it.
     */
    record Position(long publishedAt, long id) {
        /** Before every story. */
        static final Position NEWEST = new Position(Long.MAX_VALUE, Long.MAX_VALUE);

        @Override
        public String toString() {
            return publishedAt + ":" + id;
        }

        /** Where this is, for a log line. */
        String described() {
            return this.equals(NEWEST) ? "from the newest story"
                    : publishedAt == Long.MIN_VALUE ? "among the stories without a publication time, below id " + id
                    : "from the stories published before " + java.time.Instant.ofEpochMilli(publishedAt);
        }

        /** The position {@link #toString} wrote; null for null or anything else. */
        static Position parse(String text) {
            if (text == null) {
                return null;
            }
            int colon = text.indexOf(':');
            try {
                return colon < 0 ? null
                        : new Position(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * The next {@code limit} published stories after {@code from}, newest first, as positions;
     * stories without a publication time come last, by id (their positions' time is {@code Long.MIN_VALUE}).
     */
    List<Position> publishedAfter(Position from, int limit) {
        if (from.publishedAt() != Long.MIN_VALUE) {
            List<Position> dated = db.read(h -> h.createQuery("""
                            select published_at, id from articles
                            where status = 'PUBLISHED' and (published_at < :at or (published_at = :at and id < :id))
                            order by published_at desc, id desc limit :limit""")
                    .bind("at", from.publishedAt()).bind("id", from.id()).bind("limit", limit)
                    .map((rs, ctx) -> new Position(rs.getLong(1), rs.getLong(2))).list());
            if (!dated.isEmpty()) {
                return dated;
            }
        }
        long below = from.publishedAt() == Long.MIN_VALUE ? from.id() : Long.MAX_VALUE;
        return db.read(h -> h.createQuery("""
                        select id from articles where status = 'PUBLISHED' and published_at is null and id < :id
                        order by id desc limit :limit""")
                .bind("id", below).bind("limit", limit)
                .map((rs, ctx) -> new Position(Long.MIN_VALUE, rs.getLong(1))).list());
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

    /**
     * The change log's article, section, tag and author entries from {@code sinceMillis} on and
     * after {@code afterSequence}, at most {@code max} of them (a generated or imported site can
     * leave a million).
     */
    List<Changed> changedSince(long sinceMillis, long afterSequence, int max) {
        return db.read(h -> h.createQuery("""
                        select distinct entity, entity_id from change_log
                        where changed_at >= :since and seq > :after and entity in ('article', 'section', 'tag', 'author')
                        limit :max""")
                .bind("since", sinceMillis)
                .bind("after", afterSequence)
                .bind("max", max)
                .map((rs, ctx) -> new Changed(rs.getString(1), rs.getLong(2))).list());
    }

    /** Epoch milliseconds from which the change log holds every change (0: all of them). */
    long changesKeptFrom() {
        return ChangeLogRetention.keptFrom(db);
    }

    /** The change log's lowest sequence number now (0 when it is empty). */
    long firstSequence() {
        return db.read(h -> h.createQuery("select coalesce(min(seq), 0) from change_log").mapTo(Long.class).one());
    }

    /** The change log's highest sequence number now. */
    long lastSequence() {
        return db.read(h -> h.createQuery("select coalesce(max(seq), 0) from change_log").mapTo(Long.class).one());
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

    /** An article as read, before its HTML body is turned into words. */
    record Unread(Row row, List<IndexedArticle.Named> authors, List<IndexedArticle.Named> tags) {
        long id() {
            return row.id();
        }

        IndexedArticle indexed() {
            return new IndexedArticle(row.id(), row.slug(), row.headline(), row.dek(), PlainText.of(row.bodyHtml()),
                    row.language(), row.section(), authors, tags, row.publishedAt(), row.updatedAt());
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long updated = rs.getLong("updated_at");
        Long updatedAt = rs.wasNull() ? null : updated;
        return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
                rs.getString("body_html"), rs.getString("language"), rs.getLong("published_at"), updatedAt,
                new IndexedArticle.Named(rs.getString("section_slug"), rs.getString("section_name")));
    }

    private static List<IndexedArticle> complete(Handle h, List<Row> rows) {
        return withNames(h, rows).stream().map(Unread::indexed).toList();
    }

    private static List<Unread> withNames(Handle h, List<Row> rows) {
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
        List<Unread> articles = new ArrayList<>(rows.size());
        for (Row r : rows) {
            articles.add(new Unread(r, authors.getOrDefault(r.id(), List.of()), tags.getOrDefault(r.id(), List.of())));
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
