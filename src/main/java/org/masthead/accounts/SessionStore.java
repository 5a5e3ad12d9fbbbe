package org.masthead.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.masthead.db.Database;

/**
 * Sign-in sessions, kept in the database so they survive a restart and work on every
 * instance. The browser holds a random token; the database holds only its SHA-256, so a
 * leaked table cannot be replayed. Each session carries its own CSRF token.
 */
public final class SessionStore {
    public static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    public SessionStore(Database db) {
        this.db = db;
    }

    /** A signed-in session: who, and the token forms must echo. */
    public record Session(String token, User user, String csrfToken) {
    }

    public Session start(User user) {
        String token = randomToken();
        String csrf = randomToken();
        long now = System.currentTimeMillis();
        db.write(tx -> {
            tx.handle().execute("delete from sessions where expires_at < ?", now);
            tx.handle().createUpdate("""
                            insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                            values (:hash, :user, :csrf, :now, :now, :expires)""")
                    .bind("hash", hashOf(token)).bind("user", user.id()).bind("csrf", csrf)
                    .bind("now", now).bind("expires", now + LIFETIME.toMillis()).execute();
            return null;
        });
        return new Session(token, user, csrf);
    }

    public Optional<Session> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        return db.read(h -> h.createQuery("""
                        select s.csrf_token, u.id, u.email, u.name, u.role
                        from sessions s join users u on u.id = s.user_id
                        where s.token_hash = :hash and s.expires_at > :now""")
                .bind("hash", hashOf(token)).bind("now", now)
                .map((rs, ctx) -> new Session(token, new User(rs.getLong("id"), rs.getString("email"),
                        rs.getString("name"), Role.valueOf(rs.getString("role"))), rs.getString("csrf_token")))
                .findOne());
    }

    public void end(String token) {
        db.write(tx -> tx.handle().execute("delete from sessions where token_hash = ?", hashOf(token)));
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares secrets in constant time. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
