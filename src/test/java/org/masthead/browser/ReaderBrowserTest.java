package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** What a reader sees in Chromium: home page, a story, and WCAG 2.1 A/AA by axe-core. */
class ReaderBrowserTest {
    private static Browser browser;
    private static App app;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
        app = TestSites.demo(Kind.SQLITE);
        app.searchIndex().awaitIdle();
    }

    @AfterAll
    static void close() {
        Browser.closeAll(browser);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    @Test
    void aReaderOpensTheHomePageAndFollowsAStory() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/"));
            assertThat(page.title()).contains("The Port Alder Courier");
            Locator lead = page.locator(".lead-headline a");
            String headline = lead.innerText();
            lead.click();
            page.waitForURL("**/20*/**");
            assertThat(page.locator("h1").innerText()).isEqualTo(headline);
            assertThat(page.locator(".byline a").first().isVisible()).isTrue();
            Locator featured = page.locator("figure.featured img");
            assertThat(featured.isVisible()).isTrue();
            // The picture really loaded: a broken image has no natural width.
            assertThat(((Number) featured.evaluate("img => img.complete && img.naturalWidth")).intValue()).isGreaterThan(0);
            assertThat(page.locator(".story-body h2").count()).isGreaterThan(0);
            assertThat(page.locator(".see-also a").count()).isBetween(2, 3);
            assertThat(page.locator(".related .card").count()).isBetween(4, 6);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/article.png")).setFullPage(true));

            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip-link");
            assertThat(page.locator(".skip-link").isVisible()).isTrue();
        }
    }

    @Test
    void aReaderSearchesFromTheHeaderWithSuggestionsAsTheyType() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/section/city"));
            Locator box = page.locator("header input[name=q]");
            box.pressSequentially("bus", new Locator.PressSequentiallyOptions().setDelay(40));
            page.waitForFunction("() => document.querySelectorAll('#site-search-suggestions option').length > 0");
            List<String> offered = page.locator("#site-search-suggestions option").all().stream()
                    .map(o -> o.getAttribute("value")).toList();
            assertThat(offered).contains("Buses", "Night buses return to four routes from December");
            box.fill("night buses");
            box.press("Enter");
            page.waitForURL("**/search?q=night+buses");
            assertThat(page.locator(".search-headline a").first().innerText())
                    .isEqualTo("Night buses return to four routes from December");
            assertThat(page.locator(".search-result mark").first().isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search.png")).setFullPage(true));
        }
    }

    @Test
    void pagesWorkOnASmallScreen() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setViewportSize(375, 740);
            page.navigate(url("/"));
            Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-phone.png")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "ARTICLE", "/section/city", "/author/mara-okonjo", "/tag/harbour", "/about", "/nope",
            "/search", "/search?q=harbour&section=city", "/search?q=harbur", "/search?q=xylophonequartet"})
    void pagesHaveNoWcagViolations(String path) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            if ("ARTICLE".equals(path)) {
                page.navigate(url("/"));
                page.locator(".lead-headline a").click();
                page.waitForURL("**/20*/**");
            } else {
                page.navigate(url(path));
            }
            List<String> violations = browser.accessibilityViolations(page);
            assertThat(violations).as("axe-core WCAG 2.1 A/AA violations on " + page.url()).isEmpty();
        }
    }

    @Test
    void axeReportsAViolationWhereThereIsOne() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.evaluate("() => document.querySelector('.lead-story img').removeAttribute('alt')");
            page.evaluate("() => document.querySelector('.lead-image').removeAttribute('aria-hidden')");
            assertThat(browser.accessibilityViolations(page)).anySatisfy(v -> assertThat(v).startsWith("image-alt"));
        }
    }
}
