package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masthead.config.Config;

/**
 * The database goes away and comes back: a PostgreSQL server of this test's own (embedded,
 * so stopping it disturbs nobody else) is stopped and started again under a running site.
 * While it is away, pages already cached are served, others answer 503 with Retry-After
 * quickly (JSON to JSON clients), /healthz says what is wrong; no request gets a 500, and
 * the site recovers by itself once the server is back.
 */
class DatabaseOutageTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theSiteAnswersClearlyWhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
        Path data = TestSites.tempDir().resolve("pgdata");
        int port = freePort();
        EmbeddedPostgres server = start(data, port);
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("create database outage");
        }
        String url = "jdbc:postgresql://localhost:" + port + "/outage?user=postgres";
        // An empty site: its home page reads settings, sections and articles like any other.
        Config config = new Config("127.0.0.1", 0, TestSites.tempDir(), url, false).withPort(0);
        try (App app = App.create(config).start()) {
            String base = TestSites.baseUrl(app);
            assertThat(get(base + "/", false).statusCode()).isEqualTo(200);
            assertThat(get(base + "/healthz", false).body()).isEqualTo("ok\n");

            // Readers keep asking for pages the cache cannot have (a new query string each time), each read
            // from the database (a writer nobody has written: 404 while the database answers).
            Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger n = new AtomicInteger();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            for (int r = 0; r < 4; r++) {
                readers.submit(() -> {
                    while (reading.get()) {
                        int status = get(base + "/author/nobody?reader=" + n.incrementAndGet(), false).statusCode();
                        seen.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(500);
            server.close();

            // A writer's page is looked up in the database on each render (the home page of this empty site
            // is not: what it shows is kept in memory, which is current while nothing can commit).
            long asked = System.nanoTime();
            HttpResponse<String> uncached = get(base + "/author/nobody?while=away", false);
            long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
            assertThat(uncached.statusCode()).isEqualTo(503);
            assertThat(uncached.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(uncached.body()).contains("cannot reach its database");
            assertThat(waitedMillis).as("answered without waiting long for a connection").isLessThan(10_000);
            assertThat(get(base + "/", false).statusCode()).as("the cached home page is still served").isEqualTo(200);
            HttpResponse<String> json = get(base + "/author/nobody?json=1", true);
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json.body()).contains("\"message\"");
            // A crowd at once: each answered 503 straight away instead of waiting for a connection in turn.
            ExecutorService crowd = Executors.newFixedThreadPool(100);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int c = i;
                statuses.add(crowd.submit(() -> get(base + "/author/nobody?crowd=" + c, false).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(503);
            }
            crowd.shutdown();
            HttpResponse<String> health = get(base + "/healthz", false);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("database unavailable: ");

            server = start(data, port);
            TestSites.eventually("the site recovered within 15 s of the database's return", Duration.ofSeconds(15),
                    () -> get(base + "/author/nobody?after=" + n.incrementAndGet(), false).statusCode() == 404);
            Thread.sleep(1_000);
            reading.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(seen.keySet()).as("statuses readers saw: " + seen).containsOnly(404, 503);
            assertThat(get(base + "/healthz", false).body()).isEqualTo("ok\n");
        } finally {
            server.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(true).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url, boolean json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (json) {
            request.header("Accept", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
