package org.masthead;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.masthead.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code masthead serve}: runs the site until Ctrl-C or SIGTERM, then stops gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the news site on one port.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:MASTHEAD_PORT:-8080}",
            description = "TCP port to listen on (env MASTHEAD_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    StorageOptions storage;

    @Option(names = "--demo", defaultValue = "${env:MASTHEAD_DEMO:-false}",
            description = "Fill an empty site with demo articles, sections, authors and pictures (env MASTHEAD_DEMO).")
    boolean demo;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:MASTHEAD_HOST:-0.0.0.0}",
            description = "Address to listen on (env MASTHEAD_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",", defaultValue = "${env:MASTHEAD_TRUSTED_PROXIES}",
            description = "Address or CIDR range of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto "
                    + "headers are believed; repeat or separate with commas (env MASTHEAD_TRUSTED_PROXIES; default: none).")
    java.util.List<String> trustedProxies;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:MASTHEAD_BASE_URL}",
            description = "The site's public address, e.g. https://news.example: every absolute link (canonical, "
                    + "structured data, feeds) uses it, whatever Host a request names (env MASTHEAD_BASE_URL; "
                    + "default: the Host of each request).")
    String baseUrl;

    @Option(names = "--page-cache", paramLabel = "on|off", defaultValue = "${env:MASTHEAD_PAGE_CACHE:-on}",
            description = "Keep rendered reader pages (and their gzip copies) in memory, or, with off, render every "
                    + "page for every request, for measuring and debugging (env MASTHEAD_PAGE_CACHE; default ${DEFAULT-VALUE}).")
    String pageCache;

    @Option(names = "--purge-url", paramLabel = "URL", defaultValue = "${env:MASTHEAD_PURGE_URL}",
            description = "Address a shared cache (CDN or proxy) takes purges at: on each change, a POST of "
                    + "{\"tags\":[...]} naming the Surrogate-Key tags of the pages to drop (env MASTHEAD_PURGE_URL; "
                    + "default: none).")
    String purgeUrl;

    @Option(names = "--shared-max-age", paramLabel = "SECONDS", defaultValue = "${env:MASTHEAD_SHARED_MAX_AGE:-30}",
            description = "How long a CDN or caching proxy may keep an anonymous reader page (its s-maxage), 0 to "
                    + Config.MAX_SHARED_MAX_AGE + "; 0 keeps pages out of shared caches (env MASTHEAD_SHARED_MAX_AGE; "
                    + "default ${DEFAULT-VALUE}).")
    int sharedMaxAge;

    @Option(names = "--related-threads", paramLabel = "N", defaultValue = "${env:MASTHEAD_RELATED_THREADS:-half}",
            description = "How many cores the site ranks related-story lists on after its search index is rebuilt "
                    + "(newest stories first, search answering meanwhile): half, or 0 to the number of cores; 0 leaves "
                    + "the lists to a later start with more (env MASTHEAD_RELATED_THREADS; default ${DEFAULT-VALUE}).")
    String relatedThreads;

    /** The configuration these options describe; IllegalArgumentException names a bad value. */
    Config config() {
        boolean cache = switch (pageCache.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--page-cache: give on or off, not " + pageCache);
        };
        int related;
        if (relatedThreads.strip().equalsIgnoreCase("half")) {
            related = Config.HALF_THE_CORES;
        } else {
            try {
                related = Integer.parseInt(relatedThreads.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--related-threads: give half or a number of cores, not " + relatedThreads);
            }
        }
        return new Config(host, port, storage.dataDir, storage.databaseUrl, demo, trustedProxies, baseUrl, cache, sharedMaxAge,
                purgeUrl, related);
    }

    @Override
    public Integer call() throws InterruptedException {
        Config config = config();
        App app = App.create(config).start();
        System.out.println("Masthead is serving at http://localhost:" + app.port() + "/ (data in " + config.dataDir()
                + ", heap up to " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Masthead is stopping; requests in flight may finish.");
            app.close();
            stopped.countDown();
        }, "masthead-shutdown"));
        stopped.await();
        return 0;
    }
}
