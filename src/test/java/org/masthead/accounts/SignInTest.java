package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;

/** Accounts, sessions and their protections, over HTTP against the real server. */
class SignInTest {
    private static final String PASSWORD = "harbour-lights-42";

    private static User addUser(App app, String email, Role role) {
        return new UserStore(app.database()).add(new UserStore.NewUser(email, "Test " + role.label(), role.name(), PASSWORD, PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void setupCreatesTheFirstAdminOnceThenSignInWorks(Kind kind) {
        Config config = TestSites.config(kind);
        try (App app = App.create(config).start()) {
            NewsroomClient browser = new NewsroomClient(app);
            HttpResponse<String> anonymous = browser.get("/newsroom");
            assertThat(anonymous.statusCode()).isEqualTo(303);
            assertThat(anonymous.headers().firstValue("location")).hasValue("/newsroom/login?next=%2Fnewsroom");
            assertThat(browser.get("/newsroom/login").headers().firstValue("location")).hasValue("/newsroom/setup");

            HttpResponse<String> tooShort = browser.submit("/newsroom/setup", "/newsroom/setup",
                    Map.of("name", "Ruth Calder", "email", "ruth@courier.example", "password", "short", "repeat", "short"));
            assertThat(tooShort.statusCode()).isEqualTo(422);
            Document kept = Jsoup.parse(tooShort.body());
            assertThat(kept.selectFirst("#name").val()).isEqualTo("Ruth Calder");
            assertThat(kept.selectFirst("#email").val()).isEqualTo("ruth@courier.example");
            assertThat(kept.select(".nr-errors li").text()).contains("at least 10 characters");

            HttpResponse<String> done = browser.submit("/newsroom/setup", "/newsroom/setup",
                    Map.of("name", "Ruth Calder", "email", "ruth@courier.example", "password", PASSWORD, "repeat", PASSWORD));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(browser.page("/newsroom").select(".nr-who").text()).contains("Ruth Calder", "Admin");
            assertThat(browser.get("/newsroom/setup").statusCode()).isEqualTo(404);
        }
        // SessionStore live in the database: a restarted server still knows the signed-in browser.
        try (App app = App.create(config).start()) {
            NewsroomClient browser = new NewsroomClient(app);
            assertThat(browser.signIn("ruth@courier.example", PASSWORD).statusCode()).isEqualTo(303);
            String token = browser.cookie(Guard.SESSION_COOKIE);
            assertThat(token).isNotBlank();
            app.close();
            try (App again = App.create(config.withPort(0)).start()) {
                assertThat(new SessionStore(again.database()).find(token)).isPresent();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void wrongPasswordsAreRefusedAndThenRateLimited(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            addUser(app, "kofi@courier.example", Role.AUTHOR);
            NewsroomClient browser = new NewsroomClient(app);
            HttpResponse<String> wrong = browser.signIn("kofi@courier.example", "not-the-password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            Document page = Jsoup.parse(wrong.body());
            assertThat(page.select(".nr-errors").text()).contains("wrong");
            assertThat(page.selectFirst("#email").val()).isEqualTo("kofi@courier.example");
            for (int i = 1; i < LoginFailureStore.PER_ACCOUNT; i++) {
                browser.signIn("kofi@courier.example", "still-wrong-" + i);
            }
            HttpResponse<String> limited = browser.signIn("kofi@courier.example", PASSWORD);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(limited.body()).select(".nr-errors").text()).contains("Too many failed sign-ins");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sessionCookieIsHttpOnlyLaxAndFormsNeedTheirToken(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            addUser(app, "mara@courier.example", Role.CONTRIBUTOR);
            NewsroomClient browser = new NewsroomClient(app);
            HttpResponse<String> signedIn = browser.signIn("mara@courier.example", PASSWORD);
            String setCookie = signedIn.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith(Guard.SESSION_COOKIE + "=")).findFirst().orElseThrow();
            assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
            assertThat(setCookie).doesNotContainIgnoringCase("Secure"); // plain http here

            HttpResponse<String> forged = browser.post("/newsroom/account",
                    Map.of("current", PASSWORD, "password", "a-new-password-1", "repeat", "a-new-password-1"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(forged.body()).text()).contains("security token");

            HttpResponse<String> forbidden = browser.get("/newsroom/audit");
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(forbidden.body()).text()).contains("admin role");

            HttpResponse<String> out = browser.submit("/newsroom", "/newsroom/logout", Map.of());
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(browser.get("/newsroom").statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changingThePasswordKeepsThisSessionAndIsAudited(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            addUser(app, "admin@courier.example", Role.ADMIN);
            NewsroomClient browser = new NewsroomClient(app);
            NewsroomClient otherDevice = new NewsroomClient(app);
            browser.signIn("admin@courier.example", PASSWORD);
            otherDevice.signIn("admin@courier.example", PASSWORD);
            HttpResponse<String> mismatch = browser.submit("/newsroom/account", "/newsroom/account",
                    Map.of("current", PASSWORD, "password", "brand-new-secret", "repeat", "brand-new-secreT"));
            assertThat(mismatch.statusCode()).isEqualTo(422);
            HttpResponse<String> changed = browser.submit("/newsroom/account", "/newsroom/account",
                    Map.of("current", PASSWORD, "password", "brand-new-secret", "repeat", "brand-new-secret"));
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(browser.get("/newsroom").statusCode()).isEqualTo(200);
            assertThat(otherDevice.get("/newsroom").statusCode()).isEqualTo(303);
            Document audit = browser.page("/newsroom/audit");
            assertThat(audit.select("td").eachText()).contains("changed their password", "signed in");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void setupIsRefusedWhenAnAccountExists(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            addUser(app, "first@courier.example", Role.ADMIN);
            HttpResponse<String> setup = new NewsroomClient(app).post("/newsroom/setup",
                    Map.of("name", "Intruder", "email", "i@evil.example", "password", PASSWORD, "repeat", PASSWORD));
            assertThat(setup.statusCode()).isEqualTo(404);
            assertThat(new UserStore(app.database()).count()).isEqualTo(1);
        }
    }
}
