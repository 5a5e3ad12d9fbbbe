package org.masthead.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.db.Change;
import org.masthead.db.Database;

/** Newsroom accounts: creating them, signing in, changing passwords. All their SQL is here. */
public final class UserStore {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    /** The form fields of a new account; {@link #problems} says what is wrong with them. */
    public record NewUser(String email, String name, String role, String password, String repeat) {
        public List<String> problems() {
            List<String> problems = new java.util.ArrayList<>();
            if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 320) {
                problems.add("Enter an email address such as name@example.org.");
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                problems.add("Enter a name of 1 to 200 characters.");
            }
            try {
                Role.parse(role);
            } catch (IllegalArgumentException e) {
                problems.add("Choose a role: contributor, author, editor or admin.");
            }
            String weak = Passwords.problem(password);
            if (weak != null) {
                problems.add(weak);
            } else if (repeat != null && !repeat.equals(password)) {
                problems.add("The two passwords differ.");
            }
            return problems;
        }
    }

    /** Creates the account; fails with a clear message when the email is taken. */
    public User add(NewUser form) {
        return add(form, null);
    }

    /** Creates an account for an admin ({@code by}, if given) and records it in the audit log in the same transaction. */
    public User add(NewUser form, User by) {
        return add(form, by, false).orElseThrow();
    }

    /**
     * Creates the first account, as setup does; empty when an account exists already (another
     * setup got there first: the check and the insert are one locked transaction).
     */
    public Optional<User> addFirst(NewUser form) {
        return add(form, null, true);
    }

    private Optional<User> add(NewUser form, User by, boolean onlyIfFirst) {
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        String email = normalize(form.email());
        Role role = Role.parse(form.role());
        String hash = Passwords.hash(form.password());
        Long id = db.write(tx -> {
            // The checks and the insert hold the accounts lock, so two requests cannot both pass them.
            tx.lock("users");
            if (onlyIfFirst && tx.handle().createQuery("select count(*) from users").mapTo(Long.class).one() > 0) {
                return null;
            }
            if (tx.handle().createQuery("select count(*) from users where email = :e").bind("e", email)
                    .mapTo(Long.class).one() > 0) {
                throw new IllegalArgumentException("An account with the email " + email + " already exists.");
            }
            long newId = tx.handle().createUpdate("""
                            insert into users (email, name, role, password_hash, created_at)
                            values (:email, :name, :role, :hash, :at)""")
                    .bind("email", email).bind("name", form.name().strip()).bind("role", role.name())
                    .bind("hash", hash).bind("at", System.currentTimeMillis())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            tx.changed("user", newId, Change.Kind.CREATED);
            if (by != null) {
                AuditStore.record(tx, by, "added an account", "user:" + newId, email + " as " + role.label());
            }
            return newId;
        });
        return id == null ? Optional.empty() : Optional.of(new User(id, email, form.name().strip(), role));
    }

    /**
     * Creates, in the caller's transaction, an account whose password nobody knows (a random
     * one, hashed like any other), for a person brought in by an import: it signs in once an
     * admin sets its password. Returns its id, or empty when the email already has an account.
     */
    public java.util.Optional<Long> addWithoutPassword(org.masthead.db.Tx tx, String email, String name, Role role) {
        String normalized = normalize(email);
        boolean taken = tx.handle().createQuery("select count(*) from users where email = :e").bind("e", normalized)
                .mapTo(Integer.class).one() > 0;
        if (taken) {
            return java.util.Optional.empty();
        }
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String hash = Passwords.hash(java.util.HexFormat.of().formatHex(secret));
        long id = tx.handle().createUpdate("""
                        insert into users (email, name, role, password_hash, created_at)
                        values (:email, :name, :role, :hash, :at)""")
                .bind("email", normalized).bind("name", name.strip()).bind("role", role.name())
                .bind("hash", hash).bind("at", System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("user", id, Change.Kind.CREATED);
        return java.util.Optional.of(id);
    }

    public long count() {
        return db.read(h -> h.createQuery("select count(*) from users").mapTo(Long.class).one());
    }

    public Optional<User> find(String email) {
        return db.read(h -> h.createQuery("select * from users where email = :e").bind("e", normalize(email))
                .map((rs, ctx) -> user(rs)).findOne());
    }

    public Optional<User> byId(long id) {
        return db.read(h -> h.createQuery("select * from users where id = :id").bind("id", id)
                .map((rs, ctx) -> user(rs)).findOne());
    }

    public List<User> all() {
        return db.read(h -> h.createQuery("select * from users order by name").map((rs, ctx) -> user(rs)).list());
    }

    /** The account whose password this is, if any; the hash is checked even for unknown emails. */
    public Optional<User> signIn(String email, String password) {
        record Row(User user, String hash) {
        }
        Optional<Row> row = db.read(h -> h.createQuery("select * from users where email = :e")
                .bind("e", normalize(email))
                .map((rs, ctx) -> new Row(user(rs), rs.getString("password_hash"))).findOne());
        // Same work whether or not the account exists or has a password yet, so timing reveals neither.
        String hash = row.map(Row::hash).filter(h -> !h.isEmpty()).orElse(DUMMY_HASH);
        boolean ok = Passwords.matches(password == null ? "" : password, hash);
        return ok ? row.map(Row::user) : Optional.empty();
    }

    private static final String DUMMY_HASH = Passwords.hash("no account has this password, ever");

    /** Sets a new password and ends the account's other sessions (all but {@code keepSession}, if given). */
    public void setPassword(long userId, String password, String keepSession) {
        String weak = Passwords.problem(password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
        String hash = Passwords.hash(password);
        db.write(tx -> {
            tx.handle().execute("update users set password_hash = ? where id = ?", hash, userId);
            // A new password ends every other session of the account.
            tx.handle().execute("delete from sessions where user_id = ? and token_hash <> ?", userId,
                    keepSession == null ? "" : SessionStore.hashOf(keepSession));
            tx.changed("user", userId, Change.Kind.UPDATED);
            return null;
        });
    }

    /** An account change refused to keep the newsroom manageable; the message says why. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Gives an account another role; the last admin keeps theirs, so someone can always manage the newsroom. */
    public void changeRole(long userId, Role role, User by) {
        db.write(tx -> {
            User target = lockedTarget(tx, userId);
            if (target.role() == Role.ADMIN && role != Role.ADMIN && otherAdmins(tx, userId) == 0) {
                throw new Refused(target.name() + " is the last admin and must stay one: make another account admin first.");
            }
            tx.handle().execute("update users set role = ? where id = ?", role.name(), userId);
            tx.changed("user", userId, Change.Kind.UPDATED);
            AuditStore.record(tx, by, "changed a role", "user:" + userId,
                    target.email() + ": " + target.role().label() + " to " + role.label());
            return null;
        });
    }

    /** Sets a password an admin chose for someone else and signs that person out everywhere. */
    public void resetPassword(long userId, String password, User by) {
        String weak = Passwords.problem(password);
        if (weak != null) {
            throw new IllegalArgumentException(weak);
        }
        String hash = Passwords.hash(password);
        db.write(tx -> {
            User target = lockedTarget(tx, userId);
            tx.handle().execute("update users set password_hash = ? where id = ?", hash, userId);
            tx.handle().execute("delete from sessions where user_id = ?", userId);
            tx.changed("user", userId, Change.Kind.UPDATED);
            AuditStore.record(tx, by, "reset a password", "user:" + userId, target.email());
            return null;
        });
    }

    /** Deletes an account, its sessions and its API tokens; never one's own, never the last admin. */
    public void delete(long userId, User by) {
        db.write(tx -> {
            User target = lockedTarget(tx, userId);
            if (by != null && by.id() == userId) {
                throw new Refused("You cannot delete your own account. Another admin can.");
            }
            if (target.role() == Role.ADMIN && otherAdmins(tx, userId) == 0) {
                throw new Refused(target.name() + " is the last admin and cannot be deleted.");
            }
            tx.handle().execute("delete from sessions where user_id = ?", userId);
            tx.handle().execute("delete from api_tokens where user_id = ?", userId);
            tx.handle().execute("delete from users where id = ?", userId);
            tx.changed("user", userId, Change.Kind.DELETED);
            AuditStore.record(tx, by, "deleted an account", "user:" + userId, target.email() + " (" + target.role().label() + ")");
            return null;
        });
    }

    /**
     * The account, read with a write lock on PostgreSQL so two admins demoting each other at
     * once cannot both pass the last-admin check (SQLite's writes are serial already).
     */
    private User lockedTarget(org.masthead.db.Tx tx, long userId) {
        String lock = db.dialect() == org.masthead.db.Dialect.POSTGRESQL ? " for update" : "";
        tx.handle().createQuery("select id from users where role = 'ADMIN' order by id" + lock).mapTo(Long.class).list();
        return tx.handle().createQuery("select * from users where id = :id" + lock).bind("id", userId)
                .map((rs, ctx) -> user(rs)).findOne()
                .orElseThrow(() -> new Refused("That account no longer exists."));
    }

    private static long otherAdmins(org.masthead.db.Tx tx, long userId) {
        return tx.handle().createQuery("select count(*) from users where role = 'ADMIN' and id <> :id")
                .bind("id", userId).mapTo(Long.class).one();
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"), Role.valueOf(rs.getString("role")));
    }
}
