package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.Role;
import org.masthead.newsroom.Users;

/** The newsroom in Chromium: signing in by keyboard and mouse, and WCAG 2.1 A/AA on its pages. */
class NewsroomBrowserTest {
    private static final String PASSWORD = "river-city-desk-7";
    private static Browser browser;
    private static App app;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE).withDemo(true)).start();
        new Users(app.database()).add(new Users.NewUser("ruth@courier.example", "Ruth Calder", Role.ADMIN.name(), PASSWORD, PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    static void signIn(Page page, String email, String password) {
        page.navigate(url("/newsroom"));
        assertThat(page.url()).contains("/newsroom/login");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/newsroom");
    }

    @Test
    void anEditorSignsInAndEveryCorePageIsAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/newsroom/login"));
            assertThat(browser.accessibilityViolations(page)).as("login page").isEmpty();
            signIn(page, "ruth@courier.example", PASSWORD);
            assertThat(page.locator(".nr-who").innerText()).contains("Ruth Calder");
            for (String path : new String[] {"/newsroom", "/newsroom/account", "/newsroom/audit"}) {
                page.navigate(url(path));
                assertThat(browser.accessibilityViolations(page)).as("axe on " + path).isEmpty();
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/newsroom-audit.png")));
        }
    }

    @Test
    void aWrongPasswordShowsTheErrorAndKeepsTheEmail() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/newsroom/login"));
            page.getByLabel("Email address").fill("ruth@courier.example");
            page.getByLabel("Password").fill("not-my-password");
            page.getByLabel("Password").press("Enter");
            page.waitForSelector(".nr-errors");
            assertThat(page.locator(".nr-errors").innerText()).contains("wrong");
            assertThat(page.getByLabel("Email address").inputValue()).isEqualTo("ruth@courier.example");
            assertThat(browser.accessibilityViolations(page)).as("login page with an error").isEmpty();
        }
    }
}
