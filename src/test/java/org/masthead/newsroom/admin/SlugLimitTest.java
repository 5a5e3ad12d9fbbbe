package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.admin.AdminSite.html;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.content.Slugs;
import org.masthead.newsroom.NewsroomClient;

/** Every kind of content takes a slug of up to 200 characters, on both databases, and readers reach it there. */
class SlugLimitTest {
    private static final String LONGEST = "harbour-lights-".repeat(14).substring(0, Slugs.MAX_LENGTH);
    private static final String TOO_LONG = "harbour-lights-".repeat(14).substring(0, Slugs.MAX_LENGTH + 1);

    private record Area(String list, String readerPrefix, Map<String, String> fields) {
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void slugsOfTwoHundredCharactersWorkEverywhereAndLongerOnesAreRefused(Kind kind) {
        assertThat(LONGEST).hasSize(200).matches(Slugs.VALID);
        try (AdminSite site = new AdminSite(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            for (Area k : List.of(
                    new Area("/newsroom/sections", "/section/", Map.of("name", "Harbour", "description", "", "parent", "", "position", "1")),
                    new Area("/newsroom/tags", "/tag/", Map.of("name", "Harbour")),
                    new Area("/newsroom/authors", "/author/", Map.of("name", "Harbour Desk", "role", "", "bio", "", "photo", "")),
                    new Area("/newsroom/pages", "/", Map.of("title", "Harbour", "body", "The harbour.")))) {
                assertThat(html(editor.get(k.list() + "/new")).selectFirst("#slug").attr("maxlength")).isEqualTo("200");

                HttpResponse<String> refused = editor.submit(k.list() + "/new", k.list(), with(k.fields(), TOO_LONG));
                assertThat(refused.statusCode()).as(k.list()).isEqualTo(422);
                assertThat(html(refused).select(".nr-errors").text()).contains("at most 200");

                HttpResponse<String> added = editor.submit(k.list() + "/new", k.list(), with(k.fields(), LONGEST));
                assertThat(added.statusCode()).as(k.list() + ": " + added.body()).isEqualTo(303);
                assertThat(site.reader(k.readerPrefix() + LONGEST).statusCode()).as(k.readerPrefix()).isEqualTo(200);
                assertThat(site.reader(k.readerPrefix() + TOO_LONG).statusCode()).as(k.readerPrefix()).isEqualTo(404);
            }
        }
    }

    private static Map<String, String> with(Map<String, String> fields, String slug) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("slug", slug);
        return all;
    }
}
