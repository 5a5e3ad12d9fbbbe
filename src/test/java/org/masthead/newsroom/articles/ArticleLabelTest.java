package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.newsroom.NewsroomClient;

/** The article label: chosen in the editor, checked, shown above the headline and in lists, typed in JSON-LD. */
class ArticleLabelTest {

    private static JsonObject articleJsonLd(Document page) {
        JsonObject graph = JsonParser.parseString(page.selectFirst("script[type=application/ld+json]").data()).getAsJsonObject();
        return graph.getAsJsonArray("@graph").get(0).getAsJsonObject();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sponsoredContentMustNameItsSponsorAndSaysSoEverywhere(Kind kind) {
        try (DeskFixture desk = new DeskFixture(kind)) {
            NewsroomClient editor = desk.signedIn(Role.EDITOR);
            Map<String, String> story = desk.story("Harbour tours for the winter", "Boats leave at ten.");
            story.put("label", "Sponsored");
            story.put("action", "publish");
            HttpResponse<String> refused = editor.submit("/newsroom/articles/new", "/newsroom/articles/new", story);
            assertThat(refused.statusCode()).isEqualTo(422);
            Document kept = Jsoup.parse(refused.body());
            assertThat(kept.select(".nr-errors li").text()).contains("Name the sponsor");
            assertThat(kept.selectFirst("#headline").val()).isEqualTo("Harbour tours for the winter");
            assertThat(kept.selectFirst("#label option[selected]").val()).isEqualTo("Sponsored");
            int stored = desk.app.database().read(h -> h.createQuery("select count(*) from articles").mapTo(Integer.class).one());
            assertThat(stored).isZero();

            story.put("sponsor", "Alder Boat Tours Ltd");
            story.remove("action");
            long id = desk.create(editor, story, "publish");
            Document page = Jsoup.parse(TestSites.get(desk.app, desk.publicUrl(editor, id)).body());
            assertThat(page.selectFirst(".story-header .story-label").text()).isEqualTo("Sponsored · Paid for by Alder Boat Tours Ltd");
            JsonObject article = articleJsonLd(page);
            assertThat(article.get("@type").getAsString()).isEqualTo("AdvertiserContentArticle");
            assertThat(article.getAsJsonObject("sponsor").get("name").getAsString()).isEqualTo("Alder Boat Tours Ltd");
            Document section = Jsoup.parse(TestSites.get(desk.app, "/section/harbour").body());
            assertThat(section.select(".card .story-label").eachText()).containsExactly("Sponsored");
            assertThat(editor.page("/newsroom/articles/" + id).selectFirst("#sponsor").val()).isEqualTo("Alder Boat Tours Ltd");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachLabelGivesItsSchemaTypeAndUnknownLabelsAreRefused(Kind kind) {
        try (DeskFixture desk = new DeskFixture(kind)) {
            NewsroomClient editor = desk.signedIn(Role.EDITOR);
            Map<String, String> story = desk.story("Why the ferry must stay", "An argument.");
            story.put("label", "Opinion");
            story.put("sponsor", "Ignored Sponsor");
            long id = desk.create(editor, story, "publish");
            String url = desk.publicUrl(editor, id);
            Document page = Jsoup.parse(TestSites.get(desk.app, url).body());
            assertThat(page.selectFirst(".story-header .story-label").text()).isEqualTo("Opinion");
            assertThat(articleJsonLd(page).get("@type").getAsString()).isEqualTo("OpinionNewsArticle");
            assertThat(articleJsonLd(page).has("sponsor")).isFalse();

            for (String[] label : new String[][] {{"Analysis", "AnalysisNewsArticle"}, {"Review", "ReviewNewsArticle"},
                    {"News", "NewsArticle"}}) {
                assertThat(desk.save(editor, id, Map.of("label", label[0]), "save").statusCode()).isEqualTo(303);
                assertThat(articleJsonLd(Jsoup.parse(TestSites.get(desk.app, url).body())).get("@type").getAsString())
                        .isEqualTo(label[1]);
            }
            for (String hostile : new String[] {"Propaganda", "news", "<script>", "x".repeat(5000)}) {
                HttpResponse<String> refused = desk.save(editor, id, Map.of("label", hostile, "headline", "Changed"), "save");
                assertThat(refused.statusCode()).isEqualTo(422);
                assertThat(Jsoup.parse(refused.body()).select(".nr-errors li").text()).contains("Choose the article's label");
            }
            Document unchanged = Jsoup.parse(TestSites.get(desk.app, url).body());
            assertThat(unchanged.selectFirst("h1").text()).isEqualTo("Why the ferry must stay");
            assertThat(unchanged.selectFirst(".story-header .story-label").text()).isEqualTo("News");
            // Plain news carries no label in lists.
            assertThat(Jsoup.parse(TestSites.get(desk.app, "/section/harbour").body()).select(".card .story-label")).isEmpty();
        }
    }
}
