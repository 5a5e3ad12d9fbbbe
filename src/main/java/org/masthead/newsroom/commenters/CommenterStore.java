package org.masthead.newsroom.commenters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.masthead.comments.CommentRemovalStore;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.content.ArticleStatus;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;
import org.masthead.content.ArticlePaths;

/**
 * All SQL of commenter data: every comment sent from one email address, whatever its
 * status, and the two answers to a request to be forgotten: erase (the comments go, the
 * replies others wrote to them stay) and anonymise (the text stays, who wrote it goes).
 * Addresses are stored lowercased, so they are looked up lowercased.
 */
public final class CommenterStore {
    /** The name an anonymised comment shows; its email and website become empty and its IP address null. */
    static final String ANONYMOUS = "Anonymous";
    /** Comments the newsroom page lists; the download holds them all. */
    static final int SHOWN = 200;

    private final Database db;
    private final CommentRemovalStore removal;

    public CommenterStore(Database db, CommentRemovalStore removal) {
        this.db = db;
        this.removal = removal;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    int count(String email) {
        return db.read(h -> h.createQuery("select count(*) from comments where author_email = :e")
                .bind("e", email).mapTo(Integer.class).one());
    }

    /** The address's comments, newest first, at most {@code limit}. */
    List<SentComment> comments(String email, ZoneId zone, int limit) {
        return db.read(h -> h.createQuery("""
                        select c.id, c.article_id, c.parent_id, c.author_name, c.author_email, c.author_url, c.body,
                            c.status, c.created_at, c.updated_at, c.status_at, c.ip,
                            a.headline, a.slug, a.status as article_status, a.published_at
                        from comments c join articles a on a.id = c.article_id
                        where c.author_email = :e
                        order by c.created_at desc, c.id desc limit :limit""")
                .bind("e", email).bind("limit", limit)
                .map((rs, ctx) -> sent(rs, zone)).list());
    }

    /** Replies others wrote to the address's comments: they stay when it is erased. */
    int repliesByOthers(String email) {
        return db.read(h -> h.createQuery("""
                        select count(*) from comments r join comments c on c.id = r.parent_id
                        where c.author_email = :e and r.author_email <> :e""")
                .bind("e", email).mapTo(Integer.class).one());
    }

    /** Deletes every comment of the address in the caller's transaction; returns what was done. */
    CommentRemovalStore.Removed erase(Tx tx, String email) {
        return removal.remove(tx, "author_email = :e", Map.of("e", email), Integer.MAX_VALUE);
    }

    /** Replaces name, email, website and IP address on every comment of the address; the text stays. */
    int anonymise(Tx tx, String email) {
        Map<Long, Long> ids = new java.util.LinkedHashMap<>();
        tx.handle().createQuery("select id, article_id from comments where author_email = :e")
                .bind("e", email).map((rs, ctx) -> ids.put(rs.getLong(1), rs.getLong(2))).list();
        if (ids.isEmpty()) {
            return 0;
        }
        tx.handle().createUpdate("""
                        update comments set author_name = :name, author_email = '', author_url = '',
                            ip = null, ip_network = null
                        where author_email = :e""")
                .bind("name", ANONYMOUS).bind("e", email).execute();
        ids.forEach((id, article) -> tx.changed(CommentStore.ENTITY, id, Change.Kind.UPDATED, CommentStore.owner(article)));
        return ids.size();
    }

    /**
     * The address as the audit log keeps it: enough to match a request to its record, not
     * enough to keep the address of someone who asked to be forgotten.
     */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return email.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                + "…" + email.substring(at);
    }

    private static SentComment sent(ResultSet rs, ZoneId zone) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long published = rs.getLong("published_at");
        boolean live = !rs.wasNull() && ArticleStatus.PUBLISHED.name().equals(rs.getString("article_status"));
        return new SentComment(rs.getLong("id"), rs.getLong("article_id"), rs.getString("headline"),
                live ? ArticlePaths.url(rs.getString("slug"), Instant.ofEpochMilli(published), zone) : null,
                parentId, rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url"),
                rs.getString("body"), CommentStatus.valueOf(rs.getString("status")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                Instant.ofEpochMilli(rs.getLong("status_at")), rs.getString("ip"));
    }
}
