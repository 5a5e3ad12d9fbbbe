package org.masthead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;

/**
 * How soon a change committed on one instance shows on another's pages. One instance runs in
 * this JVM (the desk), the other is the jar in a process of its own (the reader), both on one
 * fresh PostgreSQL database. Each round publishes a story on the desk and fetches the reader's
 * home page (which it holds in its page cache) until the headline is there, then edits the
 * newest story's headline and fetches that article until the new one shows. Prints the
 * percentiles of both delays; asserts nothing.
 *
 * <p>Arguments: rounds (default 50), the jar (default target/masthead.jar). The database server is
 * MASTHEAD_TEST_POSTGRES_URL's (or an embedded one).
 */
public final class InstancesBenchmark {
    private InstancesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/masthead.jar");
        String url = TestSites.freshPostgresDatabase();
        Config config = new Config("127.0.0.1", 0, Files.createTempDirectory("masthead-desk-"), url, true);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (App desk = App.create(config).start()) {
            int port = 20_000 + (int) (Math.random() * 20_000);
            // Through the launcher, so the reader runs with the JVM options a site is served with.
            ProcessBuilder launch = new ProcessBuilder("./masthead", "serve", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--database-url", url,
                    "--data-dir", Files.createTempDirectory("masthead-reader-").toString())
                    .redirectErrorStream(true).redirectOutput(Files.createTempFile("masthead-reader-", ".log").toFile());
            launch.environment().put("MASTHEAD_JAR", jar.toAbsolutePath().toString());
            launch.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process reader = launch.start();
            try {
                String base = "http://127.0.0.1:" + port;
                waitFor(http, base + "/healthz");
                ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
                long section = desk.database().read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one());
                List<Double> publishDelays = new ArrayList<>();
                List<Double> editDelays = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    get(http, base + "/"); // the reader's home page, now in its cache
                    String headline = "Round " + round + " of the crossing trial " + System.nanoTime();
                    String slug = "crossing-trial-" + round;
                    long id = desk.database().write(tx -> articles.create(tx, ArticleEdit.of(slug, headline, "A dek.",
                            "A paragraph.", section, ArticleStatus.PUBLISHED, Instant.now().minusSeconds(1)),
                            ArticleEdit.By.SYSTEM));
                    long committed = System.nanoTime();
                    while (!get(http, base + "/").contains(headline)) {
                        Thread.onSpinWait();
                    }
                    publishDelays.add((System.nanoTime() - committed) / 1e6);

                    String articleUrl = com.google.gson.JsonParser.parseString(get(http, TestSites.baseUrl(desk)
                            + "/api/v1/articles/" + id)).getAsJsonObject().get("url").getAsString();
                    String path = URI.create(articleUrl).getRawPath();
                    get(http, base + path); // cached on the reader
                    String edited = headline + " (corrected)";
                    desk.database().write(tx -> {
                        tx.handle().execute("update articles set headline = ?, updated_at = ? where id = ?", edited,
                                System.currentTimeMillis(), id);
                        tx.changed("article", id, org.masthead.db.Change.Kind.UPDATED);
                        return null;
                    });
                    committed = System.nanoTime();
                    while (!get(http, base + path).contains("(corrected)")) {
                        Thread.onSpinWait();
                    }
                    editDelays.add((System.nanoTime() - committed) / 1e6);
                    Thread.sleep(100);
                }
                System.out.printf("%d rounds, PostgreSQL, reader in its own process%n", rounds);
                System.out.println(summary("publish -> reader's home page", publishDelays));
                System.out.println(summary("edit -> reader's cached article", editDelays));
            } finally {
                reader.destroy();
                reader.waitFor();
            }
        }
    }

    private static String summary(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("%-34s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms", what, at(sorted, 0.50),
                at(sorted, 0.95), at(sorted, 0.99), sorted.getLast());
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void waitFor(HttpClient http, String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the reader did not start: " + url);
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
