package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.admin.AdminSite.html;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** Static pages: editors write them in Markdown; the privacy page can be edited but never removed. */
class PageAdminTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pagesAreAddedEditedAndDeletedButPrivacyStays(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long privacy = site.page("privacy", "Privacy & Cookies Policy", "We set no tracking cookies.");
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            HttpResponse<String> reserved = editor.submit("/newsroom/pages/new", "/newsroom/pages",
                    Map.of("title", "Our team", "slug", "newsroom", "body", "## Who we are\n\nThe desk."));
            assertThat(reserved.statusCode()).isEqualTo(422);
            assertThat(html(reserved).selectFirst("#body").val()).isEqualTo("## Who we are\n\nThe desk.");
            assertThat(html(reserved).select(".nr-errors").text()).contains("belongs to another part of the site");

            HttpResponse<String> added = editor.submit("/newsroom/pages/new", "/newsroom/pages",
                    Map.of("title", "Our team", "slug", "team", "body", "## Who we are\n\nThe **desk**."));
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(site.readerPage("/team").select("main h2").text()).contains("Who we are");
            assertThat(site.readerPage("/team").select("main strong").text()).isEqualTo("desk");

            long team = site.app.database().read(h -> h.createQuery("select id from pages where slug = 'team'").mapTo(Long.class).one());
            assertThat(editor.submit("/newsroom/pages/" + team, "/newsroom/pages/" + team,
                    Map.of("title", "The team", "slug", "staff", "body", "Everyone.")).statusCode()).isEqualTo(303);
            assertThat(site.readerPage("/staff").select("h1").text()).contains("The team");
            assertThat(site.reader("/team").statusCode()).isEqualTo(404);

            String path = "/newsroom/pages/" + team + "/delete";
            assertThat(editor.submit(path, path, Map.of()).statusCode()).isEqualTo(303);
            assertThat(site.reader("/staff").statusCode()).isEqualTo(404);

            // Privacy: the text can change, the address cannot, and it cannot be deleted, not even by a forged form.
            HttpResponse<String> moved = editor.submit("/newsroom/pages/" + privacy, "/newsroom/pages/" + privacy,
                    Map.of("title", "Privacy", "slug", "data", "body", "Changed."));
            assertThat(moved.statusCode()).isEqualTo(422);
            assertThat(html(moved).select(".nr-errors").text()).contains("keeps the address /privacy");
            assertThat(editor.page("/newsroom/pages/" + privacy).select("a[href$=/delete]")).isEmpty();
            String token = editor.page("/newsroom/pages/" + privacy).selectFirst("input[name=_csrf]").val();
            HttpResponse<String> refused = editor.post("/newsroom/pages/" + privacy + "/delete", Map.of("_csrf", token));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(html(refused).select(".nr-errors").text()).contains("/privacy cannot be deleted");
            assertThat(editor.submit("/newsroom/pages/" + privacy, "/newsroom/pages/" + privacy,
                    Map.of("title", "Privacy & Cookies Policy", "slug", "privacy", "body", "We keep **no** logs.")).statusCode())
                    .isEqualTo(303);
            assertThat(site.readerPage("/privacy").select("main strong").text()).isEqualTo("no");
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("added a page Our team"))
                    .anyMatch(a -> a.startsWith("deleted a page The team")).noneMatch(a -> a.startsWith("deleted a page Privacy"));
        }
    }
}
