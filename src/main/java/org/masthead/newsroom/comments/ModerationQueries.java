package org.masthead.newsroom.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentCountStore;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.db.Database;

/**
 * The moderation queue's own reads: comments with their article for the queue, counts by
 * status, searching. Its writes go through CommentStore and CommentRemovalStore.
 */
public final class ModerationQueries {
    static final int PAGE_SIZE = 20;

    private final Database db;
    private final CommentCountStore kept;

    public ModerationQueries(Database db) {
        this.db = db;
        this.kept = new CommentCountStore(db);
    }

    /** A comment as the queue shows it, with the article it belongs to. */
    record Row(Comment comment, String headline, String slug, String articleStatus, Instant publishedAt) {
    }

    /** Which comments to list: one status (null for every status), and words to look for (empty for all). */
    record Filter(CommentStatus status, String search, int page) {
    }

    record Listing(List<Row> rows, long total) {
        int pageCount() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    private static final String ROW_COLUMNS = CommentStore.columns("c")
            + ", a.headline as a_headline, a.slug as a_slug, a.status as a_status, a.published_at as a_published";

    private static Row row(ResultSet rs) throws SQLException {
        long published = rs.getLong("a_published");
        Instant publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
        return new Row(CommentStore.read(rs), rs.getString("a_headline"), rs.getString("a_slug"), rs.getString("a_status"),
                publishedAt);
    }

    Listing list(Filter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (!filter.search().isEmpty()) {
            where.append(" and (lower(c.author_name) like :q escape '!' or lower(c.author_email) like :q escape '!'"
                    + " or lower(c.body) like :q escape '!')");
            params.put("q", "%" + likeEscaped(filter.search().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        String from = " from comments c join articles a on a.id = c.article_id";
        // Without words to look for, the kept count, read before this read takes its connection (a status of five
        // million took 1.7 s to count on PostgreSQL); with them, counted from the comments alone (every comment has
        // its story), not through the join.
        boolean keptCount = filter.search().isEmpty() && filter.status() != null;
        long keptTotal = keptCount ? kept.of(filter.status()) : 0;
        return db.read(h -> {
            long total = keptCount ? keptTotal
                    : h.createQuery("select count(*) from comments c" + where).bindMap(params).mapTo(Long.class).one();
            List<Row> rows = h.createQuery("select " + ROW_COLUMNS + from + where
                            + " order by c.created_at desc, c.id desc limit :limit offset :offset")
                    .bindMap(params).bind("limit", PAGE_SIZE).bind("offset", (filter.page() - 1) * PAGE_SIZE)
                    .map((rs, ctx) -> row(rs)).list();
            return new Listing(rows, total);
        });
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** How many comments each status holds, from the kept counts; every status is present. */
    Map<CommentStatus, Long> counts() {
        return kept.all();
    }

    long pending() {
        return kept.of(CommentStatus.PENDING);
    }

    Optional<Row> find(long id) {
        return db.read(h -> h.createQuery("select " + ROW_COLUMNS
                        + " from comments c join articles a on a.id = c.article_id where c.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    List<Comment> comments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery("select " + CommentStore.columns("c") + " from comments c where c.id in (<ids>)"
                        + " order by c.created_at desc, c.id desc")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> CommentStore.read(rs)).list());
    }
}
