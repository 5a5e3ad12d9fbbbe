package org.masthead.feeds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.media.MediaStore;
import org.masthead.content.SectionStore;

/**
 * How long a large site takes to write its feeds and sitemaps: fills a fresh site with N
 * published articles (default 100,000; a section, a writer and a picture each), then fetches each
 * feed and sitemap over HTTP, missing the page cache every time, and prints the median time and
 * size of each. A figure, not a test: run it with bench/feeds.sh [N] [sqlite|postgresql].
 */
public final class FeedBenchmark {
    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        TestSites.Kind kind = args.length > 1 && args[1].equals("postgresql") ? TestSites.Kind.POSTGRESQL : TestSites.Kind.SQLITE;
        Config config = TestSites.config(kind);
        try (App app = App.create(config).start()) {
            long started = System.nanoTime();
            fill(app, count);
            System.out.printf("filled %,d articles on %s in %.1f s%n", count, kind, (System.nanoTime() - started) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            List<String> paths = new ArrayList<>(List.of("/rss.xml", "/atom.xml", "/section/news/atom.xml",
                    "/author/bench-writer/rss.xml", "/sitemap.xml", "/sitemaps/lists.xml", "/sitemaps/news.xml"));
            for (int i = 1; (long) (i - 1) * SitemapRoutes.URLS_PER_SITEMAP < count; i++) {
                paths.add("/sitemaps/articles-" + i + ".xml");
            }
            System.out.printf("%-32s %10s %12s%n", "address", "median ms", "bytes");
            int miss = 0;
            for (String path : paths) {
                List<Double> times = new ArrayList<>();
                long bytes = 0;
                for (int run = 0; run < RUNS + 2; run++) {
                    // A query string of its own misses the page cache: every run writes the document again.
                    URI uri = URI.create(base + path + "?bench=" + (++miss));
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    bytes = response.body().length;
                    if (run >= 2) {
                        times.add(ms); // the first two warm the JIT and the database's cache
                    }
                }
                Collections.sort(times);
                System.out.printf("%-32s %10.1f %,12d%n", path, times.get(times.size() / 2), bytes);
            }
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap in use after the runs: %,d MB of %,d MB at most%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), runtime.maxMemory() / (1024 * 1024));
        }
    }

    /** N articles through the same store the newsroom uses, in transactions of 1,000. */
    private static void fill(App app, int count) {
        Markdown markdown = new Markdown(url -> Optional.empty());
        ArticleStore articles = new ArticleStore(markdown);
        long[] ids = app.database().write(tx -> new long[] {
                new SectionStore(app.database()).add(tx, "news", "News", "", null, 1),
                new AuthorStore(markdown).add(tx, "bench-writer", "Bench Writer", "Reporter", "", null),
                new MediaStore(app.database()).add(tx, "bench/picture.jpg", "image/jpeg", 1600, 900, List.of(480, 960, 1600),
                        "A picture", "", "", null)});
        Instant now = Instant.now();
        String body = "A paragraph of the story, long enough to be a paragraph. ".repeat(8) + "\n\nAnother paragraph.";
        for (int start = 0; start < count; start += 1_000) {
            int from = start;
            app.database().write(tx -> {
                for (int i = from; i < Math.min(count, from + 1_000); i++) {
                    articles.create(tx, ArticleEdit.of("story-" + i, "Story number " + i, "What happened in story " + i,
                                    body, ids[0], ArticleStatus.PUBLISHED, now.minusSeconds((long) (count - i) * 60))
                            .withByline(List.of(ids[1])).withImage(ids[2]), ArticleEdit.By.SYSTEM);
                }
                return null;
            });
        }
    }
}
