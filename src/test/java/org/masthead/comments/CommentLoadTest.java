package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/**
 * Eight readers post comments at once, each the way a browser does (load the article, take
 * the form's token, post), while four others keep reading the article. Each post comes
 * from its own address through the trusted proxy and with its own email, as from many
 * readers, so the rate limits are not what is measured. Every comment answered with success
 * is stored exactly once, and every one answered with an error is not stored at all.
 */
class CommentLoadTest {
    private static final int WRITERS = 8;
    private static final int READERS = 4;
    private static final int PER_WRITER = 25;
    private static final Pattern PUBLISHED = Pattern.compile("[?&]comment=(\\d+)#comment-\\1$");

    /** One post and what the site answered: the id it gave, or none. */
    record Posted(String body, int status, long id) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentPostsAreStoredExactlyOnceAndReadersAreServed(Kind kind) throws Exception {
        try (CommentSite site = HostileCommentsTest.site(kind)) {
            ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> readFailures = new ConcurrentLinkedQueue<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            List<Callable<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(() -> read(site, writing, readFailures));
            }
            List<Future<Integer>> reads = readers.stream().map(pool::submit).toList();
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(() -> {
                    write(site, writer, posted);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
            writing.set(false);
            int pagesRead = 0;
            for (Future<Integer> done : reads) {
                pagesRead += done.get();
            }
            pool.shutdown();

            assertThat(posted).hasSize(WRITERS * PER_WRITER);
            assertThat(readFailures).isEmpty();
            assertThat(pagesRead).isGreaterThan(READERS);
            Map<String, Integer> stored = new LinkedHashMap<>();
            Map<String, Long> ids = new LinkedHashMap<>();
            site.app.database().read(h -> h.createQuery("select id, body from comments").map((rs, ctx) -> {
                stored.merge(rs.getString("body"), 1, Integer::sum);
                ids.put(rs.getString("body"), rs.getLong("id"));
                return null;
            }).list());
            int succeeded = 0;
            for (Posted p : posted) {
                if (p.status() == 303) {
                    succeeded++;
                    assertThat(stored.get(p.body())).as(p.body()).isEqualTo(1);
                    assertThat(ids.get(p.body())).as(p.body()).isEqualTo(p.id());
                } else {
                    assertThat(stored).as(p.body() + " answered " + p.status()).doesNotContainKey(p.body());
                }
            }
            assertThat(stored.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(succeeded);
            // Nothing in this run is a reason to refuse a comment, so every post succeeds.
            assertThat(posted).allSatisfy(p -> assertThat(p.status()).as(p.body()).isEqualTo(303));
            Document page = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            assertThat(page.select("#comments-heading").text()).isEqualTo(succeeded + " comments");
        }
    }

    private static void write(CommentSite site, int writer, ConcurrentLinkedQueue<Posted> posted) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < PER_WRITER; i++) {
            int client = writer * PER_WRITER + i;
            String address = HostileComments.address(client);
            Document article = Jsoup.parse(send(http, request(site, CommentSite.ARTICLE_URL, address).GET()).body());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("article", article.selectFirst("form.comment-form input[name=article]").val());
            form.put("parent", "");
            form.put("token", article.selectFirst("form.comment-form input[name=token]").val());
            form.put("homepage", "");
            form.put("name", "Writer " + writer);
            form.put("email", "writer" + writer + "-" + i + "@example.org");
            form.put("url", "");
            form.put("body", "Load comment " + i + " from writer " + writer + ", " + java.util.UUID.randomUUID() + ".");
            HttpResponse<String> answer = send(http, request(site, "/comments", address)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(CommentSite.encode(form))));
            long id = 0;
            if (answer.statusCode() == 303) {
                Matcher m = PUBLISHED.matcher(answer.headers().firstValue("location").orElse(""));
                id = m.find() ? Long.parseLong(m.group(1)) : -1;
            }
            posted.add(new Posted(form.get("body"), answer.statusCode(), id));
        }
    }

    private static int read(CommentSite site, AtomicBoolean writing, ConcurrentLinkedQueue<String> failures) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int pages = 0;
        while (writing.get()) {
            HttpResponse<String> page = send(http, request(site, CommentSite.ARTICLE_URL, "192.0.2.1").GET());
            if (page.statusCode() != 200 || !page.body().contains("id=\"comments\"")) {
                failures.add(page.statusCode() + " " + page.body().substring(0, Math.min(200, page.body().length())));
            }
            pages++;
        }
        return pages;
    }

    private static HttpRequest.Builder request(CommentSite site, String path, String address) {
        return HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app) + path)).header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
