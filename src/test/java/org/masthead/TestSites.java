package org.masthead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.masthead.config.Config;

/**
 * The real site, started once per test run and database kind on a random port with the
 * demo content: SQLite in a fresh temporary folder, and PostgreSQL in a fresh database
 * created on the server named by MASTHEAD_TEST_POSTGRES_URL, or on an embedded one when unset.
 */
public final class TestSites {
    public enum Kind { SQLITE, POSTGRESQL }

    private static final Map<Kind, App> RUNNING = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestSites() {
    }

    /** The running demo site on that database; starts it on first use. */
    public static synchronized App demo(Kind kind) {
        return RUNNING.computeIfAbsent(kind, k -> {
            App app = App.create(config(k).withDemo(true).withPort(0)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
            return app;
        });
    }

    /** A config for a new, empty site of that kind: its own folder and, for PostgreSQL, its own database. */
    public static Config config(Kind kind) {
        Path dir = tempDir();
        Config config = new Config("127.0.0.1", 0, dir, null, false);
        return kind == Kind.POSTGRESQL ? config.withDatabaseUrl(freshPostgresDatabase()) : config;
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("masthead-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether tests must fail rather than skip when a tool or data set is missing (CI sets it). */
    public static boolean requireAll() {
        return "1".equals(System.getenv("MASTHEAD_TEST_REQUIRE_ALL"));
    }

    /**
     * Skips the calling test with a reason, or fails it when everything is required. The
     * reason is also noted in the file named by the system property masthead.test.skips,
     * so that ./masthead test can end with one line per reason rather than a test count.
     */
    public static void skipOrFail(String reason) {
        if (requireAll()) {
            Assertions.fail(reason + " (MASTHEAD_TEST_REQUIRE_ALL=1 requires it)");
        }
        noteSkip(reason);
        Assumptions.abort(reason);
    }

    private static synchronized void noteSkip(String reason) {
        String file = System.getProperty("masthead.test.skips");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), reason.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not note a skipped test in " + file + ": " + e.getMessage());
        }
    }

    static String freshPostgresDatabase() {
        String base = TestPostgres.serverUrl();
        String name = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(base); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + base + ": " + e.getMessage(), e);
        }
        if (TestPostgres.external()) {
            // The embedded server goes with all its databases; a shared one keeps what is not dropped.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(base, name)));
        }
        URI uri = URI.create(base.substring("jdbc:".length()));
        String path = uri.getRawPath();
        return base.replaceFirst(java.util.regex.Pattern.quote(path) + "(?=\\?|$)", "/" + name);
    }

    private static void dropDatabase(String base, String name) {
        try (var connection = DriverManager.getConnection(base); var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Waits, checking every 50 ms, until {@code condition} holds; fails saying {@code what} when {@code limit} passes first. */
    public static void eventually(String what, Duration limit, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static String baseUrl(App app) {
        return "http://127.0.0.1:" + app.port();
    }

    public static HttpResponse<String> get(App app, String path) {
        return send(app, HttpRequest.newBuilder(URI.create(baseUrl(app) + path)).GET());
    }

    /** A request with no body and these headers (name, value, ...), its answer read as bytes (gzip left as it came). */
    public static HttpResponse<byte[]> bytes(App app, String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(app) + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(App app, HttpRequest.Builder request) {
        return send(request);
    }

    /** Sends {@code request} with the tests' client and a 20-second timeout, its body read as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
