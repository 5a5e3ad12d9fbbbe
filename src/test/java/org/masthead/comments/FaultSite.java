package org.masthead.comments;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.masthead.App;
import org.masthead.config.Config;

/**
 * A site for the fault runs: one published article whose comment form has no minimum fill
 * time (set through the database, as {@link CommentSite} does), then served by a real
 * server process. On PostgreSQL its database is created fresh and dropped on close.
 */
final class FaultSite implements AutoCloseable {
    final String label;
    final Config config;
    final long article;
    final ServerProcess server;
    /** Milliseconds from the first start of the server process to its first 200 (/healthz). */
    final long firstStartMillis;
    private final String dropFrom;
    private final String databaseName;

    private FaultSite(String label, Config config, String dropFrom, String databaseName, Path log) {
        this.label = label;
        this.config = config;
        this.dropFrom = dropFrom;
        this.databaseName = databaseName;
        try (App app = App.create(config.withPort(0)).start()) {
            article = new CommentSite(app).article;
        }
        server = new ServerProcess(config.dataDir(), config.databaseUrl(), log).start();
        firstStartMillis = server.awaitFirst200("/healthz", Duration.ofSeconds(90));
    }

    static FaultSite sqlite(Path work) {
        Path dir = work.resolve("sqlite");
        return new FaultSite("SQLite", new Config("127.0.0.1", 0, dir, null, false), null, null, work.resolve("sqlite.log"));
    }

    /** A fresh database on the server at {@code serverUrl} (a JDBC URL of its maintenance database). */
    static FaultSite postgres(Path work, String serverUrl, String label) {
        String name = "masthead_faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute(serverUrl, "create database " + name);
        String url = serverUrl.replaceFirst("/[^/?]+(?=\\?|$)", "/" + name);
        Path dir = work.resolve(name);
        try {
            return new FaultSite(label, new Config("127.0.0.1", 0, dir, url, false), serverUrl, name,
                    work.resolve(name + ".log"));
        } catch (RuntimeException e) {
            execute(serverUrl, "drop database if exists " + name + " with (force)");
            throw e;
        }
    }

    /** A site on a database someone else created and will drop (the outage run's own server). */
    static FaultSite onDatabase(Path work, String label, String url) {
        return new FaultSite(label, new Config("127.0.0.1", 0, work.resolve("outage-site"), url, false), null, null,
                work.resolve("outage.log"));
    }

    /** The comments stored from email addresses at {@code domain}: id and body, in id order. */
    List<String[]> comments(String domain) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl());
             PreparedStatement s = c.prepareStatement(
                     "select id, body from comments where author_email like ? order by id")) {
            s.setString(1, "%@" + domain);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {Long.toString(rs.getLong(1)), rs.getString(2)});
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.stop();
        if (databaseName != null) {
            execute(dropFrom, "drop database if exists " + databaseName + " with (force)");
        }
    }
}
