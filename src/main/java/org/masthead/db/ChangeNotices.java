package org.masthead.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, wakes the change-log follower the moment another instance commits: every write
 * transaction that records a change also sends a NOTIFY on {@link #CHANNEL}, which PostgreSQL
 * delivers at commit to each instance LISTENing on a connection of its own. The notice carries
 * nothing; the follower then reads the change log as always, so a notice lost while this
 * connection was down costs only time: on reconnecting it reads the log once, and the follower's
 * regular reads go on meanwhile.
 */
final class ChangeNotices implements AutoCloseable {
    static final String CHANNEL = "masthead_changes";
    /** The name the listening connection shows in pg_stat_activity. */
    static final String APPLICATION_NAME = "masthead-change-notices";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotices.class);
    /** How long one wait for notices lasts: also how soon the thread sees that it should stop. */
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final String url;
    private final Properties properties = new Properties();
    private final Runnable catchUp;
    private volatile boolean closed;
    private Thread thread;

    ChangeNotices(String url, String user, String password, Runnable catchUp) {
        this.url = url;
        this.catchUp = catchUp;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
    }

    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("change-log notices").start(this::listen);
        }
    }

    private void listen() {
        boolean lost = false;
        while (!closed) {
            try (Connection listening = DriverManager.getConnection(url, properties)) {
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                if (lost) {
                    LOG.info("listening for other instances' changes again");
                    lost = false;
                }
                catchUp.run(); // whatever was committed while nobody listened
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                    if (notices != null && notices.length > 0) {
                        catchUp.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn("lost the connection that hears other instances' changes ({}); the change log is still read"
                            + " every interval, and listening resumes when the database answers", e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
