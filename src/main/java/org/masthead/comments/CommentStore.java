package org.masthead.comments;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.Database;
import org.masthead.db.Dialect;
import org.masthead.db.Remembered;
import org.masthead.db.Tx;

/**
 * Every write of comments, blocks and comment settings, and the reads they need. Comments are
 * few per article next to reads of the article page, which the page cache serves; blocks and
 * settings are read on every posted comment and kept in memory until the change log says
 * they changed: the app registers the store as a change listener for that.
 */
public final class CommentStore implements CommentHistory, ArticleComments, ChangeListener {
    public static final String ENTITY = "comment";
    public static final String BLOCK_ENTITY = "comment_block";

    /** The owner a comment's changes record: its article's tag, so caches drop only the pages showing its comments. */
    public static String owner(long articleId) {
        return Change.tagOf("article", articleId);
    }

    /**
     * For what is kept per article from its comments: calls {@code article} with the article whose
     * comments (or whose own row) {@code change} touched, or {@code every} when a comment change
     * names no article. False, calling neither, when the change touches no article's comments.
     */
    public static boolean forgetsCommentsOf(Change change, java.util.function.Consumer<Long> article, Runnable every) {
        if (ENTITY.equals(change.entity())) {
            Long owner = change.ownerId("article");
            if (owner == null) {
                every.run();
            } else {
                article.accept(owner);
            }
            return true;
        }
        if ("article".equals(change.entity())) {
            article.accept(change.entityId());
            return true;
        }
        return false;
    }
    static final String COLUMNS = """
            id, article_id, parent_id, depth, author_name, author_email, author_url, body, status, reasons,
            spam_score, ip, site_user_id, created_at, updated_at""";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Remembered<CommentSettings> settings;
    private final Remembered<List<Block>> blocks;

    public CommentStore(Database db) {
        this.db = db;
        settings = Remembered.forgetOn(this::readSettings, "settings");
        blocks = Remembered.forgetOn(() -> db.read(h -> h.createQuery("select id, kind, value from comment_blocks order by kind, value")
                .map((rs, ctx) -> new Block(rs.getLong(1), Block.Kind.valueOf(rs.getString(2)), rs.getString(3)))
                .list()), BLOCK_ENTITY);
    }

    /** Forgets the settings or blocks kept in memory when they change. */
    @Override
    public void changed(Change change) {
        settings.changed(change);
        blocks.changed(change);
    }

