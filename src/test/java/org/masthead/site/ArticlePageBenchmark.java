package org.masthead.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.masthead.App;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to serve an article page with 50 comments rendered afresh: the site runs with
 * {@code --page-cache off}, so the page is read from SQLite and rendered every time (the HTTP
 * round trip over loopback included), and each request carries a query string of its own, as
 * readers arriving from links do. JMH's sample mode gives the median and the tail; the set-up
 * prints the SQL statements one warm page view runs. A figure, not a test: run it with
 * {@code bench/classify.sh ArticlePageBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ArticlePageBenchmark {
    private App app;
    private HttpClient http;
    private String url;
    private long next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Config config = new Config("127.0.0.1", 0, Files.createTempDirectory("masthead-bench-"), null, false,
                List.of(), null, false);
        app = App.create(config).start();
        ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
        CommentStore comments = new CommentStore(app.database());
        Instant published = Instant.parse("2026-11-20T09:00:00Z");
        app.database().write(tx -> {
            long section = new SectionStore(app.database()).add(tx, "harbour", "Harbour", "Ships and quays.", null, 0);
            StringBuilder body = new StringBuilder();
            for (int p = 1; p <= 12; p++) {
                body.append("Paragraph ").append(p).append(" of the story: the pilot boat left the inner harbour at dawn, ")
                        .append("and the crew spent the morning on trials in the estuary before the council's inspection.\n\n");
            }
            long article = articles.create(tx, ArticleEdit.of("pilot-boat-launched", "Pilot boat launched",
                    "The new boat joins the harbour service next month.", body.toString(), section, ArticleStatus.PUBLISHED,
                    published), ArticleEdit.By.SYSTEM);
            for (int c = 0; c < 50; c++) {
                String text = "Comment " + c + ": the old boat served for thirty years, and the crew deserves a proper send-off."
                        + " See https://example.org/harbour-history for the photographs.";
                comments.add(tx, new NewComment(article, null, "Reader " + c, "reader" + c + "@example.org", "", text, null), 0,
                        CommentStatus.APPROVED, List.of(), 0, CommentGate.fingerprint(text), null, null,
                        published.plusSeconds(60L * (c + 1)));
            }
            return null;
        });
        http = HttpClient.newHttpClient();
        url = "http://127.0.0.1:" + app.port() + "/2026/11/20/pilot-boat-launched?n=";
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(url + "0")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200 || !first.body().contains("Comment 49:")) {
            throw new IllegalStateException("the article page does not show its 50 comments: " + first.statusCode());
        }
        long before = app.database().statements();
        http.send(HttpRequest.newBuilder(URI.create(url + "1")).build(), HttpResponse.BodyHandlers.ofString());
        System.err.println("SQL statements per article page: " + (app.database().statements() - before));
    }

    @Benchmark
    public int uncachedArticleWith50Comments() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + ++next)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body().length;
    }

    @TearDown(Level.Trial)
    public void stop() {
        app.close();
    }
}
