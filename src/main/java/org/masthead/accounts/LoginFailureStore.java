package org.masthead.accounts;

import java.time.Duration;
import org.masthead.db.Database;

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

    /** Null when a try is allowed; otherwise the message to show. */
    public String refusal(String account, String ip) {
        long since = System.currentTimeMillis() - WINDOW.toMillis();
        long byAccount = count("account", UserStore.normalize(account), since);
        long byIp = count("ip", ip, since);
        if (byAccount >= PER_ACCOUNT) {
            return "Too many failed sign-ins for this account. Wait " + WINDOW.toMinutes()
                    + " minutes and try again, or ask an admin to reset the password.";
        }
        if (byIp >= PER_IP) {
            return "Too many failed sign-ins from your network. Wait " + WINDOW.toMinutes() + " minutes and try again.";
        }
        return null;
    }

    public void failed(String account, String ip) {
        long now = System.currentTimeMillis();
        db.write(tx -> {
            tx.handle().execute("delete from login_failures where failed_at < ?", now - WINDOW.toMillis());
            tx.handle().execute("insert into login_failures (account, ip, failed_at) values (?, ?, ?)",
                    UserStore.normalize(account), ip, now);
            return null;
        });
    }

    public void succeeded(String account) {
        db.write(tx -> tx.handle().execute("delete from login_failures where account = ?", UserStore.normalize(account)));
    }

    private long count(String column, String value, long since) {
        return db.read(h -> h.createQuery("select count(*) from login_failures where " + column + " = :v and failed_at >= :since")
                .bind("v", value).bind("since", since).mapTo(Long.class).one());
    }
}