    /** The key that signs comment forms, shared by every instance on this database: made on first use. */
    public byte[] formKey() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        String proposed = Base64.getEncoder().encodeToString(fresh);
        db.write(tx -> tx.handle().createUpdate(
                        "insert into comment_secret (id, secret) values (1, :s) on conflict (id) do nothing")
                .bind("s", proposed).execute());
        String secret = db.read(h -> h.createQuery("select secret from comment_secret where id = 1").mapTo(String.class).one());
        return Base64.getDecoder().decode(secret);
    }

    /**
     * Drops the IP addresses of comments sent before a time; returns how many comments had one.
     * They appear on no page, so this leaves the change log (and the page cache) alone.
     */
    public int dropAddresses(Instant sentBefore) {
        return db.write(tx -> tx.handle().createUpdate(DROP_ADDRESSES)
                .bind("before", sentBefore.toEpochMilli()).execute());
    }

    /** Its last condition is the partial index comments_addresses_kept's own, word for word, so SQLite reads that index, not every comment. */
    static final String DROP_ADDRESSES = """
            update comments set ip = null, ip_network = null
            where created_at < :before and (ip is not null or ip_network is not null)""";

    public CommentSettings settings() {
        return settings.get();
    }

    private CommentSettings readSettings() {
        Map<String, String> rows = new HashMap<>();
        db.read(h -> h.createQuery("select name, value from site_settings where name like 'comments.%'")
                .map((rs, ctx) -> rows.put(rs.getString(1), rs.getString(2))).list());
        return CommentSettings.from(rows);
    }

    /** Saves the comment settings in the caller's transaction. */
    public void saveSettings(Tx tx, CommentSettings next) {
        for (Map.Entry<String, String> row : next.rows().entrySet()) {
            tx.handle().execute("delete from site_settings where name = ?", row.getKey());
            tx.handle().execute("insert into site_settings (name, value) values (?, ?)", row.getKey(), row.getValue());
        }
        tx.changed("settings", 1, Change.Kind.UPDATED);
    }

    /** Stores a judged comment, sent now; returns it as stored. */
    public Comment add(Tx tx, NewComment c, int depth, CommentStatus status, List<String> reasons, double spamScore,
                       String fingerprint, String ipNetwork, Long siteUserId) {
        return add(tx, c, depth, status, reasons, spamScore, fingerprint, ipNetwork, siteUserId, Instant.now());
    }

    /** Stores a judged comment as sent at a given time (imports and the demo); returns it as stored. */
    public Comment add(Tx tx, NewComment c, int depth, CommentStatus status, List<String> reasons, double spamScore,
                       String fingerprint, String ipNetwork, Long siteUserId, Instant sentAt) {
        long now = sentAt.toEpochMilli();
        long id = tx.handle().createUpdate("""
                        insert into comments (article_id, parent_id, depth, author_name, author_email, author_url, body,
                            status, reasons, spam_score, fingerprint, ip, ip_network, site_user_id, created_at,
                            updated_at, status_at)
                        values (:article, :parent, :depth, :name, :email, :url, :body, :status, :reasons, :score,
                            :fingerprint, :ip, :network, :siteUser, :now, :now, :now)""")
                .bind("article", c.articleId()).bind("parent", c.parentId()).bind("depth", depth)
                .bind("name", c.name()).bind("email", c.email()).bind("url", c.url()).bind("body", c.body())
                .bind("status", status.name()).bind("reasons", String.join("\n", reasons))
                .bind("score", spamScore).bind("fingerprint", fingerprint)
                .bind("ip", c.ip()).bind("network", ipNetwork).bind("siteUser", siteUserId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed(ENTITY, id, Change.Kind.CREATED, owner(c.articleId()));
        return find(tx.handle(), id).orElseThrow();
    }

    /**
     * Stores approved comments in one batch in the caller's transaction, with what {@link #add}
     * stores for an approved one (its text's fingerprint; sent, updated and status times alike; no
     * reasons, score, address or form key). Returns their ids in the order given, so a later batch
     * can reply to them. Made for millions (the demo generator): one statement sent as a batch, each
     * text fingerprinted once, and one change-log entry for the whole batch instead of one a
     * comment. That entry names no article, so whatever follows the log forgets every article's
     * comments (and empties its page cache), as after any comment change without an owner.
     */
    public List<Long> addApproved(Tx tx, List<DatedComment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = tx.handle().prepareBatch("""
                insert into comments (article_id, parent_id, depth, author_name, author_email, author_url, body,
                    status, reasons, spam_score, fingerprint, site_user_id, created_at, updated_at, status_at)
                values (:article, :parent, :depth, :name, :email, :url, :body, 'APPROVED', '', 0, :fingerprint, null,
                    :at, :at, :at)""");
        Map<String, String> fingerprints = new HashMap<>();
        for (DatedComment dated : comments) {
            NewComment c = dated.comment();
            batch.bind("article", c.articleId()).bindByType("parent", c.parentId(), Long.class)
                    .bind("depth", dated.depth()).bind("name", c.name()).bind("email", c.email()).bind("url", c.url())
                    .bind("body", c.body()).bind("at", dated.sentAt().toEpochMilli())
                    .bind("fingerprint", fingerprints.computeIfAbsent(c.body(), CommentGate::fingerprint)).add();
        }
        List<Long> ids = db.dialect() == Dialect.POSTGRESQL
                ? batch.executePreparedBatch("id").mapTo(Long.class).list()
                : insertedInOneRun(tx, batch, comments.size());
        tx.changed(ENTITY, ids.getLast(), Change.Kind.CREATED);
        return ids;
    }

    /**
     * The ids SQLite gave a batch it has just inserted: its driver returns no keys for a batch,
     * but a write transaction holds the database alone, so AUTOINCREMENT numbered the rows one
     * after another up to the last one. Counted again to be sure.
     */
    private static List<Long> insertedInOneRun(Tx tx, PreparedBatch batch, int size) {
        batch.execute();
        long last = tx.handle().createQuery("select last_insert_rowid()").mapTo(Long.class).one();
        long first = last - size + 1;
        long found = tx.handle().createQuery("select count(*) from comments where id between :first and :last")
                .bind("first", first).bind("last", last).mapTo(Long.class).one();
        if (found != size) {
            throw new IllegalStateException("a batch of " + size + " comments was not numbered in one run: " + found
                    + " rows between ids " + first + " and " + last);
        }
        return java.util.stream.LongStream.rangeClosed(first, last).boxed().toList();
    }

    public Optional<Comment> find(long id) {
        return db.read(h -> find(h, id));
    }

    /** A comment as the caller's transaction sees it. */
    public Optional<Comment> find(Tx tx, long id) {
        return find(tx.handle(), id);
    }

    static Optional<Comment> find(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from comments where id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    /** The approved comments under an article, oldest first. */
    public List<Comment> approved(long articleId) {
        return db.read(h -> h.createQuery("select " + COLUMNS
                        + " from comments where article_id = :article and status = 'APPROVED' order by created_at, id")
                .bind("article", articleId).map((rs, ctx) -> read(rs)).list());
    }

    /**
     * Where an article's approved comments sit, oldest first, as {@link #approved(long)} orders
     * them (ids and parents, no text), and whether its editors left comments open: one query.
     */
    @Override
    public CommentOutline outline(long articleId) {
        List<OutlineRow> rows = db.read(h -> h.createQuery(OUTLINE)
                .bind("article", articleId)
                .map((rs, ctx) -> {
                    boolean open = "open".equals(rs.getString(1));
                    long id = rs.getLong(2);
                    Long comment = rs.wasNull() ? null : id;
                    long parent = rs.getLong(3);
                    return new OutlineRow(open, comment, rs.wasNull() ? null : parent);
                })
                .list());
        return CommentOutline.of(rows.stream().filter(r -> r.id() != null)
                .map(r -> new CommentOutline.Row(r.id(), r.parentId())).toList(), !rows.isEmpty() && rows.getFirst().open());
    }

    /** A row of {@link #OUTLINE}: the article's comments setting, and a comment or none. */
    private record OutlineRow(boolean open, Long id, Long parentId) {
    }

    /** Of these comments, the ones still approved: a page's worth in one query, more in runs of {@value #IDS_AT_ONCE}. */
    @Override
    public List<Comment> approvedAmong(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<Comment> approved = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i += IDS_AT_ONCE) {
            List<Long> run = all.subList(i, Math.min(all.size(), i + IDS_AT_ONCE));
            db.read(h -> h.createQuery(BY_ID)
                    .bindList("ids", run).map((rs, ctx) -> read(rs)).list())
                    .stream().filter(c -> c.status() == CommentStatus.APPROVED).forEach(approved::add);
        }
        return approved;
    }

    /** Ids bound in one statement: below SQLite's oldest limit of 999 parameters. */
    private static final int IDS_AT_ONCE = 500;
    /**
     * The article's row by key and its approved comments through comments_article, which holds
     * them in sent order; one row with no comment when it has none, no row when it does not exist.
     */
    static final String OUTLINE = """
            select a.comments, c.id, c.parent_id from articles a
            left join comments c on c.article_id = a.id and c.status = 'APPROVED'
            where a.id = :article order by c.created_at, c.id""";
    /**
     * Reads comments by their primary key. Their status is checked after: asked for it too, SQLite
     * reads every approved comment of the site through comments_status to find these.
     */
    static final String BY_ID = "select " + COLUMNS + " from comments where id in (<ids>)";

    /** How many approved comments each of these articles has; articles without any are left out. */
    public Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        db.read(h -> h.createQuery("""
                        select article_id, count(*) from comments where status = 'APPROVED' and article_id in (<ids>)
                        group by article_id""")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> counts.put(rs.getLong(1), rs.getInt(2))).list());
        return counts;
    }

    /** Moves comments to a status in the caller's transaction; returns those whose status changed, as they were before. */
    public List<Comment> setStatus(Tx tx, Collection<Long> ids, CommentStatus status) {
        if (ids.isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        List<Comment> before = tx.handle().createQuery("select " + COLUMNS + " from comments where id in (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> read(rs)).list()
                .stream().filter(c -> c.status() != status).toList();
        for (Comment c : before) {
            tx.handle().createUpdate("update comments set status = :status, status_at = :now where id = :id")
                    .bind("status", status.name()).bind("now", now).bind("id", c.id()).execute();
            tx.changed(ENTITY, c.id(), Change.Kind.UPDATED, owner(c.articleId()));
        }
        return before;
    }

    /** A moderator's correction of name, website and text; the fingerprint follows the new text. */
    public void edit(Tx tx, long id, String name, String url, String body) {
        tx.handle().createUpdate("""
                        update comments set author_name = :name, author_url = :url, body = :body,
                            fingerprint = :fingerprint, updated_at = :now where id = :id""")
                .bind("name", name).bind("url", url).bind("body", body).bind("fingerprint", CommentGate.fingerprint(body))
                .bind("now", System.currentTimeMillis()).bind("id", id).execute();
        tx.changed(ENTITY, id, Change.Kind.UPDATED, find(tx.handle(), id).map(c -> owner(c.articleId())).orElse(null));
    }

    /** Counts used by the spam checks: comments since a time from one IP network. */
    @Override
    public int countFromNetwork(String network, Instant since) {
        return db.read(h -> countFromNetwork(h, network, since));
    }

    private static int countFromNetwork(Handle h, String network, Instant since) {
        return h.createQuery("select count(*) from comments where ip_network = :n and created_at >= :since")
                .bind("n", network).bind("since", since.toEpochMilli()).mapTo(Integer.class).one();
    }

    /** Comments since a time from one email address. */
    @Override
    public int countFromEmail(String email, Instant since) {
        return db.read(h -> countFromEmail(h, email, since));
    }

    private static int countFromEmail(Handle h, String email, Instant since) {
        return h.createQuery("select count(*) from comments where author_email = :e and created_at >= :since")
                .bind("e", email).bind("since", since.toEpochMilli()).mapTo(Integer.class).one();
    }

    /** Earlier comments with the same text fingerprint since a time, newest first. */
    @Override
    public List<Comment> sameText(String fingerprint, Instant since) {
        return db.read(h -> sameText(h, fingerprint, since));
    }

    private static List<Comment> sameText(Handle h, String fingerprint, Instant since) {
        return h.createQuery("select " + COLUMNS
                        + " from comments where fingerprint = :f and created_at >= :since order by created_at desc limit 20")
                .bind("f", fingerprint).bind("since", since.toEpochMilli()).map((rs, ctx) -> read(rs)).list();
    }

    /**
     * Makes the caller's transaction the only one storing a reader's comment until it ends, so
     * that the checks it makes against earlier comments (limits, repeats, the form key) still
     * hold when it inserts.
     */
    public void lockForNewComment(Tx tx) {
        tx.lock("comments.new");
    }

    /** The earlier comments as the caller's transaction sees them, for checks made again before an insert. */
    CommentHistory history(Tx tx) {
        Handle h = tx.handle();
        return new CommentHistory() {
            @Override
            public int countFromEmail(String email, Instant since) {
                return CommentStore.countFromEmail(h, email, since);
            }

            @Override
            public int countFromNetwork(String network, Instant since) {
                return CommentStore.countFromNetwork(h, network, since);
            }

            @Override
            public List<Comment> sameText(String fingerprint, Instant since) {
                return CommentStore.sameText(h, fingerprint, since);
            }

            @Override
            public List<Block> blocks() {
                return CommentStore.this.blocks();
            }
        };
    }

    /** The comment a form already sent, by its form key. */
    public Optional<Comment> sentWith(String formKey) {
        return db.read(h -> sentWith(h, formKey));
    }

    /** The comment a form already sent, as the caller's transaction sees it. */
    public Optional<Comment> sentWith(Tx tx, String formKey) {
        return sentWith(tx.handle(), formKey);
    }

    private static Optional<Comment> sentWith(Handle h, String formKey) {
        return h.createQuery("select " + COLUMNS + " from comments where form_key = :k").bind("k", formKey)
                .map((rs, ctx) -> read(rs)).findOne();
    }

    /** Marks a stored comment as the one its form sent; the unique index refuses a second. */
    public void claimForm(Tx tx, long commentId, String formKey) {
        tx.handle().createUpdate("update comments set form_key = :k where id = :id").bind("k", formKey).bind("id", commentId)
                .execute();
    }

    /** Approved comments earlier from this email address: a returning commenter. */
    public int approvedFromEmail(String email) {
        return db.read(h -> h.createQuery("select count(*) from comments where author_email = :e and status = 'APPROVED'")
                .bind("e", email).mapTo(Integer.class).one());
    }

    public List<Block> blocks() {
        return blocks.get();
    }

    /** Adds a block unless the same one exists, in the caller's transaction; whether it was added. */
    public boolean addBlock(Tx tx, Block.Kind kind, String value) {
        String normal = Block.normalise(kind, value);
        boolean exists = tx.handle().createQuery("select count(*) from comment_blocks where kind = :k and value = :v")
                .bind("k", kind.name()).bind("v", normal).mapTo(Integer.class).one() > 0;
        if (!exists) {
            long id = tx.handle().createUpdate(
                            "insert into comment_blocks (kind, value, created_at) values (:k, :v, :at)")
                    .bind("k", kind.name()).bind("v", normal).bind("at", System.currentTimeMillis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            tx.changed(BLOCK_ENTITY, id, Change.Kind.CREATED);
        }
        return !exists;
    }

    /** Removes a block in the caller's transaction; whether there was one. */
    public boolean removeBlock(Tx tx, long id) {
        if (tx.handle().execute("delete from comment_blocks where id = ?", id) == 0) {
            return false;
        }
        tx.changed(BLOCK_ENTITY, id, Change.Kind.DELETED);
        return true;
    }

    /** Whether the article's editors left its comments open (closing by age is the caller's rule). */
    public boolean acceptsComments(long articleId) {
        return db.read(h -> h.createQuery("select comments from articles where id = :id").bind("id", articleId)
                .mapTo(String.class).findOne().map("open"::equals).orElse(false));
    }

    /** A comment from a row that holds {@link #columns(String)}. */
    public static Comment read(ResultSet rs) throws SQLException {
        String reasons = rs.getString("reasons");
        long siteUser = rs.getLong("site_user_id");
        boolean bySite = !rs.wasNull() && siteUser > 0;
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("article_id"), parentId, rs.getInt("depth"),
                rs.getString("author_name"), rs.getString("author_email"), rs.getString("author_url"),
                rs.getString("body"), CommentStatus.valueOf(rs.getString("status")),
                reasons.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(reasons.split("\n"))),
                rs.getDouble("spam_score"), rs.getString("ip"), bySite,
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    /** The comment columns qualified by a table alias, for other features' queries that join comments. */
    public static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> alias + "." + c.strip()).collect(java.util.stream.Collectors.joining(", "));
    }
}
