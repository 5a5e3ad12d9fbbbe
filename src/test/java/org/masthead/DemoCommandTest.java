package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.config.Config;

/**
 * {@code masthead demo generate} grows a demo site with distinct, published, sectioned stories,
 * and with approved reader comments that readers see under them.
 */
class DemoCommandTest {

    @Test
    void generateAddsPublishedStoriesInTheDemoSections() {
        Config config = TestSites.config(TestSites.Kind.SQLITE).withDemo(true);
        long before;
        try (App app = App.create(config)) {
            before = count(app);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "generate", "--articles", "120",
                "--data-dir", config.dataDir().toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Added 120 articles in ");
        assertThat(err.toString()).contains("generating [").contains("100% 120/120");
        try (App app = App.create(config.withDemo(false))) {
            assertThat(count(app)).isEqualTo(before + 120);
            List<String> headlines = app.database().read(h -> h.createQuery(
                    "select headline from articles where slug like 'generated-%'").mapTo(String.class).list());
            assertThat(headlines).hasSize(120).doesNotHaveDuplicates();
            long bylined = app.database().read(h -> h.createQuery("""
                    select count(distinct a.id) from articles a join article_authors aa on aa.article_id = a.id
                    where a.slug like 'generated-%'""").mapTo(Long.class).one());
            assertThat(bylined).isGreaterThan(100);
        }
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "demo", "generate",
                "--articles", "0", "--data-dir", config.dataDir().toString())).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestSites.Kind.class)
    void generatedCommentsAreApprovedThreadsReadersSeeAfterEachStoryWasPublished(TestSites.Kind kind) {
        Config config = TestSites.config(kind).withDemo(true);
        long before;
        long lastId;
        try (App app = App.create(config)) {
            before = approved(app);
            lastId = app.database().read(h -> h.createQuery("select max(id) from comments").mapTo(Long.class).one());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(generate(config, out, err, "--articles", "30", "--comments", "400")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Added 30 articles in ").contains("Added 400 comments in ");
        assertThat(err.toString()).contains("100% 400/400 comments");

        try (App app = App.create(config.withDemo(false)).start()) {
            assertThat(approved(app)).isEqualTo(before + 400);
            List<Map<String, Object>> added = app.database().read(h -> h.createQuery("""
                    select c.id, c.article_id, c.parent_id, c.created_at, a.published_at from comments c
                    join articles a on a.id = c.article_id where c.id > :last""")
                    .bind("last", lastId).mapToMap().list());
            assertThat(added).hasSize(400).allSatisfy(row -> {
                assertThat(number(row, "created_at")).isGreaterThan(number(row, "published_at"))
                        .isLessThanOrEqualTo(Instant.now().toEpochMilli());
            });
            assertThat(added.stream().map(row -> number(row, "article_id")).distinct().count())
                    .as("spread over many stories").isGreaterThan(20);
            CommentStore store = new CommentStore(app.database());
            List<Comment> replies = new ArrayList<>();
            for (Map<String, Object> row : added) {
                Comment comment = store.find(number(row, "id")).orElseThrow();
                assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
                assertThat(comment.body()).isNotBlank();
                if (comment.parentId() != null) {
                    replies.add(comment);
                    Comment parent = store.find(comment.parentId()).orElseThrow();
                    assertThat(parent.articleId()).isEqualTo(comment.articleId());
                    assertThat(parent.createdAt()).isBeforeOrEqualTo(comment.createdAt());
                    assertThat(comment.depth()).isEqualTo(parent.depth() + 1)
                            .isLessThan(store.settings().maxDepth());
                }
            }
            assertThat(replies).as("some comments answer earlier ones").isNotEmpty();

            // A reply's permalink leads to its story's page, which shows it under its parent, and the story's count.
            Comment reply = replies.getFirst();
            HttpResponse<String> permalink = TestSites.get(app, "/comments/" + reply.id());
            assertThat(permalink.statusCode()).isEqualTo(302);
            String location = permalink.headers().firstValue("location").orElseThrow();
            Document page = Jsoup.parse(TestSites.get(app, location.substring(0, location.indexOf('#'))).body());
            assertThat(page.select("#" + reply.anchor() + " .comment-body").text()).isNotBlank();
            assertThat(page.select("#comment-" + reply.parentId() + " .comment-replies #" + reply.anchor())).hasSize(1);
            int shown = store.approved(reply.articleId()).size();
            assertThat(page.select(".comment-count").text()).isEqualTo("· " + shown + " comment" + (shown == 1 ? "" : "s"));
        }

        StringWriter refused = new StringWriter();
        assertThat(generate(config, new StringWriter(), refused, "--comments", "-1")).isEqualTo(2);
        assertThat(refused.toString()).contains("--comments must be 0 or more, got -1");
        StringWriter neither = new StringWriter();
        assertThat(generate(config, new StringWriter(), neither)).isEqualTo(2);
        assertThat(neither.toString()).contains("nothing to add: give --articles N, --comments N or both");
    }

    private static int generate(Config config, StringWriter out, StringWriter err, String... options) {
        List<String> args = new ArrayList<>(List.of("demo", "generate"));
        args.addAll(List.of(options));
        args.addAll(List.of("--data-dir", config.dataDir().toString()));
        if (config.databaseUrl() != null) {
            args.addAll(List.of("--database-url", config.databaseUrl()));
        }
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static long approved(App app) {
        return app.database().read(h -> h.createQuery("select count(*) from comments where status = 'APPROVED'")
                .mapTo(Long.class).one());
    }

    private static long count(App app) {
        return app.database().read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
    }
}
