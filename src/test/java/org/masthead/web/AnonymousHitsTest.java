package org.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;

/**
 * Kept pages answered ahead of the routes, for readers without cookies, on the demo site: each
 * answer is the one the routes give a reader whose request differs only by a cookie the site
 * does not know (status, every header but Date, and the bytes), and every request the shortcut
 * must not judge still goes to the routes.
 */
class AnonymousHitsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static App app;
    private static String article;

    @BeforeAll
    static void start() {
        app = App.create(TestSites.config(TestSites.Kind.SQLITE).withDemo(true).withPort(0)).start();
        app.searchIndex().awaitIdle();
        String home = TestSites.get(app, "/").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/20\\d\\d/\\d\\d/\\d\\d/[a-z0-9-]+)\"")
                .matcher(home);
        assertThat(link.find()).as("an article link on the home page").isTrue();
        article = link.group(1);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void answersKeptPagesAsTheRoutesAnswerThem() {
        same(article, r -> r);
        same(article, r -> r.header("Accept-Encoding", "gzip"));
        same(article, r -> r.header("Sec-GPC", "1").header("Accept-Encoding", "gzip"));
        same(article, r -> r.method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "gzip"));
        same("/?utm_source=newsletter&utm_medium=email", r -> r.header("Accept-Encoding", "gzip, br"));
        same("/rss.xml", r -> r);
        String etag = send(article, r -> r.header("Accept-Encoding", "gzip")).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = same(article, r -> r.header("Accept-Encoding", "gzip")
                .header("If-None-Match", "\"other\", " + etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void leavesOtherRequestsToTheRoutes() {
        send(article, r -> r);
        long before = app.anonymousHits();
        for (UnaryOperator<HttpRequest.Builder> request : List.<UnaryOperator<HttpRequest.Builder>>of(
                r -> r.header("Cookie", "masthead_consent=x"),
                r -> r.header("Authorization", "Bearer nothing"),
                r -> r.header("X-Forwarded-For", "192.0.2.7"),
                r -> r.header("X-Forwarded-Proto", "https"),
                r -> r.header("Accept-Encoding", "identity;q=0, gzip;q=0"))) {
            send(article, request);
        }
        send(article.replace("-", "%2D"), r -> r);
        send("/?p=1", r -> r);
        send("/?p=1", r -> r);
        assertThat(app.anonymousHits()).isEqualTo(before);
    }

    /**
     * Sends {@code request} for {@code path} until the routes (with an unknown cookie) and the
     * shortcut both answer it from the cache, and checks they answered alike; returns the shortcut's answer.
     */
    private static HttpResponse<byte[]> same(String path, UnaryOperator<HttpRequest.Builder> request) {
        for (int attempt = 0; ; attempt++) {
            send(path, request);
            HttpResponse<byte[]> routes = send(path, r -> request.apply(r).header("Cookie", "elsewhere=1"));
            long before = app.anonymousHits();
            HttpResponse<byte[]> shortcut = send(path, request);
            boolean bothHits = "hit".equals(routes.headers().firstValue("X-Cache").orElse(""))
                    && "hit".equals(shortcut.headers().firstValue("X-Cache").orElse(""));
            if (!bothHits && attempt < 5) {
                continue; // a change dropped the page in between (the demo settles as it starts): ask again
            }
            assertThat(app.anonymousHits()).as(path + " answered ahead of the routes").isEqualTo(before + 1);
            assertThat(shortcut.statusCode()).isEqualTo(routes.statusCode());
            assertThat(withoutDate(shortcut.headers())).as(path).isEqualTo(withoutDate(routes.headers()));
            assertThat(shortcut.body()).isEqualTo(routes.body());
            return shortcut;
        }
    }

    private static Map<String, List<String>> withoutDate(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Date")) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    private static HttpResponse<byte[]> send(String path, UnaryOperator<HttpRequest.Builder> request) {
        try {
            return HTTP.send(request.apply(HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + path))
                    .timeout(Duration.ofSeconds(20))).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
