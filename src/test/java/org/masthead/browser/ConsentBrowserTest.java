package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.PageStore;

/**
 * The cookie question in Chromium: nothing optional and no outside request before a choice,
 * Accept/Reject/Choose without a reload, Global Privacy Control, embeds that wait for
 * consent, keyboard use, and WCAG 2.1 A/AA by axe-core.
 */
class ConsentBrowserTest {
    private static Browser browser;
    private static App app;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE)).start();
        app.database().write(tx -> new PageStore(new Markdown(MediaResolver.NONE)).add(tx, "harbour-video", "Harbour video",
                "The crossing, filmed from the bridge.\n\n::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ The crossing\n\n"
                        + "::: embed https://www.openstreetmap.org/#map=16/53.5461/-2.1095 Where the wall will stand\n"));
    }

    @AfterAll
    static void close() {
        Browser.closeAll(browser, app);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    /** Every request the page makes that leaves this machine; embeds are answered locally, never fetched. */
    private static List<String> watchOutside(BrowserContext context) {
        List<String> outside = new CopyOnWriteArrayList<>();
        context.route(u -> !URI.create(u).getHost().equals("127.0.0.1"), route -> {
            outside.add(route.request().url());
            route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(204).setBody(""));
        });
        return outside;
    }

    private static Map<String, Object> storage(Page page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate("""
                () => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length })""");
        return result;
    }

    @Test
    void beforeAChoiceNothingIsStoredAndNothingLeavesTheMachine() {
        try (BrowserContext context = browser.newContext()) {
            List<String> outside = watchOutside(context);
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            page.waitForLoadState();
            assertThat(storage(page)).isEqualTo(Map.of("cookie", "", "local", 0, "session", 0));
            assertThat(context.cookies()).isEmpty();
            assertThat(page.locator(".embed iframe").count()).isZero();
            assertThat(page.locator(".embed a").first().getAttribute("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
            assertThat(outside).isEmpty();
        }
    }

    @Test
    void acceptAllClosesTheBannerWithoutReloadAndLoadsEmbeds() {
        try (BrowserContext context = browser.newContext()) {
            List<String> outside = watchOutside(context);
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            page.evaluate("() => { window.notReloaded = true; }");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Accept all")).click();
            page.locator("#consent-banner").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertThat(page.evaluate("() => window.notReloaded")).isEqualTo(true);
            assertThat(page.locator(".consent-status").innerText()).contains("saved");
            assertThat(context.cookies()).singleElement().satisfies(c -> {
                assertThat(c.name).isEqualTo("masthead_consent");
                assertThat(c.value).endsWith(".preferences+statistics+media");
            });
            page.locator(".embed iframe").first().waitFor();
            assertThat(page.locator(".embed iframe").first().getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
            assertThat(page.locator(".embed iframe").nth(1).getAttribute("src")).startsWith("https://www.openstreetmap.org/export/embed.html?");
            page.waitForCondition(() -> outside.size() >= 2);
            assertThat(outside).allSatisfy(u -> assertThat(URI.create(u).getHost()).isIn("www.youtube-nocookie.com", "www.openstreetmap.org"));
            // The next page knows the answer: no question.
            page.navigate(url("/"));
            assertThat(page.locator("#consent-banner").count()).isZero();
        }
    }

    @Test
    void rejectAllStoresOnlyTheAnswerAndEmbedsWaitForAClick() {
        try (BrowserContext context = browser.newContext()) {
            List<String> outside = watchOutside(context);
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            page.locator("button:text-is('Reject all')").click();
            page.locator("#consent-banner").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertThat(context.cookies()).singleElement().satisfies(c -> assertThat(c.value).endsWith(".none"));
            assertThat(storage(page)).containsEntry("local", 0).containsEntry("session", 0);
            page.waitForTimeout(300);
            assertThat(page.locator(".embed iframe").count()).isZero();
            assertThat(outside).isEmpty();
            page.locator(".embed-load").first().click();
            assertThat(page.locator(".embed iframe").count()).isEqualTo(1);
        }
    }

    @Test
    void chooseByKeyboardAndTheAnswerTakesEffectAtOnce() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            page.keyboard().press("Tab"); // skip link
            page.keyboard().press("Tab"); // policy link in the banner
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Accept all");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Reject all");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Choose");
            page.keyboard().press("Enter");
            page.keyboard().press("Tab"); // preferences (necessary is fixed)
            page.keyboard().press("Tab"); // statistics
            page.keyboard().press("Tab"); // external media
            assertThat(page.evaluate("() => document.activeElement.value")).isEqualTo("media");
            page.keyboard().press("Space");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Save my choices");
            page.keyboard().press("Enter");
            page.locator(".embed iframe").first().waitFor();
            assertThat(context.cookies().getFirst().value).endsWith(".media");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main-content");
        }
    }

    @Test
    void globalPrivacyControlIsHonouredWithoutAsking() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setExtraHTTPHeaders(Map.of("Sec-GPC", "1")))) {
            List<String> outside = watchOutside(context);
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            assertThat(page.locator("#consent-banner").innerText()).contains("Global Privacy Control");
            assertThat(page.locator("#consent-banner button").count()).isZero();
            assertThat(context.cookies()).isEmpty();
            page.waitForTimeout(300);
            assertThat(page.locator(".embed iframe").count()).isZero();
            assertThat(outside).isEmpty();
            assertThat(browser.accessibilityViolations(page)).isEmpty();
        }
    }

    @Test
    void theBannerAndSettingsPassAxe() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/harbour-video"));
            assertThat(browser.accessibilityViolations(page)).as("banner closed").isEmpty();
            page.locator("summary:text-is('Choose')").click();
            assertThat(browser.accessibilityViolations(page)).as("banner with choices open").isEmpty();
            page.navigate(url("/cookies"));
            assertThat(browser.accessibilityViolations(page)).as("cookie settings").isEmpty();
            page.setViewportSize(375, 740);
            page.navigate(url("/harbour-video"));
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/consent-phone.png")));
        }
    }
}
