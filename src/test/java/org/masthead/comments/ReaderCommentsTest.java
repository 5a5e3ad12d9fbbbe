package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.comments.spam.LabeledComment;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.content.SectionStore;

/** Readers' comments over HTTP, on both databases: posting, threads, paging, closing, and bad input. */
class ReaderCommentsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCommentPostedWithoutScriptComesBackPublishedUnderTheArticle(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            // The home page's latest stories are read once and kept; their comment counts are kept apart.
            // A newer story leads, so the commented one is a card there.
            site.publish("harbour-dredging-begins", "Harbour dredging begins", Instant.parse("2026-11-21T09:00:00Z"));
            assertThat(Jsoup.parse(site.get("/").body()).select(".card-headline").text()).contains("Pilot boat launched");
            assertThat(Jsoup.parse(site.get("/").body()).select(".card-comments")).isEmpty();
            HttpResponse<String> posted = site.post(site.form("Mara Quill", "Mara@Example.org",
                    "The new boat looks sturdy.\n\nWill it take passengers? See https://example.org/boats."));
            assertThat(posted.statusCode()).isEqualTo(303);
            String location = posted.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(CommentSite.ARTICLE_URL + "\\?comment=\\d+#comment-\\d+");

            Document page = Jsoup.parse(site.get(location.substring(0, location.indexOf('#'))).body());
            assertThat(page.select(".comment-notice").text()).contains("published");
            Element comment = page.selectFirst("#comments .comment");
            assertThat(comment.select(".comment-author").text()).isEqualTo("Mara Quill");
            assertThat(comment.select(".comment-body p")).hasSize(2);
            Element link = comment.selectFirst(".comment-body a");
            assertThat(link.attr("href")).isEqualTo("https://example.org/boats");
            assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
            assertThat(page.text()).doesNotContain("mara@example.org").doesNotContain("Mara@Example.org");
            assertThat(page.select("#comments-heading").text()).isEqualTo("1 comment");
            assertThat(page.select(".comment-count").text()).contains("1 comment");
            assertThat(page.selectFirst(".comment-privacy a").attr("href")).isEqualTo("/privacy#comments");
            // The count shows in lists too.
            assertThat(Jsoup.parse(site.get("/section/harbour").body()).select(".card-comments").text()).isEqualTo("· 1 comment");
            assertThat(Jsoup.parse(site.get("/").body()).select(".card-comments").text()).isEqualTo("· 1 comment");

            Comment stored = site.comments.approved(site.article).getFirst();
            assertThat(stored.email()).isEqualTo("mara@example.org");
            assertThat(stored.body()).startsWith("The new boat looks sturdy.");
            assertThat(stored.reasons()).isNotEmpty();
            // The permanent address leads to the comment on its page.
            HttpResponse<String> permalink = site.get("/comments/" + stored.id());
            assertThat(permalink.statusCode()).isEqualTo(302);
            assertThat(permalink.headers().firstValue("Location").orElseThrow())
                    .isEqualTo(CommentSite.ARTICLE_URL + "#comment-" + stored.id());
            assertThat(site.get("/comments/999999").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scriptGetsJsonAndRepliesNestToTheConfiguredDepth(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            site.settings(rows -> CommentSite.with(rows, "max_depth", "2"));
            HttpResponse<String> first = site.postJson(site.form("Ines", "ines@example.org", "First!"));
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(first.body()).contains("\"status\":\"published\"").contains("class=\\\"comment\\\"");
            long firstId = Long.parseLong(first.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

            Map<String, String> reply = site.form("Tomas", "tomas@example.org", "A reply to Ines.");
            reply.put("parent", Long.toString(firstId));
            HttpResponse<String> replied = site.postJson(reply);
            assertThat(replied.statusCode()).isEqualTo(201);
            long replyId = Long.parseLong(replied.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            assertThat(site.comments.find(replyId).orElseThrow().depth()).isEqualTo(1);

            // Depth 2 means a reply cannot have a reply: the form comes back with the text.
            Map<String, String> tooDeep = site.form("Ola", "ola@example.org", "Replying to the reply.");
            tooDeep.put("parent", Long.toString(replyId));
            HttpResponse<String> refused = site.post(tooDeep);
            assertThat(refused.statusCode()).isEqualTo(422);
            Document again = Jsoup.parse(refused.body());
            assertThat(again.select(".comment-problem").text()).contains("cannot go deeper");
            assertThat(again.select("#c-body").text()).isEqualTo("Replying to the reply.");
            // It holds what this reader typed: no cache keeps it.
            assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");

            Document page = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            Element parent = page.getElementById("comment-" + firstId);
            assertThat(parent.select(".comment-replies #comment-" + replyId)).hasSize(1);
            assertThat(parent.select("> .comment-reply")).hasSize(1);
            assertThat(page.getElementById("comment-" + replyId).select(".comment-reply")).isEmpty();
            assertThat(page.select("#comments-heading").text()).isEqualTo("2 comments");

            // Replying without script: the page's reply link sets up the form.
            Document replying = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + "?replyto=" + firstId).body());
            assertThat(replying.select("#comment-form-heading").text()).isEqualTo("Reply to Ines");
            assertThat(replying.select("input[name=parent]").val()).isEqualTo(Long.toString(firstId));

            // A reply to a comment that is not shown is refused clearly.
            Map<String, String> orphan = site.form("Ola", "ola@example.org", "To nobody.");
            orphan.put("parent", "987654");
            HttpResponse<String> missing = site.postJson(orphan);
            assertThat(missing.statusCode()).isEqualTo(422);
            assertThat(missing.body()).contains("no longer shown");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void longThreadsArePagedInEitherOrder(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            site.settings(rows -> CommentSite.with(rows, "per_page", "3"));
            for (int i = 1; i <= 7; i++) {
                assertThat(site.postJson(site.form("Reader " + i, "reader" + i + "@example.org",
                        "Comment number " + i + " on the boat.")).statusCode()).isEqualTo(201);
            }
            Document first = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            assertThat(first.select(".comment-author").eachText()).containsExactly("Reader 1", "Reader 2", "Reader 3");
            assertThat(first.select("nav[aria-label='Comment pages']").text()).contains("page 1 of 3");
            Document third = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + "?cpage=3").body());
            assertThat(third.select(".comment-author").eachText()).containsExactly("Reader 7");
            Document newest = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + "?corder=newest").body());
            assertThat(newest.select(".comment-author").eachText()).containsExactly("Reader 7", "Reader 6", "Reader 5");
            assertThat(newest.select(".comment-order").text()).contains("Newest first");

            // A comment on a later page: its permanent address and the post's redirect lead there.
            Comment fifth = site.comments.approved(site.article).get(4);
            assertThat(site.get("/comments/" + fifth.id()).headers().firstValue("Location").orElseThrow())
                    .isEqualTo(CommentSite.ARTICLE_URL + "?cpage=2#comment-" + fifth.id());
            HttpResponse<String> eighth = site.post(site.form("Reader 8", "reader8@example.org", "The eighth."));
            assertThat(eighth.headers().firstValue("Location").orElseThrow()).contains("?cpage=3&comment=");

            site.settings(rows -> CommentSite.with(rows, "newest_first", "true"));
            Document byDefault = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            assertThat(byDefault.select(".comment-author").first().text()).isEqualTo("Reader 8");
            assertThat(site.get(CommentSite.ARTICLE_URL + "?cpage=0").statusCode()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badInputComesBackWithTheTextKept(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            Map<String, String> empty = site.form("", "not-an-address", "   ");
            empty.put("url", "javascript:alert(1)");
            HttpResponse<String> refused = site.post(empty);
            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select("#c-name-error").text()).isEqualTo("Name is required.");
            assertThat(page.select("#c-email-error").text()).contains("email address");
            assertThat(page.select("#c-url-error").text()).contains("http");
            assertThat(page.select("#c-body-error").text()).contains("Write a comment");
            assertThat(page.select("#c-email").val()).isEqualTo("not-an-address");
            assertThat(page.select("#c-name").attr("aria-invalid")).isEqualTo("true");

            String longText = "word ".repeat(1100);
            HttpResponse<String> tooLong = site.post(site.form("Kai", "kai@example.org", longText));
            assertThat(tooLong.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(tooLong.body()).select("#c-body").text()).isEqualTo(longText.strip());
            assertThat(Jsoup.parse(tooLong.body()).select("#c-body-error").text()).contains("at most 5000");

            HttpResponse<String> huge = site.postRaw("article=" + site.article + "&body=" + "x".repeat(70_000), false);
            assertThat(huge.statusCode()).isEqualTo(413);
            HttpResponse<String> latin1 = site.postRaw("article=" + site.article + "&name=Jos%E9&email=j%40example.org&body=Hi",
                    false);
            assertThat(latin1.statusCode()).isEqualTo(400);
            assertThat(latin1.body()).contains("not valid UTF-8");

            Map<String, String> forged = site.form("Kai", "kai@example.org", "Signed by nobody.");
            forged.put("token", site.article + ".1.forged");
            HttpResponse<String> unsigned = site.post(forged);
            assertThat(unsigned.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(unsigned.body()).select("#c-body").text()).isEqualTo("Signed by nobody.");

            HttpResponse<String> noArticle = site.post(Map.of("article", "424242", "name", "A", "email", "a@b.co", "body", "x"));
            assertThat(noArticle.statusCode()).isEqualTo(404);
            assertThat(noArticle.body()).contains("takes no comments");
            assertThat(site.comments.approved(site.article)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void closedArticlesTakeNoCommentsButKeepWhatWasTyped(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            assertThat(site.postJson(site.form("Early", "early@example.org", "Before closing.")).statusCode()).isEqualTo(201);
            site.app.database().write(tx -> tx.handle().execute("update articles set comments = 'closed' where id = ?", site.article));
            // A change, so the cached page is dropped.
            site.app.database().write(tx -> new SectionStore(site.app.database()).add(tx, "weather", "Weather", "Rain.", null, 1));
            HttpResponse<String> closed = site.post(site.form("Late", "late@example.org", "After closing."));
            assertThat(closed.statusCode()).isEqualTo(403);
            Document page = Jsoup.parse(closed.body());
            assertThat(page.select(".comments-closed").text()).isEqualTo("Comments are closed on this article.");
            assertThat(page.select("#c-kept").text()).isEqualTo("After closing.");
            Document shown = Jsoup.parse(site.get(CommentSite.ARTICLE_URL).body());
            assertThat(shown.select(".comment-form")).isEmpty();
            assertThat(shown.select(".comment-author").text()).isEqualTo("Early");
            assertThat(shown.select(".comment-reply")).isEmpty();

            // Closing by age: an article older than the setting takes none either.
            long old = site.publish("old-news", "Old news", Instant.now().minus(java.time.Duration.ofDays(40)));
            site.settings(rows -> CommentSite.with(rows, "close_after_days", "30"));
            Map<String, String> form = site.form("Late", "late@example.org", "On old news.");
            form.put("article", Long.toString(old));
            form.put("token", site.token(old));
            HttpResponse<String> aged = site.postJson(form);
            assertThat(aged.statusCode()).isEqualTo(403);
            assertThat(aged.body()).contains("close 30 days after");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSpamChecksHoldOrCatchAndSayWhy(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            Map<String, String> robot = site.form("Bot", "bot@example.org", "Nice post.");
            robot.put("homepage", "https://cheap.example");
            assertThat(site.post(robot).headers().firstValue("Location").orElseThrow()).endsWith("?comment=held#comment-form");
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("hidden field"));
            assertThat(last(site).status()).isEqualTo(CommentStatus.SPAM);

            site.settings(rows -> CommentSite.with(rows, "min_fill_seconds", "30"));
            site.post(site.form("Quick", "quick@example.org", "Typed in no time at all."));
            assertThat(last(site).status()).isEqualTo(CommentStatus.SPAM);
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("after the form was shown"));
            site.settings(rows -> CommentSite.with(rows, "min_fill_seconds", "0"));

            site.post(site.form("Linker", "linker@example.org",
                    "See https://a.example/1 and https://b.example/2 and https://c.example/3"));
            assertThat(last(site).status()).isEqualTo(CommentStatus.PENDING);
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("3 links (more than 2)"));

            site.app.database().write(tx -> site.comments.addBlock(tx, Block.Kind.DOMAIN, "www.pills.example")
                    && site.comments.addBlock(tx, Block.Kind.WORD, "casino"));
            site.post(site.form("Seller", "seller@example.org", "Visit https://shop.pills.example today"));
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("domain pills.example is blocked"));
            site.post(site.form("Gambler", "gambler@example.org", "Best Casino in town!"));
            assertThat(last(site).status()).isEqualTo(CommentStatus.SPAM);
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("blocked word \"casino\""));

            // The same text twice from one reader is refused; from many addresses it is spam.
            String copy = "Earn money from home with this one simple trick, ask me how";
            assertThat(site.post(site.form("Copy", "copy1@example.org", copy)).statusCode()).isEqualTo(303);
            HttpResponse<String> twice = site.post(site.form("Copy", "copy1@example.org", copy));
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(twice.body()).select(".comment-problem").text()).contains("already posted");
            site.post(site.form("Copy", "copy2@example.org", copy.toUpperCase() + "!!"));
            assertThat(last(site).status()).isEqualTo(CommentStatus.SPAM);
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("same text came from 1 other address"));

            site.settings(rows -> CommentSite.with(rows, "hold_all", "true"));
            site.post(site.form("Calm", "calm@example.org", "A quiet, ordinary remark."));
            assertThat(last(site).status()).isEqualTo(CommentStatus.PENDING);
            assertThat(lastReasons(site)).anyMatch(r -> r.contains("holds every comment"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainedClassifierMarksSpamAndRateLimitsApply(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            SpamClassifier classifier = site.app.spamClassifier();
            List<LabeledComment> lessons = new java.util.ArrayList<>();
            for (int i = 0; i < 15; i++) {
                lessons.add(new LabeledComment("subscribe to my channel for free gift cards http://win" + i + ".example", true));
                lessons.add(new LabeledComment("the harbour committee met on tuesday about ferry number " + i, false));
            }
            classifier.learnAll(lessons);
            site.post(site.form("Promo", "promo@example.org", "subscribe to my channel, free gift cards"));
            assertThat(last(site).status()).isEqualTo(CommentStatus.SPAM);
            assertThat(lastReasons(site)).anyMatch(r -> r.startsWith("spam filter: probability"));

            for (int i = 0; i < CommentGate.PER_EMAIL; i++) {
                site.post(site.form("Chatty", "chatty@example.org", "Remark number " + i + " about the ferry timetable."));
            }
            HttpResponse<String> limited = site.post(site.form("Chatty", "chatty@example.org", "One remark too many."));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(limited.body()).select("#c-body").text()).isEqualTo("One remark too many.");
            assertThat(site.comments.approved(site.article).stream().map(Comment::body)).doesNotContain("One remark too many.");
        }
    }

    private static Comment last(CommentSite site) {
        long id = site.app.database().read(h -> h.createQuery("select max(id) from comments").mapTo(Long.class).one());
        return site.comments.find(id).orElseThrow();
    }

    private static List<String> lastReasons(CommentSite site) {
        return last(site).reasons();
    }
}
