package org.masthead.accounts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * API tokens that admins issue to newsroom accounts. A token is 32 random bytes; only its
 * SHA-256 is stored, so the table cannot be replayed, and the token is shown once. A token
 * acts with its account's current role; a revoked token (or one whose account is gone) is refused.
 */
public final class ApiTokenStore {
    /** Every token begins so, which lets people and secret scanners recognise one. */
    public static final String PREFIX = "mh_";
    /** How often the last-used time is written at most, so a busy client does not write on every request. */
    static final long TOUCH_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public ApiTokenStore(Database db) {
        this.db = db;
    }

    /** A token as the tokens page lists it; never its secret. */
    public record Token(long id, long userId, String name, Instant createdAt, String createdBy, Instant lastUsedAt,
                        Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A token just issued: its row id and the secret, which exists nowhere else once shown. */
    public record Issued(long id, String secret) {
    }

    /** The account a presented token acts for, and which token it was. */
    public record Bearer(long tokenId, User user) {
    }

    /** Issues a token for {@code userId} in the caller's transaction, audited there as issued by {@code by}. */
    public Issued issue(Tx tx, long userId, String name, User by) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = tx.handle().createUpdate("""
                        insert into api_tokens (user_id, name, token_hash, created_at, created_by)
                        values (:user, :name, :hash, :now, :by)""")
                .bind("user", userId).bind("name", name).bind("hash", SessionStore.hashOf(secret))
                .bind("now", System.currentTimeMillis()).bind("by", by.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        AuditStore.record(tx, by, "issued an API token", "user:" + userId, name);
        return new Issued(id, secret);
    }

    /** Revokes one of {@code userId}'s tokens, audited; false when it is not theirs or was revoked already. */
    public boolean revoke(Tx tx, long userId, long tokenId, User by) {
        Optional<String> name = tx.handle().createQuery(
                        "select name from api_tokens where id = :id and user_id = :user and revoked_at is null")
                .bind("id", tokenId).bind("user", userId).mapTo(String.class).findOne();
        if (name.isEmpty()) {
            return false;
        }
        tx.handle().createUpdate("update api_tokens set revoked_at = :now where id = :id and revoked_at is null")
                .bind("now", System.currentTimeMillis()).bind("id", tokenId).execute();
        AuditStore.record(tx, by, "revoked an API token", "user:" + userId, name.get());
        return true;
    }

    public List<Token> forUser(long userId) {
        return db.read(h -> h.createQuery("select * from api_tokens where user_id = :user order by created_at desc, id desc")
                .bind("user", userId)
                .map((rs, ctx) -> new Token(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
                        instant(rs.getLong("last_used_at"), rs.wasNull()), instant(rs.getLong("revoked_at"), rs.wasNull())))
                .list());
    }

    /**
     * The account behind a presented token, when it is well-formed, known and not revoked. Notes
     * the time it was used (at most once a minute per token).
     */
    public Optional<Bearer> find(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() < 40 || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = SessionStore.hashOf(secret);
        record Found(Bearer bearer, Long lastUsed) {
        }
        Optional<Found> found = db.read(h -> h.createQuery("""
                        select t.id as token_id, t.last_used_at, u.id, u.email, u.name, u.role
                        from api_tokens t join users u on u.id = t.user_id
                        where t.token_hash = :hash and t.revoked_at is null""")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    long millis = rs.getLong("last_used_at");
                    Long lastUsed = rs.wasNull() ? null : millis;
                    return new Found(new Bearer(rs.getLong("token_id"), new User(rs.getLong("id"), rs.getString("email"),
                            rs.getString("name"), Role.valueOf(rs.getString("role")))), lastUsed);
                })
                .findOne());
        long now = System.currentTimeMillis();
        found.filter(f -> f.lastUsed() == null || f.lastUsed() < now - TOUCH_MILLIS).ifPresent(f -> db.write(tx -> tx.handle()
                .createUpdate("update api_tokens set last_used_at = :now where id = :id")
                .bind("now", now).bind("id", f.bearer().tokenId()).execute()));
        return found.map(Found::bearer);
    }

    private static Instant instant(long millis, boolean wasNull) {
        return wasNull ? null : Instant.ofEpochMilli(millis);
    }
}
