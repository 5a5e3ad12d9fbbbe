package org.masthead.accounts;

import java.time.Duration;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Slows password guessing: after too many failed sign-ins within a window, per account
 * and per IP address, further tries are refused until the window passes. Failures are
 * kept in the database so every instance counts the same.
 */
public final class LoginFailureStore {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;

    private final Database db;

    public LoginFailureStore(Database db) {
        this.db = db;
    }

    /**
     * Takes a try, or refuses it: null when the password may be checked, otherwise the message
     * to show. A try is counted as failed before the password is checked, in one locked
     * transaction with the count, so simultaneous guesses cannot all pass the limit; a right
     * password then clears the account's count ({@link #succeeded}).
     */
    public String attempt(String account, String ip) {
        long now = System.currentTimeMillis();
        long since = now - WINDOW.toMillis();
        String normal = UserStore.normalize(account);
        return db.write(tx -> {
            tx.lock("login_failures");
            tx.handle().execute("delete from login_failures where failed_at < ?", since);
            if (count(tx, "account", normal, since) >= PER_ACCOUNT) {
                return "Too many failed sign-ins for this account. Wait " + WINDOW.toMinutes()
                        + " minutes and try again, or ask an admin to reset the password.";
            }
            if (count(tx, "ip", ip, since) >= PER_IP) {
                return "Too many failed sign-ins from your network. Wait " + WINDOW.toMinutes() + " minutes and try again.";
            }
            tx.handle().execute("insert into login_failures (account, ip, failed_at) values (?, ?, ?)", normal, ip, now);
            return null;
        });
    }

    /** The password was right: the account's failures are forgotten, this try's included. */
    public void succeeded(String account) {
        db.write(tx -> tx.handle().execute("delete from login_failures where account = ?", UserStore.normalize(account)));
    }

    private static long count(Tx tx, String column, String value, long since) {
        return tx.handle().createQuery("select count(*) from login_failures where " + column + " = :v and failed_at >= :since")
                .bind("v", value).bind("since", since).mapTo(Long.class).one();
    }
}
