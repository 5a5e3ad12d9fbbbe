package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** What happens to an article after its first save: new addresses, notes, revisions, conflicts, previews. */
class ArticleDeskHistoryTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changedSlugRedirectsAndACorrectionShowsUnderTheDateline(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            long id = site.create(editor, site.story("Ferry cuts Sunday crossings", "Two crossings fewer."), "publish");
            String oldUrl = site.publicUrl(editor, id);
            assertThat(oldUrl).endsWith("/ferry-cuts-sunday-crossings");
            // Published an hour ago, so that an edit now counts as an update for readers.
            site.app.database().write(tx -> tx.handle().execute(
                    "update articles set published_at = published_at - 3600000 where id = ?", id));
            oldUrl = site.publicUrl(editor, id);

            HttpResponse<String> edited = site.save(editor, id, Map.of("slug", "winter-ferry-timetable",
                    "note_kind", "Correction", "note_text", "An earlier version gave the wrong departure time."), "save");
            assertThat(edited.statusCode()).isEqualTo(303);
            String newUrl = site.publicUrl(editor, id);
            assertThat(newUrl).endsWith("/winter-ferry-timetable");

            HttpResponse<String> moved = TestSites.get(site.app, oldUrl);
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("location")).hasValue(newUrl);
            Document page = Jsoup.parse(TestSites.get(site.app, newUrl).body());
            assertThat(page.selectFirst(".story-note").text()).startsWith("Correction")
                    .contains("An earlier version gave the wrong departure time.");
            assertThat(page.select(".dateline").text()).contains("Updated");

            // The same slug is refused for another article; an unknown "See also" slug and a self-link too.
            var clash = site.story("Another ferry story", "Text.");
            clash.put("slug", "winter-ferry-timetable");
            clash.put("see_also", "no-such-story");
            clash.put("action", "save");
            HttpResponse<String> refused = editor.submit("/newsroom/articles/new", "/newsroom/articles/new", clash);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select(".nr-errors li").eachText())
                    .anySatisfy(e -> assertThat(e).contains("already used"))
                    .anySatisfy(e -> assertThat(e).contains("no-such-story"));
            HttpResponse<String> self = site.save(editor, id, Map.of("see_also", "winter-ferry-timetable"), "save");
            assertThat(Jsoup.parse(self.body()).select(".nr-errors li").text()).contains("cannot point at this article itself");

            Document filtered = editor.page("/newsroom/articles?status=published&q=FERRY");
            assertThat(filtered.select(".nr-articles tbody th").eachText()).containsExactly("Ferry cuts Sunday crossings");
            assertThat(editor.page("/newsroom/articles?status=draft").select(".nr-articles tbody th")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everySaveIsARevisionThatCanBeComparedAndRestored(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient author = site.signedIn(Role.AUTHOR);
            long id = site.create(author, site.story("Market hall reopens", "Forty stalls open on Saturday."), "save");
            assertThat(site.save(author, id, Map.of("body", "Forty-two stalls open on Saturday morning."), "save").statusCode())
                    .isEqualTo(303);

            Document revisions = author.page("/newsroom/articles/" + id + "/revisions");
            assertThat(revisions.select(".nr-revisions tbody tr")).hasSize(2);
            Document diff = author.page("/newsroom/articles/" + id + "/diff?from=1&to=2");
            assertThat(diff.select("#diff-body del").eachText()).containsExactly("Forty", "Saturday.");
            assertThat(diff.select("#diff-body ins").eachText()).containsExactly("Forty-two", "Saturday morning.");
            assertThat(diff.select("#diff-body").text()).contains("stalls open on");

            HttpResponse<String> restored = author.submit("/newsroom/articles/" + id + "/revisions",
                    "/newsroom/articles/" + id + "/revisions/1/restore", Map.of());
            assertThat(restored.statusCode()).isEqualTo(303);
            Document editor = author.page(restored.headers().firstValue("location").orElseThrow());
            assertThat(editor.selectFirst("#body").val()).isEqualTo("Forty stalls open on Saturday.");
            assertThat(editor.select(".nr-notice").text()).contains("Revision 1 is restored");
            Document after = author.page("/newsroom/articles/" + id + "/revisions");
            assertThat(after.select(".nr-revisions tbody tr")).hasSize(3);
            assertThat(after.select(".nr-revisions tbody tr").first().text()).contains("Restored revision 1");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStaleSaveIsAConflictThatKeepsBothTexts(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient first = site.signedIn(Role.EDITOR);
            NewsroomClient second = site.signedIn(Role.ADMIN);
            long id = site.create(first, site.story("Regatta entries", "Ninety crews entered."), "save");
            Document secondOpened = second.page("/newsroom/articles/" + id);

            assertThat(site.save(first, id, Map.of("body", "Ninety-four crews entered, a record."), "save").statusCode())
                    .isEqualTo(303);
            Map<String, String> stale = DeskFixture.formOf(secondOpened,
                    Map.of("headline", "Regatta entries break record", "body", "Crews from six countries entered."));
            stale.put("action", "save");
            HttpResponse<String> conflict = second.post("/newsroom/articles/" + id, stale);
            assertThat(conflict.statusCode()).isEqualTo(409);
            Document page = Jsoup.parse(conflict.body());
            assertThat(page.select("#conflict-stored").text()).contains("Ninety-four crews entered, a record.");
            assertThat(page.select("#conflict-yours").text()).contains("Crews from six countries entered.", "Regatta entries break record");
            assertThat(page.selectFirst("#body").val()).isEqualTo("Crews from six countries entered.");
            assertThat(page.selectFirst("#headline").val()).isEqualTo("Regatta entries break record");
            assertThat(first.page("/newsroom/articles/" + id).selectFirst("#body").val()).isEqualTo("Ninety-four crews entered, a record.");

            Map<String, String> merged = DeskFixture.formOf(page, Map.of("body", "Ninety-four crews from six countries entered."));
            merged.put("action", "save");
            assertThat(second.post("/newsroom/articles/" + id, merged).statusCode()).isEqualTo(303);
            assertThat(first.page("/newsroom/articles/" + id).selectFirst("#body").val())
                    .isEqualTo("Ninety-four crews from six countries entered.");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPrivatePreviewLinkShowsTheUnpublishedArticle(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient contributor = site.signedIn(Role.CONTRIBUTOR);
            long id = site.create(contributor, site.story("Lantern festival plans", "Thousands are expected."), "save");
            HttpResponse<String> made = contributor.submit("/newsroom/articles/" + id,
                    "/newsroom/articles/" + id + "/preview-link", Map.of());
            assertThat(made.statusCode()).isEqualTo(303);
            String link = contributor.page("/newsroom/articles/" + id + "?link=1").selectFirst("a[href^=/preview/]").attr("href");

            HttpResponse<String> preview = TestSites.get(site.app, link);
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.headers().firstValue("cache-control")).hasValue("no-store");
            Document page = Jsoup.parse(preview.body());
            assertThat(page.select(".page-banner").text()).isEqualTo("Preview — not published");
            assertThat(page.selectFirst("h1").text()).isEqualTo("Lantern festival plans");
            assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(TestSites.get(site.app, link + "x").statusCode()).isEqualTo(404);
            assertThat(TestSites.get(site.app, "/").body()).doesNotContain("Lantern festival plans");
        }
    }
}
