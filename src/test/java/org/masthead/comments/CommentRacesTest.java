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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/**
 * Comments sent at the same moment: a double click, a replayed form, one address or one
 * network sending more than its limit at once. Each batch is released together from its
 * own threads and connections; exactly the allowed number must be stored. Each test sends
 * from an email domain and IP networks of its own, so they share one site per database.
 */
class CommentRacesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** One site per database for the class; each test sends from addresses of its own domain and networks. */
    private static final Map<Kind, CommentSite> SITES = new java.util.EnumMap<>(Kind.class);

    private static synchronized CommentSite site(Kind kind) {
        return SITES.computeIfAbsent(kind, HostileCommentsTest::site);
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        SITES.values().forEach(CommentSite::close);
    }

    /** One post: the form, the address it comes from (X-Forwarded-For, the site trusts the loopback proxy). */
    record Post(Map<String, String> form, String address, boolean json) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDoubleClickStoresOneCommentAndAnswersBothWithIt(Kind kind) throws Exception {
        CommentSite site = site(kind);
        Map<String, String> form = site.form("Ada", "ada@click.example", "The pilot boat looks sturdy.");
        List<HttpResponse<String>> answers = fire(site, List.of(new Post(form, "192.0.2.10", false),
                new Post(form, "192.0.2.10", false)));
        assertThat(stored(site, "click.example")).isEqualTo(1);
        long id = storedIds(site, "click.example").getFirst();
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(303);
            assertThat(a.headers().firstValue("location").orElse("")).contains("comment=" + id);
        });

        // The same form again, later, as JSON: the first comment back, and a new token for the next one.
        HttpResponse<String> replay = fire(site, List.of(new Post(form, "192.0.2.10", true))).getFirst();
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).contains("\"id\":" + id).contains("\"token\":");
        assertThat(stored(site, "click.example")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFormThatSentOneCommentRefusesAnotherTextAndKeepsIt(Kind kind) throws Exception {
        CommentSite site = site(kind);
        Map<String, String> form = site.form("Ben", "ben@replay.example", "First thoughts on the launch.");
        assertThat(fire(site, List.of(new Post(form, "192.0.2.11", false))).getFirst().statusCode()).isEqualTo(303);
        Map<String, String> edited = new LinkedHashMap<>(form);
        edited.put("body", "Second thoughts, sent with the same form.");
        HttpResponse<String> again = fire(site, List.of(new Post(edited, "192.0.2.11", false))).getFirst();
        assertThat(again.statusCode()).isEqualTo(409);
        var page = Jsoup.parse(again.body());
        assertThat(page.select(".comment-problem").text()).contains("already sent a comment");
        assertThat(page.select("form.comment-form textarea[name=body]").text())
                .isEqualTo("Second thoughts, sent with the same form.");
        assertThat(page.select("form.comment-form input[name=token]").val()).isNotEqualTo(form.get("token"));
        assertThat(stored(site, "replay.example")).isEqualTo(1);

        // Another reader with the same (cached) form is someone else: stored.
        Map<String, String> other = new LinkedHashMap<>(form);
        other.put("email", "cleo@replay.example");
        other.put("body", "Cleo's words, from the same cached page.");
        assertThat(fire(site, List.of(new Post(other, "192.0.2.12", false))).getFirst().statusCode()).isEqualTo(303);
        assertThat(stored(site, "replay.example")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameTextFromTwoTabsAtOnceIsStoredOnce(Kind kind) throws Exception {
        CommentSite site = site(kind);
        String text = "Two tabs, one opinion about the harbour.";
        List<HttpResponse<String>> answers = fire(site, List.of(
                new Post(site.form("Dee", "dee@tabs.example", text), "192.0.2.13", true),
                new Post(site.form("Dee", "dee@tabs.example", text), "192.0.2.13", true)));
        assertThat(stored(site, "tabs.example")).isEqualTo(1);
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twelvePostsFromOneAddressAtOnceStoreOnlyItsLimit(Kind kind) throws Exception {
        CommentSite site = site(kind);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Different networks, so only the per-address limit applies.
            posts.add(new Post(site.form("Eve", "eve@limit.example", "Comment " + i + " about tides and pilots."),
                    HostileComments.address(100 + i), true));
        }
        List<HttpResponse<String>> answers = fire(site, posts);
        assertThat(stored(site, "limit.example")).isEqualTo(RateSignal.PER_EMAIL);
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).count()).isEqualTo(RateSignal.PER_EMAIL);
        assertThat(answers.stream().filter(a -> a.statusCode() == 429).count()).isEqualTo(12 - RateSignal.PER_EMAIL);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fiftyPostsFromOneNetworkAtOnceStoreOnlyItsLimit(Kind kind) throws Exception {
        CommentSite site = site(kind);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            posts.add(new Post(site.form("Reader " + i, "reader" + i + "@network.example",
                    "Reader " + i + " has a different view of the new pilot boat."), "198.51.100." + (i + 1), false));
        }
        List<HttpResponse<String>> answers = fire(site, posts);
        assertThat(stored(site, "network.example")).isEqualTo(RateSignal.PER_NETWORK);
        assertThat(answers.stream().filter(a -> a.statusCode() == 303).count()).isEqualTo(RateSignal.PER_NETWORK);
        assertThat(answers.stream().filter(a -> a.statusCode() == 429).count()).isEqualTo(50 - RateSignal.PER_NETWORK);
    }

    /** Sends every post at the same moment, each from a thread of its own; the answers in the posts' order. */
    private static List<HttpResponse<String>> fire(CommentSite site, List<Post> posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        try {
            CountDownLatch ready = new CountDownLatch(posts.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (Post post : posts) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app) + "/comments"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", post.address())
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(CommentSite.encode(post.form())));
                if (post.json()) {
                    request.header("Accept", "application/json");
                }
                HttpRequest built = request.build();
                sent.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Comments stored from addresses at {@code domain}. */
    private static int stored(CommentSite site, String domain) {
        return storedIds(site, domain).size();
    }

    private static List<Long> storedIds(CommentSite site, String domain) {
        return site.app.database().read(h -> h.createQuery("select id from comments where author_email like :d order by id")
                .bind("d", "%@" + domain).mapTo(Long.class).list());
    }
}
