package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.content.SettingsStore;

/** Writing, submitting, publishing and scheduling through the editor, with each role's limits. */
class ArticleDeskWorkflowTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void contributorWritesAndSubmitsButCannotPublish(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient contributor = site.signedIn(Role.CONTRIBUTOR);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            long othersId = site.create(editor, site.story("Editor's own story", "Quay news."), "save");

            HttpResponse<String> missing = contributor.submit("/newsroom/articles/new", "/newsroom/articles/new",
                    Map.of("headline", "", "dek", "Kept dek", "body", "Kept *body* text.", "section", Long.toString(site.section),
                            "action", "save"));
            assertThat(missing.statusCode()).isEqualTo(422);
            Document kept = Jsoup.parse(missing.body());
            assertThat(kept.select(".nr-errors li").eachText()).contains("Enter a headline of 1 to 300 characters.",
                    "Choose at least one author for the byline.");
            assertThat(kept.selectFirst("#dek").val()).isEqualTo("Kept dek");
            assertThat(kept.selectFirst("#body").val()).isEqualTo("Kept *body* text.");

            long id = site.create(contributor, site.story("Harbour pilots ask for a new launch", "The pilots wrote to the council."), "save");
            Document draft = contributor.page("/newsroom/articles/" + id + "?saved=save");
            assertThat(draft.select(".nr-notice").text()).isEqualTo("Saved.");
            assertThat(draft.selectFirst("#slug").val()).isEqualTo("harbour-pilots-ask-for-a-new-launch");
            assertThat(draft.selectFirst(".nr-status").text()).contains("Draft");
            assertThat(draft.select("button[name=action]").eachAttr("value")).contains("submit").doesNotContain("publish", "schedule");

            Document list = contributor.page("/newsroom/articles");
            assertThat(list.select(".nr-articles tbody th").eachText()).containsExactly("Harbour pilots ask for a new launch");
            assertThat(contributor.get("/newsroom/articles/" + othersId).statusCode()).isEqualTo(403);

            assertThat(site.save(contributor, id, Map.of(), "submit").statusCode()).isEqualTo(303);
            assertThat(contributor.page("/newsroom/articles/" + id).selectFirst(".nr-status").text()).contains("Pending review");
            assertThat(editor.page("/newsroom/articles?status=pending").select(".nr-articles tbody th").eachText())
                    .containsExactly("Harbour pilots ask for a new launch");

            HttpResponse<String> publish = site.save(contributor, id, Map.of(), "publish");
            assertThat(publish.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(publish.body()).text()).contains("Contributors cannot publish");
            assertThat(site.save(contributor, id, Map.of("publish_at", "2030-01-01T08:00"), "schedule").statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(TestSites.get(site.app, "/").body()).text()).doesNotContain("Harbour pilots");

            assertThat(site.save(editor, id, Map.of(), "publish").statusCode()).isEqualTo(303);
            String url = site.publicUrl(editor, id);
            assertThat(Jsoup.parse(TestSites.get(site.app, url).body()).selectFirst("h1").text())
                    .isEqualTo("Harbour pilots ask for a new launch");
            // Published, it is out of the contributor's hands.
            assertThat(site.save(contributor, id, Map.of("headline", "Changed"), "save").statusCode()).isEqualTo(403);
            assertThat(site.auditActions()).contains("created article", "submitted for review article", "published article");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void scheduledStoryPublishesItselfExactlyOnce(Kind kind) throws InterruptedException {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            ZoneId zone = new SettingsStore(site.app.database()).current().zone();
            var fields = site.story("Night ferry returns to Gull Island", "The ferry sails again at midnight.");
            fields.put("publish_at", LocalDateTime.now(zone).plusSeconds(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
            long id = site.create(editor, fields, "schedule");
            assertThat(editor.page("/newsroom/articles/" + id + "?saved=schedule").select(".nr-notice").text())
                    .startsWith("Scheduled: it publishes itself at");
            assertThat(TestSites.get(site.app, "/").body()).doesNotContain("Night ferry returns");

            ArticleQueries queries = new ArticleQueries(site.app.database());
            try (ScheduledPublisher first = new ScheduledPublisher(site.app.database(), queries, site.articles, Duration.ofSeconds(1));
                 ScheduledPublisher second = new ScheduledPublisher(site.app.database(), queries, site.articles, Duration.ofSeconds(1))) {
                first.start();
                second.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!TestSites.get(site.app, "/").body().contains("Night ferry returns") && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
            }
            assertThat(Jsoup.parse(TestSites.get(site.app, "/").body()).selectFirst(".lead-headline").text())
                    .isEqualTo("Night ferry returns to Gull Island");
            assertThat(Jsoup.parse(TestSites.get(site.app, "/section/harbour").body()).select(".card-headline").text())
                    .isEqualTo("Night ferry returns to Gull Island");
            assertThat(editor.page("/newsroom/articles/" + id).selectFirst(".nr-status").text()).contains("Published");
            assertThat(site.auditActions().stream().filter("published on schedule"::equals)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void publishingNeedsAltTextOnEveryImage(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            long bare = site.image("test/pier.jpg", "");
            NewsroomClient author = site.signedIn(Role.AUTHOR);
            var fields = site.story("Pier repairs finish early", "Workers finished a week early.\n\n![](/media/test/crane.jpg)");
            fields.put("image", Long.toString(bare));
            fields.put("action", "publish");
            HttpResponse<String> refused = author.submit("/newsroom/articles/new", "/newsroom/articles/new", fields);
            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select(".nr-errors li").eachText()).anySatisfy(e -> assertThat(e).contains("test/pier.jpg", "no alt text"))
                    .anySatisfy(e -> assertThat(e).contains("/media/test/crane.jpg", "no alt text"));
            assertThat(page.selectFirst("#headline").val()).isEqualTo("Pier repairs finish early");
            assertThat(page.selectFirst("#image option[selected]").val()).isEqualTo(Long.toString(bare));

            fields.put("body", "Workers finished a week early.\n\n![A crane lifts the last beam](/media/test/crane.jpg)");
            fields.put("image", "");
            HttpResponse<String> done = author.submit("/newsroom/articles/new", "/newsroom/articles/new", fields);
            assertThat(done.statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void formsAndPreviewWithoutTheSessionTokenAreRefused(Kind kind) throws Exception {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            var forged = site.story("Forged story", "Nobody wrote this.");
            forged.put("action", "publish");
            HttpResponse<String> refused = editor.post("/newsroom/articles/new", forged);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(refused.body()).text()).contains("security token");
            assertThat(editor.page("/newsroom/articles").text()).doesNotContain("Forged story");

            String session = editor.cookie(org.masthead.accounts.Guard.SESSION_COOKIE);
            String csrf = editor.page("/newsroom/articles/new").selectFirst("input[name=_csrf]").val();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestSites.baseUrl(site.app) + "/newsroom/articles/preview"))
                    .header("Cookie", org.masthead.accounts.Guard.SESSION_COOKIE + "=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("body=%23%23+Tide+table%0A%0ALow+*water*+at+six."));
            assertThat(TestSites.send(site.app, request).statusCode()).isEqualTo(403);
            HttpResponse<String> preview = TestSites.send(site.app, request.header("X-CSRF-Token", csrf));
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("<h2 id=\"tide-table\">Tide table</h2>", "<em>water</em>");

            // Without JavaScript, the Preview button renders the same HTML on the editor page, keeping the input.
            var fields = site.story("Tide tables", "## Tide table\n\nLow *water* at six.");
            fields.put("action", "preview");
            HttpResponse<String> noScript = editor.submit("/newsroom/articles/new", "/newsroom/articles/new", fields);
            Document page = Jsoup.parse(noScript.body());
            assertThat(noScript.statusCode()).isEqualTo(200);
            assertThat(page.select("#live-preview h2").text()).isEqualTo("Tide table");
            assertThat(page.selectFirst("#headline").val()).isEqualTo("Tide tables");
        }
    }
}
