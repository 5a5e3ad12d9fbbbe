package org.masthead.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the site needs to start: where it listens, where its files and database live,
 * and whether to fill an empty site with demo content. Built by the CLI from flags, then
 * environment variables (MASTHEAD_*), then defaults. {@code trustedProxies} lists the
 * addresses or CIDR ranges of reverse proxies whose X-Forwarded-For/-Proto headers count;
 * {@code baseUrl} is the site's public address (scheme://host[:port]) used in every absolute
 * link, or null to use the Host each request names. {@code pageCache} false turns the page
 * cache off, so every reader page is rendered for every request (for measuring and debugging).
 * {@code sharedMaxAge} is how many seconds a CDN or caching proxy may keep an anonymous reader
 * page (its s-maxage; 0 keeps pages out of shared caches). {@code purgeUrl}, when not null, is
 * called with the page tags each change touches, for a shared cache in front of the site.
 * {@code relatedThreads} is how many threads a serving site ranks related-story lists on after a
 * search rebuild: {@link #HALF_THE_CORES} for half the machine's cores (at least one), 0 to leave
 * them until a start with more.
 */
public record Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies,
                     String baseUrl, boolean pageCache, int sharedMaxAge, String purgeUrl, int relatedThreads) {

    public static final int DEFAULT_PORT = 8080;
    /**
     * Half a minute: without a purge, a correction reaches readers behind a shared cache within it,
     * while a page read a thousand times a second costs the site one conditional request per half minute.
     */
    public static final int DEFAULT_SHARED_MAX_AGE = 30;
    /**
     * Ten minutes at most. A page's comment-form token is issued when it renders, so a shared copy's
     * token is at most 15 minutes (the page cache's age limit) plus this plus a minute of
     * stale-while-revalidate old: 26 minutes, well inside the shortest form lifetime the newsroom can
     * set (1 hour), which leaves a reader without JavaScript (whose form gets no fresh token on
     * focus) over half an hour to write.
     */
    public static final int MAX_SHARED_MAX_AGE = 600;
    /** {@code relatedThreads}: half the machine's cores, at least one, so readers keep the rest. */
    public static final int HALF_THE_CORES = -1;

    public Config {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (sharedMaxAge < 0 || sharedMaxAge > MAX_SHARED_MAX_AGE) {
            throw new IllegalArgumentException("--shared-max-age: give 0 to " + MAX_SHARED_MAX_AGE + " seconds, not "
                    + sharedMaxAge);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        if (relatedThreads != HALF_THE_CORES && (relatedThreads < 0 || relatedThreads > cores)) {
            throw new IllegalArgumentException("--related-threads: give 0 to " + cores + " (this machine's cores), not "
                    + relatedThreads);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        baseUrl = normaliseBaseUrl(baseUrl);
        purgeUrl = checkPurgeUrl(purgeUrl);
    }

    /** A config ranking related lists after a rebuild on half the cores. */
    public Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies,
                  String baseUrl, boolean pageCache, int sharedMaxAge, String purgeUrl) {
        this(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                HALF_THE_CORES);
    }

    /** A config with shared caches keeping anonymous pages for the default time, and no purge webhook. */
    public Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies,
                  String baseUrl, boolean pageCache) {
        this(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, DEFAULT_SHARED_MAX_AGE, null);
    }

    /** A config with the page cache on. */
    public Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies,
                  String baseUrl) {
        this(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, true);
    }

    /** A config without a base URL: links use the Host each request names. */
    public Config(String host, int port, Path dataDir, String databaseUrl, boolean demo, List<String> trustedProxies) {
        this(host, port, dataDir, databaseUrl, demo, trustedProxies, null);
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
        return new Config(host, newPort, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(host, port, dataDir, url, demo, trustedProxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withDemo(boolean withDemo) {
        return new Config(host, port, dataDir, databaseUrl, withDemo, trustedProxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withTrustedProxies(List<String> proxies) {
        return new Config(host, port, dataDir, databaseUrl, demo, proxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withBaseUrl(String url) {
        return new Config(host, port, dataDir, databaseUrl, demo, trustedProxies, url, pageCache, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withPageCache(boolean on) {
        return new Config(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, on, sharedMaxAge, purgeUrl,
                relatedThreads);
    }

    public Config withSharedMaxAge(int seconds) {
        return new Config(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, seconds, purgeUrl,
                relatedThreads);
    }

    public Config withPurgeUrl(String url) {
        return new Config(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, sharedMaxAge, url,
                relatedThreads);
    }

    public Config withRelatedThreads(int threads) {
        return new Config(host, port, dataDir, databaseUrl, demo, trustedProxies, baseUrl, pageCache, sharedMaxAge, purgeUrl,
                threads);
    }

    /** An http(s) URL to POST purges to, as given; null for null or blank; IllegalArgumentException otherwise. */
    static String checkPurgeUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        try {
            java.net.URI uri = new java.net.URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (java.net.URISyntaxException e) {
            // described below
        }
        throw new IllegalArgumentException("--purge-url: give an http(s) address to POST purges to, not " + trimmed);
    }

    /**
     * A base URL as the site uses it: http or https, a host, an optional port, nothing else;
     * lower case, no trailing slash. Null for null or blank; IllegalArgumentException saying what
     * is wrong otherwise.
     */
    static String normaliseBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String trimmed = baseUrl.strip();
        java.net.URI uri;
        try {
            uri = new java.net.URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--base-url: " + trimmed + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("--base-url: give the site's address as http(s)://host[:port], e.g. "
                    + "https://news.example, not " + trimmed);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--base-url: only scheme, host and port, without a path, query or user, not "
                    + trimmed);
        }
        return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
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
