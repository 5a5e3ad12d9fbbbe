package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/** The newsroom in Chromium: signing in by keyboard and mouse, and WCAG 2.1 A/AA on its pages. */
class NewsroomBrowserTest {
    private static final String PASSWORD = "river-city-desk-7";
    private static Browser browser;
    private static App app;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE).withDemo(true)).start();
        new UserStore(app.database()).add(new UserStore.NewUser("ruth@courier.example", "Ruth Calder", Role.ADMIN.name(), PASSWORD, PASSWORD));
        new UserStore(app.database()).add(new UserStore.NewUser("daniel@courier.example", "Daniel Fenwick", Role.CONTRIBUTOR.name(),
                PASSWORD, PASSWORD));
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(app, browser);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    static void signIn(Page page, String email, String password) {
        Browser.signIn(page, TestSites.baseUrl(app), email, password);
        assertThat(page.url()).endsWith("/newsroom");
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
    void everyManagementPageAndFormIsAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signIn(page, "ruth@courier.example", PASSWORD);
            for (String area : new String[] {"sections", "tags", "authors", "pages", "users"}) {
                page.navigate(url("/newsroom/" + area));
                assertThat(browser.accessibilityViolations(page)).as("axe on the " + area + " list").isEmpty();
                // The last row; for users, the last account other than the admin's own.
                String edit = page.locator(".nr-table tbody tr").filter(new Locator.FilterOptions().setHasNotText("(you)"))
                        .last().locator("th a").getAttribute("href");
                page.locator(".nr-actions a.nr-button").first().click();
                page.waitForURL("**/newsroom/" + area + "/new");
                assertThat(browser.accessibilityViolations(page)).as("axe on the new " + area + " form").isEmpty();
                // Sent empty (the browser's own checks switched off), the form comes back with its errors.
                page.locator("main form.nr-form").evaluate("f => { f.noValidate = true; }");
                page.locator("main form.nr-form button[type=submit]").first().click();
                page.waitForSelector(".nr-errors");
                assertThat(browser.accessibilityViolations(page)).as("axe on the " + area + " form with errors").isEmpty();
                page.navigate(url(edit));
                assertThat(browser.accessibilityViolations(page)).as("axe on an edit page of " + area).isEmpty();
                Locator delete = page.locator("main a[href$='/delete']");
                if (delete.count() > 0) {
                    delete.click();
                    page.waitForURL("**/delete");
                    assertThat(browser.accessibilityViolations(page)).as("axe on deleting from " + area).isEmpty();
                }
            }
            for (String path : new String[] {"/newsroom/settings", "/newsroom/privacy", "/newsroom/articles",
                    "/newsroom/articles/new", "/newsroom/media", "/newsroom/import"}) {
                page.navigate(url(path));
                assertThat(browser.accessibilityViolations(page)).as("axe on " + path).isEmpty();
            }
            // A check of a WordPress export: the form, then its report.
            page.setInputFiles("#file", org.masthead.ThirdPartyData.path("wxr/valid-wxr-1.1.xml"));
            page.getByLabel("Only check the file and show the report, importing nothing").check();
            page.locator("form.nr-upload button[type=submit]").click();
            page.waitForURL(java.util.regex.Pattern.compile("/newsroom/import/[0-9a-f-]{36}$"));
            for (int tries = 0; tries < 50 && page.locator(".nr-report").count() == 0; tries++) {
                page.waitForTimeout(200);
                page.reload();
            }
            assertThat(page.locator(".nr-report").textContent()).contains("nothing was written");
            assertThat(browser.accessibilityViolations(page)).as("axe on an import's report").isEmpty();
            page.navigate(url("/newsroom/articles?status=published"));
            page.locator(".nr-articles tbody th a").first().click();
            page.waitForURL(java.util.regex.Pattern.compile("/newsroom/articles/\\d+$"));
            assertThat(browser.accessibilityViolations(page)).as("axe on the editor of a published article").isEmpty();
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
