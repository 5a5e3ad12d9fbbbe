package org.masthead.feeds;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.masthead.content.ArticlePaths;
import org.masthead.db.Database;
import org.masthead.db.Dialect;

/**
 * The reads of the sitemaps, streamed row by row to the caller (a million articles never sit
 * in memory): published articles in id order, the lists and static pages, and the newest stories.
 */
final class SitemapQueries {
    /** A story's last change: the latest of publication, edit and note, in SQL both databases speak. */
    private static final String LAST_CHANGE = """
            case when coalesce(a.updated_at, 0) >= a.published_at and coalesce(a.updated_at, 0) >= coalesce(a.note_at, 0)
                 then a.updated_at
                 when coalesce(a.note_at, 0) >= a.published_at then a.note_at
                 else a.published_at end""";
    private static final int FETCH = 1_000;
    /** The newest stories in which the list sitemap looks for each author's and tag's newest first. */
    static final int RECENT = 5_000;

    /** One address of a sitemap; {@code image} is the featured picture's path, or null. */
    record Url(String path, Instant lastChanged, String image) {
    }

    /** A story of the news sitemap; its address is made with the site's time zone when written. */
    record NewsStory(String slug, String headline, String language, Instant publishedAt) {
    }

    private final Database db;

    SitemapQueries(Database db) {
        this.db = db;
    }

    /**
     * The article sitemaps: file k (from 1) holds the published articles whose ids fall in the k-th
     * run of {@code size} ids, so an article stays in its file whatever is published or removed
     * around it, and each file is read by a range of the primary key. Gives each file that has
     * any published article, with the last change within it, in file order.
     */
    List<Chunk> chunks(int size) {
        return db.read(h -> h.createQuery("""
                        select (a.id - 1) / %d + 1 as file, max(%s) as changed
                        from articles a where a.status = 'PUBLISHED'
                        group by (a.id - 1) / %d + 1 order by file""".formatted(size, LAST_CHANGE, size))
                .map((rs, ctx) -> new Chunk(rs.getLong("file"), Instant.ofEpochMilli(rs.getLong("changed")))).list());
    }

    /** An article sitemap's number and the last change of the stories in it. */
    record Chunk(long file, Instant lastChanged) {
    }

    /**
     * The last change of the published stories of article sitemap {@code file} (from 1), or null
     * when it has none: one run of ids in the {@code articles_changes} index, so it stays cheap and
     * current whatever changed since the sitemap index was read.
     */
    Instant lastChange(long file, int size) {
        Long last = db.read(h -> h.createQuery("select max(" + LAST_CHANGE
                        + ") from articles a where a.status = 'PUBLISHED' and a.id between :lo and :hi")
                .bind("lo", (file - 1) * size + 1).bind("hi", file * size).mapTo(Long.class).one());
        return last == null ? null : Instant.ofEpochMilli(last);
    }

