package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.ApiTokenStore;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import org.masthead.config.Config;

/**
 * The shipped deploy/nginx.conf, run by a real nginx as cache and load balancer in front of two
 * instances on one PostgreSQL database: anonymous pages become hits, both instances serve, an
 * edit committed through one instance reaches the cached page within s-maxage (1 s here) and
 * a moment's catch-up, and readers with the site's cookies get their own pages while nothing
 * nginx stores holds one reader's state.
 */
class NginxCacheTest {
    @Test
    void nginxKeepsTheAnonymousPagesAndNothingPersonal() throws Exception {
        Path nginx = nginx();
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Config config = TestSites.config(Kind.POSTGRESQL).withDemo(true).withTrustedProxies(List.of("127.0.0.1"))
                .withBaseUrl(base).withSharedMaxAge(1);
        try (App first = App.create(config).start(); App second = App.create(config.withDemo(false)).start()) {
            Path work = TestSites.tempDir();
            Process process = startNginx(nginx, work, port, first.port(), second.port());
            try {
                check(base, work, first, second);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private void check(String base, Path work, App first, App second) throws Exception {
        // Anonymous readers: the first request fills the cache, the next are hits of the same public page.
        HttpResponse<String> miss = get(base + "/");
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=0, s-maxage=1,");
        assertThat(miss.headers().firstValue("Vary").orElseThrow()).isEqualTo("Accept-Encoding, Sec-GPC");
        assertThat(miss.body()).contains("id=\"consent-banner\"");
        TestSites.eventually("the home page is served from nginx's cache", Duration.ofSeconds(10),
                () -> "HIT".equals(status(get(base + "/"))));
        HttpResponse<String> hit = get(base + "/");
        assertThat(hit.body()).contains("class=\"consent-banner\"");

        long id = first.database().read(h -> h.createQuery("select id from articles where status = 'PUBLISHED'"
                + " order by published_at desc, id desc limit 1").mapTo(Long.class).one());
        String path = URI.create(com.google.gson.JsonParser.parseString(TestSites.get(first, "/api/v1/articles/" + id).body())
                .getAsJsonObject().get("url").getAsString()).getRawPath();
        get(base + path);
        TestSites.eventually("the article is served from nginx's cache", Duration.ofSeconds(10),
                () -> "HIT".equals(status(get(base + path))));

        // Global Privacy Control is a variant of its own, also shared.
        HttpResponse<String> gpc = get(base + "/", "Sec-GPC", "1");
        assertThat(gpc.body()).contains("class=\"consent-gpc\"").doesNotContain("class=\"consent-banner\"");
        TestSites.eventually("the GPC copy is a hit", Duration.ofSeconds(10),
                () -> "HIT".equals(status(get(base + "/", "Sec-GPC", "1"))));
        assertThat(get(base + "/").body()).contains("class=\"consent-banner\"");

        // A reader answers the cookie question without JavaScript: the answer sets the cookie and redirects.
        HttpResponse<String> answer = TestSites.send(HttpRequest.newBuilder(URI.create(base + "/consent"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("choice=none&return=%2F")));
        assertThat(answer.statusCode()).isEqualTo(303);
        String consent = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(consent).startsWith("masthead_consent=");
        // With the cookie (beside an analytics cookie) every request passes the cache and gets a private page without the question.
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> own = get(base + "/", "Cookie", "_ga=GA1.1.123; " + consent);
            assertThat(status(own)).isEqualTo("BYPASS");
            assertThat(own.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
            assertThat(own.body()).doesNotContain("id=\"consent-banner\"");
        }
        // An analytics cookie alone is no reason to pass the cache.
        assertThat(status(get(base + "/", "Cookie", "_ga=GA1.1.123"))).isEqualTo("HIT");
        HttpResponse<String> anonymous = get(base + "/");
        assertThat(status(anonymous)).isEqualTo("HIT");
        assertThat(anonymous.body()).as("the answered page never replaced the shared one").contains("class=\"consent-banner\"");

        // A signed-in newsroom user: reader pages are theirs alone, newsroom pages are never stored.
        UserStore users = new UserStore(first.database());
        User editor = users.add(new UserStore.NewUser("nadia@courier.example", "Nadia Quillfeather", "ADMIN",
                "harbour-lights-42", "harbour-lights-42"));
        SessionStore.Session session = new SessionStore(first.database()).start(editor);
        String sessionCookie = "masthead_session=" + session.token();
        HttpResponse<String> signedIn = get(base + "/", "Cookie", sessionCookie);
        assertThat(status(signedIn)).isEqualTo("BYPASS");
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> desk = get(base + "/newsroom", "Cookie", sessionCookie);
            assertThat(desk.statusCode()).isEqualTo(200);
            assertThat(desk.body()).contains("Nadia Quillfeather").contains(session.csrfToken());
        }
        get(base + "/newsroom/login");
        get(base + "/newsroom/login");

        // Both instances answered (round-robin for misses and bypasses).
        List<String> upstreams = Files.readAllLines(work.resolve("access.log"));
        assertThat(upstreams).anyMatch(line -> line.startsWith("127.0.0.1:" + first.port() + " "))
                .anyMatch(line -> line.startsWith("127.0.0.1:" + second.port() + " "));

        // An edit committed through one instance's API shows through nginx once s-maxage passes.
        String token = first.database().write(tx -> new ApiTokenStore(first.database()).issue(tx, editor.id(), "Wire desk",
                editor)).secret();
        String headline = "Pilot boats return to the outer harbour " + System.nanoTime();
        HttpResponse<String> edited = TestSites.send(first, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(first)
                        + "/api/v1/articles/" + id)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"headline\": \"" + headline + "\"}")));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        TestSites.eventually("the edit shows through nginx", Duration.ofSeconds(20),
                () -> get(base + path).body().contains(headline));
        TestSites.eventually("and is served from the cache again", Duration.ofSeconds(10), () -> {
            HttpResponse<String> again = get(base + path);
            return "HIT".equals(status(again)) && again.body().contains(headline);
        });
        // An API client's read with its token is its own.
        HttpResponse<String> apiRead = get(base + "/api/v1/articles/" + id, "Authorization", "Bearer " + token);
        assertThat(status(apiRead)).isEqualTo("BYPASS");

        // Nothing nginx keeps holds a cookie, the signed-in name or the session's tokens.
        List<String> kept = cachedResponses(work.resolve("cache"));
        assertThat(kept).hasSizeGreaterThanOrEqualTo(3);
        for (String response : kept) {
            assertThat(response).doesNotContainIgnoringCase("Set-Cookie").doesNotContain("Nadia Quillfeather")
                    .doesNotContain(session.csrfToken()).doesNotContain(session.token()).doesNotContain(token)
                    .doesNotContain("Cache-Control: private");
        }
    }

