package org.masthead.config;

import java.nio.file.Path;

/**
 * Everything the site needs to start: where it listens, where its files and database live,
 * and whether to fill an empty site with demo content. Built by the CLI from flags, then
 * environment variables (MASTHEAD_*), then defaults.
 */
public record Config(String host, int port, Path dataDir, String databaseUrl, boolean demo) {

    public static final int DEFAULT_PORT = 8080;

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A config for the given data folder with everything else at its default. */
    public static Config of(Path dataDir) {
        return new Config("0.0.0.0", DEFAULT_PORT, dataDir, null, false);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, databaseUrl, demo);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(host, port, dataDir, url, demo);
    }

    public Config withDemo(boolean withDemo) {
        return new Config(host, port, dataDir, databaseUrl, withDemo);
    }

    /** The JDBC URL in use: the configured one, or an SQLite file in the data folder. */
    public String jdbcUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        return "jdbc:sqlite:" + dataDir.resolve("masthead.db");
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }
}
