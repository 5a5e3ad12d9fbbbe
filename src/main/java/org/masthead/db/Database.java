package org.masthead.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's one relational database: the connection pool, the schema migrations, read
 * access for stores, and write transactions that feed the change log.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ChangeFollower follower;
    private Periodic following;

    private Database(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Connects, migrates the schema to the newest version and returns the ready database. */
    public static Database open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariDataSource pool = connect(dialect, jdbcUrl);
        try {
            migrate(dialect, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(dialect, pool);
    }

    private static HikariDataSource connect(Dialect dialect, String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("masthead");
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        if (dialect == Dialect.SQLITE) {
            // One writer at a time is SQLite's rule; WAL lets readers go on meanwhile, and
            // IMMEDIATE transactions take the write lock up front instead of failing later.
            config.setMaximumPoolSize(8);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(10);
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StartupException("cannot connect to the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    private static void migrate(Dialect dialect, HikariDataSource pool) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StartupException("cannot migrate the database schema: " + rootMessage(e), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs read-only work on a connection of its own. */
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    /**
     * Runs {@code work} in one transaction; the changes it records go to the change log in
     * that transaction and reach the listeners after commit, in sequence order.
     */
    public <T> T write(Function<Tx, T> work) {
        ChangeFollower follower = this.follower;
        Tx[] open = new Tx[1];
        T result;
        try {
            result = jdbi.inTransaction(handle -> {
                open[0] = new Tx(handle, follower, dialect);
                return work.apply(open[0]);
            });
        } catch (RuntimeException | Error e) {
            if (follower != null && open[0] != null) {
                open[0].changes().forEach(change -> follower.notOurs(change.sequence()));
            }
            throw e;
        }
        open[0].changes().forEach(this::announce);
        return result;
    }

    private void announce(Change change) {
        for (ChangeListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                // The write is committed; a listener's failure must not turn it into an error.
                LOG.warn("change listener failed on {}", change, e);
            }
        }
    }

    /**
     * Reads the change log every {@code interval} from now on and announces to the listeners
     * the changes that other instances on this database committed, so that their caches follow
     * (this instance's own changes are announced at commit, as always). Stops on {@link #close}.
     */
    public synchronized void follow(Duration interval) {
        if (following != null) {
            return;
        }
        ChangeFollower started = new ChangeFollower(this, System::currentTimeMillis);
        follower = started;
        following = new Periodic("change-log follower", interval, () -> started.poll().forEach(this::announce));
        following.start();
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean healthy() {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (following != null) {
                following.close();
            }
        }
        pool.close();
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
