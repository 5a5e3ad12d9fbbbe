package org.masthead.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.newsroom.NewsroomClient;

/** The editor suggests tags and "See also" stories from similar published stories; a tick adds them on save. */
class EditorSuggestionsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void suggestedTagsAndLinksAreAddedWhenTicked(Kind kind) throws Exception {
        try (DeskFixture site = new DeskFixture(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            for (int i = 0; i < 3; i++) {
                var fields = site.story("Ferries to Gull Island cut sailings, part " + i,
                        "The ferries to Gull Island will sail less often this winter. Islanders fear the ferries timetable.");
                fields.put("tags", "Ferries, Islands");
                site.create(editor, fields, "publish");
            }
            var other = site.story("Library opens on Sundays", "The central library will open its doors on Sundays.");
            other.put("tags", "Libraries");
            site.create(editor, other, "publish");
            site.app.searchIndex().awaitIdle();

            var draft = site.story("New timetable for the ferries", "Ferries will leave the quay every hour in summer.");
            draft.put("tags", "");
            long id = site.create(editor, draft, "save");
            assertThat(org.masthead.site.HtmlValidityTest.errors(editor.get("/newsroom/articles/" + id).body()))
                    .as("the editor with suggestions is valid HTML").isEmpty();
            Document page = editor.page("/newsroom/articles/" + id);
            List<String> tags = page.select("input[name=add_tag]").eachAttr("value");
            assertThat(tags).startsWith("Ferries").contains("Islands").doesNotContain("Libraries");
            List<String> stories = page.select("input[name=pin_see_also]").eachAttr("value");
            assertThat(stories).hasSize(3).allMatch(slug -> slug.startsWith("ferries-to-gull-island"));

            Map<String, String> form = new LinkedHashMap<>(DeskFixture.formOf(page, Map.of()));
            form.put("action", "save");
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .reduce((a, b) -> a + "&" + b).orElseThrow()
                    + "&add_tag=Ferries&pin_see_also=" + enc(stories.getFirst());
            var saved = editor.send(java.net.http.HttpRequest.newBuilder(editor.uri("/newsroom/articles/" + id))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            Document after = editor.page("/newsroom/articles/" + id);
            assertThat(after.selectFirst("#tags").val()).isEqualTo("Ferries");
            assertThat(after.selectFirst("#see_also").val()).isEqualTo(stories.getFirst());
            assertThat(after.select("input[name=add_tag]").eachAttr("value")).doesNotContain("Ferries");
            assertThat(after.select("input[name=pin_see_also]").eachAttr("value")).doesNotContain(stories.getFirst());
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