    private static Path nginx() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        TestSites.skipOrFail("The nginx cache test is skipped: nginx is not installed (apt-get install nginx-light)");
        throw new AssertionError("unreachable");
    }

    /** The shipped config with this test's upstreams, port and cache folder, inside a minimal nginx.conf. */
    private static Process startNginx(Path nginx, Path work, int port, int first, int second) throws Exception {
        String shipped = Files.readString(Path.of("deploy/nginx.conf"));
        String site = replace(replace(replace(replace(shipped, "server 127.0.0.1:8081;", "server 127.0.0.1:" + first + ";"),
                "server 127.0.0.1:8082;", "server 127.0.0.1:" + second + ";"),
                "/var/cache/nginx/masthead", work.resolve("cache").toString()), "listen 80;", "listen 127.0.0.1:" + port + ";");
        Files.writeString(work.resolve("masthead.conf"), site);
        String root = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(work.resolve("nginx.conf"), root + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  log_format upstreams '$upstream_addr $upstream_cache_status "$request"';
                  access_log %1$s/access.log upstreams;
                  include %1$s/masthead.conf;
                }
                """.formatted(work));
        Process process = new ProcessBuilder(nginx.toString(), "-p", work.toString(), "-c", work.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(work.resolve("stderr.log").toFile()).start();
        TestSites.eventually("nginx answers (see " + work + "/stderr.log)", Duration.ofSeconds(10), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("nginx stopped: " + read(work.resolve("stderr.log")));
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    private static String replace(String text, String what, String with) {
        assertThat(text).as("deploy/nginx.conf holds " + what).contains(what);
        return text.replace(what, with);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every response in nginx's cache folder: its headers and body (unpacked when gzip). */
    private static List<String> cachedResponses(Path cache) throws IOException {
        List<String> responses = new ArrayList<>();
        try (var files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                int start = text.indexOf("\nKEY: ");
                int end = text.indexOf("\r\n\r\n", start);
                if (start < 0 || end < 0) {
                    continue;
                }
                String headers = text.substring(start, end);
                byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
                if (headers.toLowerCase(java.util.Locale.ROOT).contains("content-encoding: gzip")) {
                    body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
                }
                responses.add(headers + "\n\n" + new String(body, StandardCharsets.UTF_8));
            }
        }
        return responses;
    }

    private static String status(HttpResponse<?> response) {
        return response.headers().firstValue("X-Cache-Status").orElse("");
    }

    private static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestSites.send(request);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