    /** The published articles of article sitemap {@code file} (from 1), in id order, each handed to {@code each}. */
    void articles(long file, int size, ZoneId zone, Consumer<Url> each) {
        stream(h -> h.createQuery("""
                        select a.slug, a.published_at, %s as changed, m.file_name
                        from articles a left join media m on m.id = a.featured_media_id
                        where a.status = 'PUBLISHED' and a.id between :lo and :hi order by a.id""".formatted(LAST_CHANGE))
                .bind("lo", (file - 1) * size + 1).bind("hi", file * size)
                .setFetchSize(FETCH)
                .map((rs, ctx) -> new Url(ArticlePaths.url(rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")), zone),
                        Instant.ofEpochMilli(rs.getLong("changed")),
                        rs.getString("file_name") == null ? null : "/media/" + rs.getString("file_name")))
                .forEach(each));
    }

    /**
     * The list pages and static pages, at most {@code limit}: sections, then authors and tags with
     * published stories (each with its newest story's time), then static pages.
     *
     * <p>An author's or tag's newest story is looked for first among the {@code recent} newest
     * stories of the site ({@link #RECENT} in use): one run of an index, however large the
     * archive, and it holds the newest story of every author and tag still writing or in use. Only
     * those absent from it are looked up through their own stories, and those are the ones with
     * few stories or none of late. That look-up is written as a cross join so that SQLite starts
     * from the link table's index on the author or tag and then reads each story by id; left to
     * itself it walks every published story newest first until one matches, which for a tag last
     * used years ago is most of the archive. The recent stories' links are read by cross joins too,
     * so that SQLite starts from those stories and reads their own links; left to itself it read
     * every link of every tag (a second at a million stories) to find the few of the recent
     * stories. The caller keeps the list all the same.
     */
    List<Url> lists(int limit, int recent) {
        return db.read(h -> {
            if (db.dialect() != Dialect.POSTGRESQL) {
                return lists(h, limit, recent);
            }
            // The planner prices the look-ups it rarely runs as reading every story of each tag, and
            // compiles the query for that: 300 ms at a million stories, for 80 ms of work.
            return h.inTransaction(tx -> {
                tx.execute("set local jit = off");
                return lists(tx, limit, recent);
            });
        });
    }

    private static List<Url> lists(Handle h, int limit, int recent) {
        return h.createQuery("""
                        with recent as (
                            select a.id, a.published_at from articles a where a.status = 'PUBLISHED'
                            order by a.published_at desc limit :recent
                        ), recent_authors as (
                            select aa.author_id, max(r.published_at) as changed
                            from recent r cross join article_authors aa where aa.article_id = r.id group by aa.author_id
                        ), recent_tags as (
                            select at.tag_id, max(r.published_at) as changed
                            from recent r cross join article_tags at where at.article_id = r.id group by at.tag_id
                        )
                        select path, changed from (
                            select 0 as kind, s.position as ord, '/section/' || s.slug as path,
                                   (select max(a.published_at) from articles a
                                    where a.section_id = s.id and a.status = 'PUBLISHED') as changed
                            from sections s
                            union all
                            select 1, 0, '/author/' || au.slug, coalesce(ra.changed,
                                   (select max(a.published_at) from article_authors aa cross join articles a
                                    where aa.author_id = au.id and a.id = aa.article_id and a.status = 'PUBLISHED'))
                            from authors au left join recent_authors ra on ra.author_id = au.id
                            union all
                            select 2, 0, '/tag/' || t.slug, coalesce(rt.changed,
                                   (select max(a.published_at) from article_tags at cross join articles a
                                    where at.tag_id = t.id and a.id = at.article_id and a.status = 'PUBLISHED'))
                            from tags t left join recent_tags rt on rt.tag_id = t.id
                            union all
                            select 3, 0, '/' || p.slug, p.updated_at from pages p
                        ) u where kind in (0, 3) or changed is not null
                        order by kind, ord, path limit :limit""")
                .bind("limit", limit).bind("recent", recent)
                .map((rs, ctx) -> {
                    String path = rs.getString("path");
                    long changed = rs.getLong("changed");
                    return new Url(path, rs.wasNull() ? null : Instant.ofEpochMilli(changed), null);
                })
                .list();
    }

    /** Stories published since {@code since}, newest first, at most {@code limit}. */
    List<NewsStory> news(Instant since, int limit) {
        return db.read(h -> h.createQuery("""
                        select a.slug, a.headline, a.language, a.published_at from articles a
                        where a.status = 'PUBLISHED' and a.published_at >= :since
                        order by a.published_at desc, a.id desc limit :limit""")
                .bind("since", since.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new NewsStory(rs.getString("slug"), rs.getString("headline"), rs.getString("language"),
                        Instant.ofEpochMilli(rs.getLong("published_at"))))
                .list());
    }

    /**
     * PostgreSQL streams a result with a fetch size only inside a transaction; SQLite streams
     * anyway, and a transaction there would take its write lock.
     */
    private void stream(Consumer<Handle> work) {
        db.read(h -> {
            if (db.dialect() == Dialect.POSTGRESQL) {
                h.useTransaction(work::accept);
            } else {
                work.accept(h);
            }
            return null;
        });
    }
}
