package org.masthead.privacy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.Database;
import org.masthead.db.Remembered;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.User;

/**
 * All SQL of consent: the log of readers' choices (proof, not content: writing it does not
 * touch the change log, so a click never empties the page cache), the secret that keys the
 * IP hashes, and the policy versions.
 */
public final class ConsentStore implements ChangeListener {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final IpDigest ipDigest;
    private final Remembered<Policy> policy;

    /** How a choice was made, as the log records it. */
    public enum Method { ACCEPT_ALL, REJECT_ALL, CHOOSE }

    /** One logged choice, as the CSV export writes it. */
    public record Entry(String consentId, Instant givenAt, int policyVersion, boolean preferences,
                        boolean statistics, boolean externalMedia, String method, boolean gpc, String ipHash) {
    }

    public ConsentStore(Database db) {
        this.db = db;
        this.ipDigest = new IpDigest(secret(db));
        policy = Remembered.forgetOn(this::readPolicy, "policy");
    }

    /** Forgets the policy kept in memory when a new version is put in force; the app registers this. */
    @Override
    public void changed(Change change) {
        policy.changed(change);
    }

    /** The key for IP hashes: made once per site, on first start, and kept in the database. */
    private static String secret(Database db) {
        String candidate = HexFormat.of().formatHex(randomBytes(32));
        db.write(tx -> tx.handle().createUpdate(
                        "insert into consent_secret (id, secret) values (1, :s) on conflict (id) do nothing")
                .bind("s", candidate).execute());
        return db.read(h -> h.createQuery("select secret from consent_secret where id = 1").mapTo(String.class).one());
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public Policy policy() {
        return policy.get();
    }

    private Policy readPolicy() {
        Policy current = db.read(h -> h.createQuery("select version, since from policy_versions order by version desc limit 1")
                .map((rs, c) -> new Policy(rs.getInt("version"), Instant.ofEpochMilli(rs.getLong("since"))))
                .findOne()).orElse(null);
        if (current != null) {
            return current;
        }
        // A new site starts at version 1, in force from its first start.
        db.write(tx -> tx.handle().createUpdate("""
                        insert into policy_versions (version, since, raised_by) values (1, :now, 'system')
                        on conflict (version) do nothing""")
                .bind("now", System.currentTimeMillis()).execute());
        return readPolicy();
    }

    /** Puts a new policy version in force: every reader is asked again. */
    public Policy raise(User admin) {
        db.write(tx -> {
            int next = policy().version() + 1;
            tx.handle().createUpdate("insert into policy_versions (version, since, raised_by) values (:v, :now, :by)")
                    .bind("v", next).bind("now", System.currentTimeMillis()).bind("by", admin.name()).execute();
            AuditStore.record(tx, admin, "privacy.policy-version", "policy", "raised to version " + next);
            // Pages print the version (banner, policy page), so cached copies must go.
            tx.changed("policy", next, Change.Kind.CREATED);
            return null;
        });
        return policy();
    }

    public void record(ConsentCookie.Choice choice, Method method, boolean gpc, String ip) {
        db.write(tx -> tx.handle().createUpdate("""
                        insert into consent_log (consent_id, given_at, policy_version, preferences, statistics,
                            external_media, method, gpc, ip_hash)
                        values (:id, :at, :version, :p, :s, :m, :method, :gpc, :ip)""")
                .bind("id", choice.consentId()).bind("at", System.currentTimeMillis())
                .bind("version", choice.policyVersion())
                .bind("p", flag(choice.allows(Category.PREFERENCES)))
                .bind("s", flag(choice.allows(Category.STATISTICS)))
                .bind("m", flag(choice.allows(Category.EXTERNAL_MEDIA)))
                .bind("method", method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .bind("gpc", flag(gpc)).bind("ip", ipDigest.of(ip)).execute());
    }

    private static short flag(boolean value) {
        return (short) (value ? 1 : 0);
    }

    public long count() {
        return db.read(h -> h.createQuery("select count(*) from consent_log").mapTo(Long.class).one());
    }

    /** Every logged choice, oldest first, handed over one at a time so a long log is never held whole. */
    public void each(Consumer<Entry> sink) {
        db.read(h -> {
            h.createQuery("select * from consent_log order by given_at, id").setFetchSize(500)
                    .map((rs, c) -> new Entry(rs.getString("consent_id"), Instant.ofEpochMilli(rs.getLong("given_at")),
                            rs.getInt("policy_version"), rs.getInt("preferences") == 1, rs.getInt("statistics") == 1,
                            rs.getInt("external_media") == 1, rs.getString("method"), rs.getInt("gpc") == 1,
                            rs.getString("ip_hash")))
                    .useStream(rows -> rows.forEach(sink));
            return null;
        });
    }
}
