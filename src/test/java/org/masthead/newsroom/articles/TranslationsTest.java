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
import org.masthead.accounts.Role;
import org.masthead.site.HtmlValidityTest;
import org.masthead.newsroom.NewsroomClient;

/**
 * An editor links an article to its translations; each published version's page then names the
 * others as hreflang alternates with absolute addresses and offers them in a language switcher,
 * in its own language. One article per language, no links for authors, unpublished ones unseen.
 */
class TranslationsTest {

    private static long story(DeskFixture site, NewsroomClient editor, String headline, String language, String action) {
        Map<String, String> fields = site.story(headline, "A paragraph about the ferry in " + language + ".");
        fields.put("language", language);
        return site.create(editor, fields, action);
    }

    private static Document page(DeskFixture site, String path) {
        HttpResponse<String> answer = TestSites.get(site.app, path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    private static HttpResponse<String> link(NewsroomClient client, long id, String other) {
        String form = "/newsroom/articles/" + id + "/translations";
        return client.submit(form, form, Map.of("other", other));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linkedTranslationsNameEachOtherOnTheirPublishedPages(Kind kind) throws Exception {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            long english = story(site, editor, "Night ferry returns", "en", "publish");
            long german = story(site, editor, "Die Nachtfähre fährt wieder", "de", "publish");
            long french = story(site, editor, "Le ferry de nuit revient", "fr", "save");
            long otherEnglish = story(site, editor, "Night ferry is back", "en", "publish");
            String englishUrl = site.publicUrl(editor, english);
            String germanUrl = site.publicUrl(editor, german);
            String base = TestSites.baseUrl(site.app);

            // By number, and by the other article's newsroom address.
            assertThat(link(editor, english, String.valueOf(german)).statusCode()).isEqualTo(303);
            assertThat(link(editor, german, base + "/newsroom/articles/" + french).statusCode()).isEqualTo(303);
            Document desk = editor.page("/newsroom/articles/" + english + "/translations");
            assertThat(desk.select("tbody tr")).hasSize(2);
            assertThat(HtmlValidityTest.errors(editor.get("/newsroom/articles/" + english + "/translations").body())).isEmpty();
            assertThat(HtmlValidityTest.errors(TestSites.get(site.app, englishUrl).body())).isEmpty();

            Document englishPage = page(site, englishUrl);
            assertThat(englishPage.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(englishPage.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("de", "en");
            assertThat(englishPage.selectFirst("link[hreflang=de]").attr("href")).isEqualTo(base + germanUrl);
            assertThat(englishPage.selectFirst("link[hreflang=en]").attr("href")).isEqualTo(base + englishUrl);
            var switcher = englishPage.select("nav.story-translations a");
            assertThat(switcher).hasSize(1); // the French one is not published
            assertThat(switcher.first().text()).isEqualTo("Deutsch");
            assertThat(switcher.first().attr("href")).isEqualTo(germanUrl);
            assertThat(switcher.first().attr("lang")).isEqualTo("de");

            Document germanPage = page(site, germanUrl);
            assertThat(germanPage.selectFirst("html").attr("lang")).isEqualTo("de");
            assertThat(germanPage.select("nav.story-translations a").eachText()).containsExactly("English");

            // A second English version (named by its address on the site) is refused, and the form keeps what was typed.
            String otherAddress = base + site.publicUrl(editor, otherEnglish);
            HttpResponse<String> clash = link(editor, english, otherAddress);
            assertThat(clash.statusCode()).isEqualTo(422);
            Document refused = Jsoup.parse(clash.body());
            assertThat(refused.select(".nr-errors").text()).contains("already the English version");
            assertThat(refused.selectFirst("input[name=other]").val()).isEqualTo(otherAddress);
            HttpResponse<String> unknown = link(editor, english, "/2001/01/01/no-such-story");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(unknown.body()).selectFirst("input[name=other]").val()).isEqualTo("/2001/01/01/no-such-story");
            assertThat(link(editor, english, String.valueOf(english)).statusCode()).isEqualTo(422);

            // Authors may not link; nobody can link without the form's token.
            NewsroomClient author = site.signedIn(Role.AUTHOR);
            assertThat(author.get("/newsroom/articles/" + english + "/translations").statusCode()).isEqualTo(403);
            assertThat(editor.post("/newsroom/articles/" + english + "/translations", Map.of("other", String.valueOf(otherEnglish)))
                    .statusCode()).isEqualTo(403);

            String unlink = "/newsroom/articles/" + english + "/translations/" + german + "/unlink";
            assertThat(editor.submit("/newsroom/articles/" + english + "/translations", unlink, Map.of()).statusCode())
                    .isEqualTo(303);
            Document after = page(site, englishUrl);
            assertThat(after.select("link[rel=alternate][hreflang]")).isEmpty(); // only the unpublished French one is left
            assertThat(after.select("nav.story-translations")).isEmpty();
            assertThat(page(site, germanUrl).select("nav.story-translations")).isEmpty();
            assertThat(site.auditActions()).contains("linked a translation", "unlinked a translation");
        }
    }
}
