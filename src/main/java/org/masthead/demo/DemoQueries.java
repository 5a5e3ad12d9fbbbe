package org.masthead.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.db.Database;

/** The reads the generator needs of a site holding the demo: authors by slug, and the published articles. */
final class DemoQueries {
    private final Database db;

    DemoQueries(Database db) {
        this.db = db;
    }

    /** A published article as comments need it: where they go, and the time they must come after. */
    record Published(long id, Instant publishedAt) {
    }

    Map<String, Long> authorIds() {
        return db.read(h -> h.createQuery("select slug, id from authors")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** How many articles were published before {@code now}. */
    long countPublishedBefore(Instant now) {
        return db.read(h -> h.createQuery(
                        "select count(*) from articles where status = 'PUBLISHED' and published_at < :now")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).one());
    }

    /**
     * The next {@code limit} articles published before {@code now} with ids above {@code afterId}, by id:
     * a page of the site read by key, so a walk over a million articles holds one page at a time.
     */
    List<Published> publishedAfter(long afterId, Instant now, int limit) {
        return db.read(h -> h.createQuery("""
                        select id, published_at from articles
                        where status = 'PUBLISHED' and published_at < :now and id > :after
                        order by id limit :limit""")
                .bind("now", now.toEpochMilli()).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new Published(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)))).list());
    }
}
