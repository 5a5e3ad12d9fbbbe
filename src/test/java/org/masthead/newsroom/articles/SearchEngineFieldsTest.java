package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** The editor's SEO title and description reach the public article's head, and step aside when emptied. */
class SearchEngineFieldsTest {

    private static Document publicPage(DeskFixture site, String url) {
        var response = TestSites.get(site.app, url);
        assertThat(response.statusCode()).as("status of " + url).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static String description(Document page) {
        assertThat(page.select("meta[name=description]")).hasSize(1);
        return page.selectFirst("meta[name=description]").attr("content");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void seoTitleAndDescriptionReplaceHeadlineAndDekInTheHead(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            var fields = site.story("Council votes 7–2 to fund the harbour wall after a long night",
                    "The vote came after midnight.");
            fields.put("dek", "The wall will protect the old quay from winter storms.");
            fields.put("seo_title", "Harbour wall funded: \"yes\" vote <after> midnight");
            fields.put("seo_description", "Councillors approved £4m for a sea wall at Old Quay.");
            long id = site.create(editor, fields, "publish");
            String url = site.publicUrl(editor, id);

            Document page = publicPage(site, url);
            assertThat(page.title()).startsWith("Harbour wall funded: \"yes\" vote <after> midnight — ");
            assertThat(description(page)).isEqualTo("Councillors approved £4m for a sea wall at Old Quay.");
            // Readers still see the newsroom's headline and dek on the page itself.
            assertThat(page.selectFirst("h1").text()).isEqualTo("Council votes 7–2 to fund the harbour wall after a long night");
            assertThat(page.text()).contains("The wall will protect the old quay from winter storms.");

            assertThat(site.save(editor, id, Map.of("seo_title", "  ", "seo_description", ""), "save").statusCode())
                    .isEqualTo(303);
            Document plain = publicPage(site, url);
            assertThat(plain.title()).startsWith("Council votes 7–2 to fund the harbour wall after a long night — ");
            assertThat(description(plain)).isEqualTo("The wall will protect the old quay from winter storms.");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArticleWithoutSeoFieldsUsesItsHeadlineAndDek(Kind kind) {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient author = site.signedIn(Role.AUTHOR);
            var fields = site.story("Ferry timetable changes for winter", "Fewer sailings from November.");
            long id = site.create(author, fields, "publish");

            Document page = publicPage(site, site.publicUrl(author, id));
            assertThat(page.title()).startsWith("Ferry timetable changes for winter — ");
            assertThat(description(page)).isEqualTo("A short standfirst.");
        }
    }
}
