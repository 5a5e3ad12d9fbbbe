package org.masthead.accounts;

import java.time.Instant;
import java.util.List;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/** Who did what in the newsroom and when; admins read it, nobody edits it. */
public final class AuditStore {
    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    public record Entry(long id, String userName, String action, String target, String detail, Instant at) {
    }

    /** Records an action inside the caller's transaction, so it is logged exactly when it happened. */
    public static void record(Tx tx, User user, String action, String target, String detail) {
        tx.handle().createUpdate("""
                        insert into audit_log (user_id, user_name, action, target, detail, at)
                        values (:user, :name, :action, :target, :detail, :at)""")
                .bind("user", user == null ? null : user.id())
                .bind("name", user == null ? "system" : user.name())
                .bind("action", action).bind("target", target).bind("detail", detail == null ? "" : detail)
                .bind("at", System.currentTimeMillis()).execute();
    }

    public void record(User user, String action, String target, String detail) {
        db.write(tx -> {
            record(tx, user, action, target, detail);
            return null;
        });
    }

    public List<Entry> latest(int limit, int offset) {
        return db.read(h -> h.createQuery("select * from audit_log order by at desc, id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("user_name"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail"), Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }

    public long count() {
        return db.read(h -> h.createQuery("select count(*) from audit_log").mapTo(Long.class).one());
    }
}
