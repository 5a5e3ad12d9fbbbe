package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.admin.AdminSite.html;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** Editors add, rename, nest and delete sections; readers see the result at once. */
class SectionAdminTest {

    private static Map<String, String> section(String name, String slug, String parent, String position) {
        return Map.of("name", name, "slug", slug, "description", "About " + name, "parent", parent, "position", position);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void addedAndRenamedSectionShowsInTheNavAtItsNewAddress(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).doesNotContain("World");

            HttpResponse<String> added = editor.submit("/newsroom/sections/new", "/newsroom/sections", section("World", "world", "", "3"));
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(added.headers().firstValue("location")).hasValue("/newsroom/sections?done=added");
            assertThat(editor.page("/newsroom/sections?done=added").select(".nr-notice").text()).isEqualTo("Section added.");
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).contains("World");
            assertThat(site.readerPage("/section/world").text()).contains("About World");

            long id = site.app.database().read(h -> h.createQuery("select id from sections where slug = 'world'").mapTo(Long.class).one());
            HttpResponse<String> renamed = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id,
                    section("Around the World", "around-the-world", "", "1"));
            assertThat(renamed.statusCode()).isEqualTo(303);
            Document home = site.readerPage("/");
            assertThat(home.select("nav.sections a").eachText()).contains("Around the World").doesNotContain("World");
            assertThat(home.select("nav.sections a[href=/section/around-the-world]")).hasSize(1);
            assertThat(site.readerPage("/section/around-the-world").select("h1").text()).contains("Around the World");
            assertThat(site.reader("/section/world").statusCode()).isEqualTo(404);
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("added a section World"))
                    .anyMatch(a -> a.startsWith("edited a section") && a.contains("slug world → around-the-world"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void invalidInputIsRefusedAndKeptAndLoopsAreImpossible(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long city = site.section("city", "City", null, 1);
            long transport = site.section("transport", "Transport", city, 2);
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            HttpResponse<String> bad = editor.submit("/newsroom/sections/new", "/newsroom/sections",
                    Map.of("name", "Weather Desk", "slug", "Weather Desk!", "description", "Rain, sun\nand wind", "parent",
                            Long.toString(city), "position", "soon"));
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.selectFirst("#name").val()).isEqualTo("Weather Desk");
            assertThat(kept.selectFirst("#slug").val()).isEqualTo("Weather Desk!");
            assertThat(kept.selectFirst("#description").val()).isEqualTo("Rain, sun\nand wind");
            assertThat(kept.selectFirst("#parent option[selected]").val()).isEqualTo(Long.toString(city));
            assertThat(kept.selectFirst("#position").val()).isEqualTo("soon");
            assertThat(kept.select(".nr-errors[role=alert] li").eachText()).hasSize(2)
                    .anyMatch(e -> e.contains("lower-case letters")).anyMatch(e -> e.contains("whole number"));

            HttpResponse<String> taken = editor.submit("/newsroom/sections/new", "/newsroom/sections", section("Town", "city", "", "1"));
            assertThat(taken.statusCode()).isEqualTo(422);
            assertThat(html(taken).select(".nr-errors").text()).contains("Another section already has the slug \"city\"");

            // City may not go inside its own subsection, nor inside itself.
            assertThat(html(editor.get("/newsroom/sections/" + city)).select("#parent option").eachAttr("value"))
                    .containsExactly("");
            for (long parent : List.of(transport, city)) {
                HttpResponse<String> loop = editor.submit("/newsroom/sections/" + city, "/newsroom/sections/" + city,
                        section("City", "city", Long.toString(parent), "1"));
                assertThat(loop.statusCode()).isEqualTo(422);
                assertThat(html(loop).select(".nr-errors").text()).contains("cannot sit inside itself");
            }
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).contains("City").doesNotContain("Town");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sectionsInUseCannotBeDeletedButEmptyOnesCan(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long city = site.section("city", "City", null, 1);
            long transport = site.section("transport", "Transport", city, 2);
            long sport = site.section("sport", "Sport", null, 3);
            long empty = site.section("weather", "Weather", null, 4);
            site.article("tram-news", transport, List.of(), List.of());
            site.article("cup-final", sport, List.of(), List.of());
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            String path = "/newsroom/sections/" + city + "/delete";
            HttpResponse<String> withChild = editor.submit(path, path, Map.of());
            assertThat(withChild.statusCode()).isEqualTo(409);
            assertThat(html(withChild).select(".nr-errors").text()).contains("1 section is in it");
            path = "/newsroom/sections/" + sport + "/delete";
            HttpResponse<String> withArticle = editor.submit(path, path, Map.of());
            assertThat(withArticle.statusCode()).isEqualTo(409);
            assertThat(html(withArticle).select(".nr-errors").text()).contains("1 article is in it", "Move the articles");
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).contains("City", "Sport");

            path = "/newsroom/sections/" + empty + "/delete";
            assertThat(editor.page(path).select(".nr-question").text()).isEqualTo("Delete the section Weather?");
            HttpResponse<String> deleted = editor.submit(path, path, Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(site.reader("/section/weather").statusCode()).isEqualTo(404);
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).doesNotContain("Weather");
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("deleted a section Weather"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyEditorsAndUpMayManageSectionsAndFormsNeedTheirToken(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long city = site.section("city", "City", null, 1);
            for (Role role : List.of(Role.CONTRIBUTOR, Role.AUTHOR)) {
                NewsroomClient browser = site.signedIn(role);
                for (String path : List.of("/newsroom/sections", "/newsroom/sections/new", "/newsroom/sections/" + city,
                        "/newsroom/tags", "/newsroom/authors", "/newsroom/pages", "/newsroom/pages/new")) {
                    HttpResponse<String> refused = browser.get(path);
                    assertThat(refused.statusCode()).as(role + " GET " + path).isEqualTo(403);
                    assertThat(html(refused).text()).contains("editor role or higher");
                }
                // A real form token, but still not allowed: the role is checked on the server.
                String token = browser.page("/newsroom/account").selectFirst("input[name=_csrf]").val();
                HttpResponse<String> post = browser.post("/newsroom/sections/" + city,
                        Map.of("_csrf", token, "name", "Hacked", "slug", "hacked", "description", "", "parent", "", "position", "1"));
                assertThat(post.statusCode()).isEqualTo(403);
                assertThat(browser.page("/newsroom").select(".nr-header nav a").eachText()).doesNotContain("Sections");
            }
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(editor.page("/newsroom").select(".nr-header nav a").eachText()).contains("Sections", "Tags", "Authors", "Pages")
                    .doesNotContain("Users", "Settings");
            HttpResponse<String> forged = editor.post("/newsroom/sections/" + city,
                    Map.of("name", "Forged", "slug", "forged", "description", "", "parent", "", "position", "1"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(html(forged).text()).contains("security token");
            HttpResponse<String> forgedDelete = editor.post("/newsroom/sections/" + city + "/delete", Map.of());
            assertThat(forgedDelete.statusCode()).isEqualTo(403);
            assertThat(site.readerPage("/").select("nav.sections a").eachText()).contains("City").doesNotContain("Hacked", "Forged");
            assertThat(site.auditActions()).noneMatch(a -> a.contains("section"));
        }
    }
}
