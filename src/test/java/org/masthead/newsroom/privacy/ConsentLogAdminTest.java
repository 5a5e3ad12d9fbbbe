package org.masthead.newsroom.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.privacy.PrivacyHttp;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.privacy.ConsentCookie;

/** The consent log's CSV export (admins only) and raising the policy version, which asks everyone again. */
class ConsentLogAdminTest {
    private static final String PASSWORD = "harbour-lights-42";

    private static NewsroomClient signedIn(App app, String email, Role role) {
        new UserStore(app.database()).add(new UserStore.NewUser(email, "Test " + role.label(), role.name(), PASSWORD, PASSWORD));
        NewsroomClient client = new NewsroomClient(app);
        assertThat(client.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyAdminsExportTheLogAsCsv(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            String cookie = PrivacyHttp.setCookie(PrivacyHttp.consent(app, "none", List.of(), "/"), ConsentCookie.NAME);
            PrivacyHttp.consent(app, null, List.of("media"), "/", "Cookie", ConsentCookie.NAME + "=" + cookie);

            assertThat(new NewsroomClient(app).get("/newsroom/consent.csv").statusCode()).isEqualTo(303);
            NewsroomClient editor = signedIn(app, "editor@courier.example", Role.EDITOR);
            HttpResponse<String> refused = editor.get("/newsroom/consent.csv");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain(cookie.substring(0, 32));

            NewsroomClient admin = signedIn(app, "admin@courier.example", Role.ADMIN);
            HttpResponse<String> csv = admin.get("/newsroom/consent.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
            assertThat(csv.headers().firstValue("content-disposition")).hasValue("attachment; filename=\"consent-log.csv\"");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.getFirst()).isEqualTo(ConsentLogRoutes.CSV_HEADER);
            assertThat(lines).hasSize(3);
            String id = cookie.substring(0, cookie.indexOf('.'));
            assertThat(lines.get(1)).matches(id + ",\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z,1,yes,no,no,no,reject-all,no,[0-9a-f]{16}");
            assertThat(lines.get(2)).matches(id + ",.+,1,yes,no,no,yes,choose,no,[0-9a-f]{16}");
            assertThat(admin.page("/newsroom/audit").select("td").eachText()).contains("privacy.consent-export");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void raisingThePolicyVersionAsksEveryoneAgain(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            String cookie = PrivacyHttp.setCookie(PrivacyHttp.consent(app, "all", List.of(), "/"), ConsentCookie.NAME);
            assertThat(cookie).contains(".1.");
            String[] withCookie = {"Cookie", ConsentCookie.NAME + "=" + cookie};
            assertThat(Jsoup.parse(PrivacyHttp.get(app, "/", withCookie).body()).select("#consent-banner")).isEmpty();

            NewsroomClient admin = signedIn(app, "admin@courier.example", Role.ADMIN);
            assertThat(admin.page("/newsroom/privacy").select("main").text()).contains("version 1");
            HttpResponse<String> raised = admin.submit("/newsroom/privacy", "/newsroom/privacy/version", Map.of());
            assertThat(raised.statusCode()).isEqualTo(303);
            assertThat(admin.page(raised.headers().firstValue("location").orElseThrow()).text()).contains("Policy version 2 is in force");
            assertThat(admin.page("/newsroom/audit").text()).contains("privacy.policy-version", "raised to version 2");

            var page = Jsoup.parse(PrivacyHttp.get(app, "/", withCookie).body());
            assertThat(page.select("#consent-banner").attr("data-policy-version")).isEqualTo("2");
            assertThat(page.select("#consent-banner button").eachText()).contains("Accept all");
            String renewed = PrivacyHttp.setCookie(PrivacyHttp.consent(app, "none", List.of(), "/", withCookie), ConsentCookie.NAME);
            assertThat(renewed).isEqualTo(cookie.substring(0, 32) + ".2.none");
        }
    }
}
