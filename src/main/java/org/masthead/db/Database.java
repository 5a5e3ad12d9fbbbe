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
    /** While the database is away: System.nanoTime() before which work fails at once; 0 when it is up. */
    private volatile long awayUntil;
    /** Whether one piece of work is finding out if the database is back. */
    private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();
    private Periodic following;
    /** Removes the change log's old rows hourly while this instance follows the log. */
    private Periodic pruning;
    /** On PostgreSQL, the connection that hears other instances' commits at once; null otherwise. */
    private ChangeNotices notices;
    /** SQL statements run since the start: what a page costs in queries, for tests and benchmarks. */
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();

    private Database(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        jdbi.setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
            @Override
            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                statements.increment();
            }
        });
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
        // A request waits at most this long for a connection; past it, the database counts as
        // unavailable (503) rather than holding the request, and a thread, for longer.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
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
            // Up to 10 under load, but only 2 kept open while idle: several instances (and test
            // runs) share the server's connection limit (100 by default).
            config.setMinimumIdle(2);
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

    /** How many SQL statements this database has run (reads and writes, through JDBI). */
    public long statements() {
        return statements.sum();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs read-only work on a connection of its own. A read that fails because its connection
     * broke (a database restart closes every pooled connection) is run once more on a fresh one.
     */
    public <T> T read(Function<Handle, T> work) {
        return guarded(() -> {
            try {
                return jdbi.withHandle(work::apply);
            } catch (RuntimeException e) {
                if (!brokenConnection(e)) {
                    throw e;
                }
                LOG.info("a database connection broke during a read; reading again on another ({})", rootMessage(e));
                return jdbi.withHandle(work::apply);
            }
        });
    }

    /**
     * Runs read-only work that must see the database as of one moment, however long it takes
     * (an export): on PostgreSQL one repeatable-read transaction; on SQLite one deferred read
     * transaction, which in WAL mode keeps its snapshot without holding up the site's writes
     * (the pool's IMMEDIATE transactions would take the write lock).
     */
    public <T> T snapshot(Function<Handle, T> work) {
        return guarded(() -> jdbi.withHandle(handle -> {
            if (dialect == Dialect.POSTGRESQL) {
                return handle.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
                        work::apply);
            }
            handle.execute("begin deferred");
            try {
                return work.apply(handle);
            } finally {
                handle.execute("rollback");
            }
        }));
    }

    /**
     * Runs work on the database, failing at once while it is known to be away, so that requests
     * do not pile up waiting for connections that cannot come: after a failure that says the
     * database cannot be reached, work fails straight away for a second; then one piece of work at
     * a time is let through to find out whether it is back (the others still fail at once), and
     * the first success ends it.
     */
    private <T> T guarded(java.util.function.Supplier<T> work) {
        boolean probe = false;
        if (awayUntil != 0) {
            if (System.nanoTime() - awayUntil < 0 || !probing.compareAndSet(false, true)) {
                throw new IllegalStateException("the database is unavailable",
                        new java.sql.SQLTransientConnectionException("the database was unreachable a moment ago"));
            }
            probe = true;
        }
        try {
            T result = work.get();
            if (awayUntil != 0) {
                awayUntil = 0;
            }
            return result;
        } catch (RuntimeException e) {
            if (unavailable(e)) {
                awayUntil = System.nanoTime() + AWAY_RETRY.toNanos();
            }
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    /** How long work fails at once after the database was found unreachable, before it is tried again. */
    private static final Duration AWAY_RETRY = Duration.ofSeconds(1);

    /** How long a request waits for a pooled connection before the database counts as unavailable. */
    static final int CONNECTION_TIMEOUT_MILLIS = 2_000;

    /**
     * Whether {@code e} says the database cannot be reached: no connection within the pool's
     * timeout, a connection refused, closed or broken, or a server shutting down or starting.
     */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether {@code e} is a unique constraint refusing a row: what a check made before a write
     * turns into when another request wrote the same value in between (PostgreSQL SQLSTATE
     * 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE or PRIMARYKEY).
     */
    public static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState())
                    || sql.getErrorCode() == 2067 || sql.getErrorCode() == 1555
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A connection that was open and broke, as opposed to none being available in time. */
    private static boolean brokenConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return false; // the pool's timeout: trying again would only wait as long again
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (shutdown, crash, starting up). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /**
     * Runs {@code work} in one transaction; the changes it records go to the change log in
     * that transaction and reach the listeners after commit, in sequence order.
     */
    public <T> T write(Function<Tx, T> work) {
        return guarded(() -> writeNow(work));
    }

    private <T> T writeNow(Function<Tx, T> work) {
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
        Runnable catchUp = () -> {
            synchronized (started) {
                started.poll().forEach(this::announce); // one reader at a time, so changes are announced in order
            }
        };
        following = new Periodic("change-log follower", interval, catchUp);
        following.start();
        pruning = new Periodic("change-log retention", Duration.ofHours(1),
                () -> ChangeLogRetention.prune(this, java.time.Instant.now()));
        // Not at start: a search index decides then whether the log still holds what it missed, and replays it.
        pruning.start(Duration.ofHours(1));
        if (dialect == Dialect.POSTGRESQL) {
            notices = new ChangeNotices(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), catchUp);
            notices.start();
        }
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean healthy() {
        return problem() == null;
    }

    /** Null when a connection can be had and answers a trivial query; otherwise what is wrong, in a line. */
    public String problem() {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("select 1");
            return null;
        } catch (SQLException e) {
            return rootMessage(e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (notices != null) {
                notices.close();
            }
            if (following != null) {
                following.close();
            }
            if (pruning != null) {
                pruning.close();
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
