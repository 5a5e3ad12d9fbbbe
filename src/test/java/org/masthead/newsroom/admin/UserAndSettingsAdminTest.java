package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.admin.AdminSite.PASSWORD;
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
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;

/** Accounts and site settings: admins only, and the newsroom can never lose its last admin. */
class UserAndSettingsAdminTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void adminsAddAccountsChangeRolesResetPasswordsAndDeleteAccounts(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            HttpResponse<String> bad = admin.submit("/newsroom/users/new", "/newsroom/users",
                    Map.of("name", "Iris Halvorsen", "email", "iris@courier.example", "role", "editor", "password", "short", "repeat", "short"));
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.selectFirst("#name").val()).isEqualTo("Iris Halvorsen");
            assertThat(kept.selectFirst("#email").val()).isEqualTo("iris@courier.example");
            assertThat(kept.selectFirst("#role option[selected]").val()).isEqualTo("editor");
            assertThat(kept.selectFirst("#password").val()).isEmpty();
            assertThat(kept.select(".nr-errors").text()).contains("at least 10 characters");

            HttpResponse<String> added = admin.submit("/newsroom/users/new", "/newsroom/users",
                    Map.of("name", "Iris Halvorsen", "email", "iris@courier.example", "role", "editor", "password", PASSWORD, "repeat", PASSWORD));
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(admin.page("/newsroom/users?done=added").select("tbody tr").eachText())
                    .anyMatch(row -> row.contains("Iris Halvorsen") && row.contains("Editor"));
            HttpResponse<String> again = admin.submit("/newsroom/users/new", "/newsroom/users",
                    Map.of("name", "Iris H", "email", "IRIS@courier.example", "role", "author", "password", PASSWORD, "repeat", PASSWORD));
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(html(again).select(".nr-errors").text()).contains("already exists");

            User iris = new UserStore(site.app.database()).find("iris@courier.example").orElseThrow();
            NewsroomClient irisBrowser = site.signedIn(iris);
            assertThat(irisBrowser.get("/newsroom/sections").statusCode()).isEqualTo(200);
            String base = "/newsroom/users/" + iris.id();
            assertThat(admin.submit(base, base + "/role", Map.of("role", "contributor")).statusCode()).isEqualTo(303);
            assertThat(irisBrowser.get("/newsroom/sections").statusCode()).isEqualTo(403); // takes effect at once

            HttpResponse<String> mismatch = admin.submit(base, base + "/password", Map.of("password", "a-new-secret-1", "repeat", "a-new-secret-2"));
            assertThat(mismatch.statusCode()).isEqualTo(422);
            assertThat(admin.submit(base, base + "/password", Map.of("password", "a-new-secret-1", "repeat", "a-new-secret-1"))
                    .statusCode()).isEqualTo(303);
            assertThat(irisBrowser.get("/newsroom").statusCode()).isEqualTo(303); // her session ended
            assertThat(new NewsroomClient(site.app).signIn("iris@courier.example", PASSWORD).statusCode()).isEqualTo(401);
            assertThat(new NewsroomClient(site.app).signIn("iris@courier.example", "a-new-secret-1").statusCode()).isEqualTo(303);

            assertThat(admin.submit(base + "/delete", base + "/delete", Map.of()).statusCode()).isEqualTo(303);
            assertThat(new UserStore(site.app.database()).find("iris@courier.example")).isEmpty();
            assertThat(site.auditActions()).anyMatch(a -> a.equals("added an account iris@courier.example as Editor"))
                    .anyMatch(a -> a.equals("changed a role iris@courier.example: Editor to Contributor"))
                    .anyMatch(a -> a.equals("reset a password iris@courier.example"))
                    .anyMatch(a -> a.startsWith("deleted an account iris@courier.example"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theLastAdminCannotBeDemotedOrDeletedAndNobodyDeletesThemselves(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            User ruth = site.addUser(Role.ADMIN);
            NewsroomClient admin = site.signedIn(ruth);
            String self = "/newsroom/users/" + ruth.id();
            HttpResponse<String> demote = admin.submit(self, self + "/role", Map.of("role", "editor"));
            assertThat(demote.statusCode()).isEqualTo(409);
            assertThat(html(demote).select(".nr-errors").text()).contains("is the last admin");
            assertThat(html(demote).selectFirst("#role option[selected]").val()).isEqualTo("editor");
            assertThat(admin.page(self).select("a[href$=/delete]")).isEmpty();
            String token = admin.page(self).selectFirst("input[name=_csrf]").val();
            HttpResponse<String> deleteSelf = admin.post(self + "/delete", Map.of("_csrf", token));
            assertThat(deleteSelf.statusCode()).isEqualTo(409);
            assertThat(html(deleteSelf).select(".nr-errors").text()).contains("cannot delete your own account");
            assertThat(new UserStore(site.app.database()).byId(ruth.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);

            // With a second admin, Ruth may step down; then the other admin is the last one and stays.
            User kofi = site.addUser(Role.ADMIN);
            assertThat(admin.submit(self, self + "/role", Map.of("role", "editor")).headers().firstValue("location"))
                    .hasValue("/newsroom");
            assertThat(admin.get("/newsroom/users").statusCode()).isEqualTo(403);
            NewsroomClient other = site.signedIn(kofi);
            String kofiPage = "/newsroom/users/" + kofi.id();
            assertThat(other.submit(kofiPage, kofiPage + "/role", Map.of("role", "author")).statusCode()).isEqualTo(409);
            assertThat(other.submit(self, self + "/role", Map.of("role", "admin")).statusCode()).isEqualTo(303);
            assertThat(admin.get("/newsroom/users").statusCode()).isEqualTo(200);
            assertThat(site.auditActions()).noneMatch(a -> a.startsWith("deleted an account"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editorsCannotReachUsersOrSettingsAndForgedFormsAreRefused(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            User admin = site.addUser(Role.ADMIN);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            for (String path : List.of("/newsroom/users", "/newsroom/users/new", "/newsroom/users/" + admin.id(), "/newsroom/settings")) {
                HttpResponse<String> refused = editor.get(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(html(refused).text()).contains("admin role or higher");
            }
            String token = editor.page("/newsroom/account").selectFirst("input[name=_csrf]").val();
            assertThat(editor.post("/newsroom/users/" + admin.id() + "/role", Map.of("_csrf", token, "role", "contributor")).statusCode())
                    .isEqualTo(403);
            assertThat(editor.post("/newsroom/settings", Map.of("_csrf", token, "name", "Taken", "tagline", "", "language", "en",
                    "zone", "UTC")).statusCode()).isEqualTo(403);
            assertThat(editor.post("/newsroom/users", Map.of("_csrf", token, "name", "Me Again", "email", "me@evil.example",
                    "role", "admin", "password", PASSWORD, "repeat", PASSWORD)).statusCode()).isEqualTo(403);

            NewsroomClient adminBrowser = site.signedIn(admin);
            assertThat(adminBrowser.post("/newsroom/settings", Map.of("name", "Forged", "tagline", "", "language", "en", "zone", "UTC"))
                    .statusCode()).isEqualTo(403);
            assertThat(adminBrowser.post("/newsroom/users/" + admin.id() + "/role", Map.of("role", "contributor")).statusCode())
                    .isEqualTo(403);
            assertThat(new UserStore(site.app.database()).byId(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
            assertThat(new UserStore(site.app.database()).find("me@evil.example")).isEmpty();
            assertThat(site.readerPage("/").select(".brand").text()).isNotIn("Taken", "Forged");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void savedSettingsShowOnThePublicSiteAndBadOnesAreKept(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            assertThat(site.readerPage("/").select(".brand").text()).isEqualTo("Masthead");
            HttpResponse<String> bad = admin.submit("/newsroom/settings", "/newsroom/settings",
                    Map.of("name", "The Port Alder Courier", "tagline", "News since 1887", "language", "portuguese", "zone", "Mars/Olympus"));
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.selectFirst("#name").val()).isEqualTo("The Port Alder Courier");
            assertThat(kept.selectFirst("#language").val()).isEqualTo("portuguese");
            assertThat(kept.selectFirst("#zone").val()).isEqualTo("Mars/Olympus");
            assertThat(kept.select(".nr-errors li")).hasSize(2);
            assertThat(site.readerPage("/").select(".brand").text()).isEqualTo("Masthead");

            HttpResponse<String> saved = admin.submit("/newsroom/settings", "/newsroom/settings",
                    Map.of("name", "The Port Alder Courier", "tagline", "News since 1887", "language", "pt-br", "zone", "America/Sao_Paulo"));
            assertThat(saved.statusCode()).isEqualTo(303);
            Document home = site.readerPage("/");
            assertThat(home.select(".brand").text()).isEqualTo("The Port Alder Courier");
            assertThat(home.select(".tagline").text()).isEqualTo("News since 1887");
            assertThat(home.selectFirst("html").attr("lang")).isEqualTo("pt-BR");
            Document form = admin.page("/newsroom/settings?done=saved");
            assertThat(form.select(".nr-notice").text()).contains("Settings saved");
            assertThat(form.selectFirst("#zone").val()).isEqualTo("America/Sao_Paulo");
            assertThat(form.select("#zones option[value=Europe/Berlin]")).hasSize(1);
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("changed the site settings") && a.endsWith("pt-BR | America/Sao_Paulo"));
        }
    }
}
