package org.masthead.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the site needs to start: where it listens, where its files and database live,
 * and whether to fill an empty site with demo content. Built by the CLI from flags, then
 * environment variables (MASTHEAD_*), then defaults. {@code trustedProxies} lists the
 * addresses or CIDR ranges of reverse proxies whose X-Forwarded-For/-Proto headers count.
 */
public record Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies) {

    public static final int DEFAULT_PORT = 8080;

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** A config that trusts no proxy. */
    public Config(String host, int port, Path dataDir, String databaseUrl, boolean demo) {
        this(host, port, dataDir, databaseUrl, demo, List.of());
    }

    /** A config for the given data folder with everything else at its default. */
    public static Config of(Path dataDir) {
        return new Config("0.0.0.0", DEFAULT_PORT, dataDir, null, false);
    }

    public Config withPort(int newPort) {
        return new Config(host, newPort, dataDir, databaseUrl, demo, trustedProxies);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(host, port, dataDir, url, demo, trustedProxies);
    }

    public Config withDemo(boolean withDemo) {
        return new Config(host, port, dataDir, databaseUrl, withDemo, trustedProxies);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, databaseUrl, demo, proxies);
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
