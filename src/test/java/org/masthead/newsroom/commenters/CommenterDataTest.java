package org.masthead.newsroom.commenters;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.comments.Comment;
import org.masthead.comments.SeededSite;
import org.masthead.comments.CommentStatus;
import org.masthead.content.ArticleStatus;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.site.HtmlValidityTest;

/** Editors find a commenter's comments by email, hand them over as JSON, and erase or anonymise them on request. */
class CommenterDataTest {
    private static final String ANA = "ana.lind@example.org";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editorsFindEveryCommentOfAnAddressAndDownloadThem(Kind kind) {
        try (SeededSite site = new SeededSite(kind)) {
            long harbour = site.article("harbour-opens");
            long draft = site.article("budget-draft", ArticleStatus.DRAFT, null);
            Comment published = site.comment(harbour, null, "Ana Lind", ANA, "The ferry times changed again.\n\nWhy?",
                    CommentStatus.APPROVED, "203.0.113.7");
            site.app.database().write(tx -> tx.handle().execute(
                    "update comments set author_url = 'https://ana.example/' where id = ?", published.id()));
            Comment held = site.comment(draft, null, "Ana", ANA, "Held for a moderator", CommentStatus.PENDING, "203.0.113.8");
            Comment spam = site.comment(harbour, published, "Ana L", ANA, "Buy cheap ferry tickets", CommentStatus.SPAM, null);
            site.comment(harbour, published, "bo@example.org", "Not Ana's comment");

            assertThat(site.signedIn(Role.AUTHOR).get("/newsroom/commenters").statusCode()).isEqualTo(403);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(editor.page("/newsroom").select("nav a").eachText()).contains("Commenters");
            Document page = editor.page("/newsroom/commenters?email=%20Ana.Lind@EXAMPLE.org%20");
            assertThat(page.select("h2").text()).isEqualTo("3 comments from " + ANA);
            assertThat(page.select("tbody tr")).hasSize(3);
            assertThat(page.select("tbody").text()).doesNotContain("Not Ana's comment")
                    .contains("Headline harbour-opens", "Headline budget-draft", "Approved", "Pending", "Spam",
                            "https://ana.example/", "203.0.113.7", "dropped");
            String articleUrl = harbourUrl(editor, published);
            assertThat(row(page, held).selectFirst("a").attr("href")).isEqualTo("/newsroom/articles/" + draft);
            assertThat(row(page, spam).selectFirst("a").attr("href")).isEqualTo(articleUrl);
            assertThat(articleUrl).matches("/\\d{4}/\\d\\d/\\d\\d/harbour-opens");

            String download = page.selectFirst("a[download]").attr("href");
            HttpResponse<String> file = editor.get(download);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(file.headers().firstValue("content-disposition"))
                    .hasValue("attachment; filename=\"comments-ana.lind-example.org.json\"");
            JsonObject json = JsonParser.parseString(file.body()).getAsJsonObject();
            assertThat(json.get("email").getAsString()).isEqualTo(ANA);
            JsonArray all = json.getAsJsonArray("comments");
            assertThat(all).hasSize(3);
            JsonObject first = byId(all, published.id());
            assertThat(first.get("name").getAsString()).isEqualTo("Ana Lind");
            assertThat(first.get("email").getAsString()).isEqualTo(ANA);
            assertThat(first.get("website").getAsString()).isEqualTo("https://ana.example/");
            assertThat(first.get("text").getAsString()).isEqualTo("The ferry times changed again.\n\nWhy?");
            assertThat(first.get("status").getAsString()).isEqualTo("approved");
            assertThat(first.get("ip").getAsString()).isEqualTo("203.0.113.7");
            assertThat(Instant.parse(first.get("postedAt").getAsString())).isEqualTo(published.createdAt());
            assertThat(first.getAsJsonObject("article").get("url").getAsString())
                    .isEqualTo("http://127.0.0.1:" + site.app.port() + articleUrl);
            assertThat(first.has("inReplyTo")).isFalse();
            JsonObject reply = byId(all, spam.id());
            assertThat(reply.get("inReplyTo").getAsLong()).isEqualTo(published.id());
            assertThat(reply.get("status").getAsString()).isEqualTo("spam");
            assertThat(reply.has("ip")).isFalse();
            assertThat(byId(all, held.id()).getAsJsonObject("article").has("url")).isFalse();
            assertThat(byId(all, held.id()).getAsJsonObject("article").get("headline").getAsString())
                    .isEqualTo("Headline budget-draft");

            AuditStore.Entry logged = site.audit().getFirst();
            assertThat(logged.action()).isEqualTo("commenters.export");
            assertThat(logged.detail()).isEqualTo("3 comment(s)");
            assertThat(logged.target()).isEqualTo("commenter a…@example.org");
            assertThat(editor.page("/newsroom/commenters?email=nobody@example.org").select("main").text())
                    .contains("No comments were sent from “nobody@example.org”.");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anonymisingKeepsTheTextAndDropsWhoWroteIt(Kind kind) {
        try (SeededSite site = new SeededSite(kind)) {
            long article = site.article("harbour-opens");
            Comment first = site.comment(article, null, "Ana Lind", ANA, "First thought", CommentStatus.APPROVED, "203.0.113.7");
            Comment second = site.comment(article, first, "Ana Lind", ANA, "Second thought", CommentStatus.PENDING, "203.0.113.7");
            Comment other = site.comment(article, first, "bo@example.org", "A reply by Bo");
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            HttpResponse<String> asked = editor.submit("/newsroom/commenters?email=" + ANA, "/newsroom/commenters/anonymise",
                    Map.of("email", ANA));
            assertThat(asked.statusCode()).isEqualTo(200);
            Document confirm = Jsoup.parse(asked.body());
            assertThat(confirm.select(".nr-question").text()).isEqualTo("Anonymise 2 comments sent from " + ANA + "?");
            assertThat(site.comments.find(first.id()).orElseThrow().name()).isEqualTo("Ana Lind"); // nothing yet

            HttpResponse<String> done = editor.post("/newsroom/commenters/anonymise", fields(confirm.selectFirst("main form")));
            assertThat(done.statusCode()).isEqualTo(303);
            String location = done.headers().firstValue("location").orElseThrow();
            assertThat(editor.page(location).select(".nr-notice").text()).isEqualTo("2 comments anonymised.");
            for (Comment before : List.of(first, second)) {
                Comment after = site.comments.find(before.id()).orElseThrow();
                assertThat(after.name()).isEqualTo("Anonymous");
                assertThat(after.email()).isEmpty();
                assertThat(after.url()).isEmpty();
                assertThat(after.ip()).isNull();
                assertThat(after.body()).isEqualTo(before.body());
                assertThat(after.status()).isEqualTo(before.status());
                assertThat(after.parentId()).isEqualTo(before.parentId());
            }
            assertThat(networkOf(site, first.id())).isNull();
            assertThat(site.comments.find(other.id()).orElseThrow()).isEqualTo(other);
            AuditStore.Entry logged = site.audit().getFirst();
            assertThat(logged.action()).isEqualTo("commenters.anonymise");
            assertThat(logged.target() + logged.detail()).doesNotContain(ANA).contains("2 comment(s)");
            assertThat(editor.page("/newsroom/commenters?email=" + ANA).select("main").text()).contains("No comments were sent");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void erasingDeletesTheCommentsAndMovesOthersRepliesUp(Kind kind) throws Exception {
        try (SeededSite site = new SeededSite(kind)) {
            long article = site.article("harbour-opens");
            Comment t1 = site.comment(article, null, ANA, "Ana starts a thread");
            Comment t2 = site.comment(article, t1, "bo@example.org", "Bo answers Ana");
            Comment t3 = site.comment(article, t2, ANA, "Ana answers Bo");
            Comment t4 = site.comment(article, t3, "cy@example.org", "Cy answers Ana");
            Comment t5 = site.comment(article, null, ANA, "Ana starts another");
            Comment t6 = site.comment(article, t5, ANA, "Ana adds to it");
            Comment t7 = site.comment(article, t6, "bo@example.org", "Bo answers that");
            Comment elsewhere = site.comment(site.article("other-story"), null, "cy@example.org", "Cy elsewhere");
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            HttpResponse<String> asked = editor.submit("/newsroom/commenters?email=" + ANA, "/newsroom/commenters/erase",
                    Map.of("email", ANA));
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(HtmlValidityTest.errors(asked.body())).isEmpty();
            assertThat(HtmlValidityTest.errors(editor.get("/newsroom/commenters?email=" + ANA).body())).isEmpty();
            Document confirm = Jsoup.parse(asked.body());
            assertThat(confirm.select(".nr-question").text()).isEqualTo("Erase 4 comments sent from " + ANA + "?");
            assertThat(confirm.select(".nr-confirm").text()).contains("3 replies by others to them stay");
            assertThat(site.comments.find(t1.id())).isPresent();

            HttpResponse<String> done = editor.post("/newsroom/commenters/erase", fields(confirm.selectFirst("main form")));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(editor.page(done.headers().firstValue("location").orElseThrow()).select(".nr-notice").text())
                    .isEqualTo("4 comments erased.");
            for (Comment gone : List.of(t1, t3, t5, t6)) {
                assertThat(site.comments.find(gone.id())).isEmpty();
            }
            Comment bo = site.comments.find(t2.id()).orElseThrow();
            assertThat(bo.parentId()).isNull();
            assertThat(bo.depth()).isEqualTo(t1.depth());
            Comment cy = site.comments.find(t4.id()).orElseThrow();
            assertThat(cy.parentId()).isEqualTo(t2.id());
            assertThat(cy.depth()).isEqualTo(t2.depth());
            Comment boAgain = site.comments.find(t7.id()).orElseThrow();
            assertThat(boAgain.parentId()).isNull();
            assertThat(boAgain.depth()).isEqualTo(t5.depth());
            assertThat(boAgain.body()).isEqualTo(t7.body());
            assertThat(site.comments.find(elsewhere.id()).orElseThrow()).isEqualTo(elsewhere);

            AuditStore.Entry logged = site.audit().getFirst();
            assertThat(logged.action()).isEqualTo("commenters.erase");
            assertThat(logged.detail()).isEqualTo("4 comment(s) deleted, 3 repl(ies) by others moved up");
            assertThat(logged.target()).doesNotContain(ANA);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void erasingAsksForAnAddressThatHasComments(Kind kind) {
        try (SeededSite site = new SeededSite(kind)) {
            site.comment(site.article("harbour-opens"), null, ANA, "Still here");
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String token = editor.csrfToken("/newsroom/commenters?email=" + ANA, "/newsroom/commenters/erase");
            HttpResponse<String> empty = editor.post("/newsroom/commenters/erase", Map.of("_csrf", token, "email", " "));
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(empty.body()).select(".nr-errors").text()).contains("Enter the email address");
            HttpResponse<String> unknown = editor.post("/newsroom/commenters/erase",
                    Map.of("_csrf", token, "email", "nobody@example.org", "confirm", "yes"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Jsoup.parse(unknown.body()).select(".nr-errors").text())
                    .contains("No comments were sent from nobody@example.org; nothing was changed.");
            HttpResponse<String> forged = editor.post("/newsroom/commenters/erase", Map.of("email", ANA, "confirm", "yes"));
            assertThat(forged.statusCode()).isEqualTo(403);
            NewsroomClient author = site.signedIn(Role.AUTHOR);
            String authorToken = author.csrfToken("/newsroom/account", "/newsroom/logout");
            assertThat(author.post("/newsroom/commenters/erase", Map.of("_csrf", authorToken, "email", ANA, "confirm", "yes"))
                    .statusCode()).isEqualTo(403);
            int left = site.app.database().read(h -> h.createQuery("select count(*) from comments")
                    .mapTo(Integer.class).one());
            assertThat(left).isEqualTo(1);
        }
    }

    private static String harbourUrl(NewsroomClient editor, Comment published) {
        Document page = editor.page("/newsroom/commenters?email=" + ANA);
        String href = row(page, published).selectFirst("a").attr("href");
        assertThat(href).endsWith("#comment-" + published.id());
        return href.substring(0, href.indexOf('#'));
    }

    private static Element row(Document page, Comment c) {
        return page.getElementById("commenter-comment-" + c.id());
    }

    private static JsonObject byId(JsonArray all, long id) {
        for (var e : all) {
            if (e.getAsJsonObject().get("id").getAsLong() == id) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("comment " + id + " is not in the export");
    }

    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.val());
        }
        return fields;
    }

    private static String networkOf(SeededSite site, long id) {
        return site.app.database().read(h -> h.createQuery("select ip_network from comments where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
