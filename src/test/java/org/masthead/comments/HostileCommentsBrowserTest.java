package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.browser.Browser;

/**
 * The article page with every hostile comment approved, in Chromium: no script of theirs
 * runs (no dialog, no flag set on the window), the page's own scripts raise no error, and
 * no Content Security Policy violation shows that something tried. A comment posted through
 * the page's script, whose answer is inserted as HTML, is just as inert.
 */
class HostileCommentsBrowserTest {
    /** Set before any page script runs: a dialog counter, the flag payloads set, and CSP violations. */
    private static final String WATCH = """
            window.__xss = 0;
            window.__csp = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
            """;

    @Test
    void hostileCommentsRunNothingInChromium() {
        try (Browser browser = Browser.launch(); CommentSite site = HostileCommentsTest.site(Kind.SQLITE)) {
            List<Long> ids = new ArrayList<>();
            int client = 0;
            for (String field : List.of("name", "url", "body")) {
                for (String input : HostileComments.all()) {
                    client++;
                    Map<String, String> form = HostileComments.form(site, client);
                    form.put(field, input);
                    HttpResponse<String> answer = HostileComments.post(site, CommentSite.encode(form), client);
                    if (answer.statusCode() == 303) {
                        ids.add(site.app.database().read(h -> h.createQuery("select id from comments where author_email = :e")
                                .bind("e", form.get("email")).mapTo(Long.class).one()));
                    }
                }
            }
            site.app.database().write(tx -> site.comments.setStatus(tx, ids, CommentStatus.APPROVED));
            site.settings(rows -> CommentSite.with(rows, "per_page", "1000"));

            try (BrowserContext context = browser.newContext()) {
                context.addInitScript(WATCH);
                Page page = context.newPage();
                List<String> dialogs = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                page.onDialog(d -> {
                    dialogs.add(d.type() + ": " + d.message());
                    d.dismiss();
                });
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) {
                        errors.add(m.text());
                    }
                });
                page.onPageError(errors::add);
                page.navigate(TestSites.baseUrl(site.app) + CommentSite.ARTICLE_URL);
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                nothingRan(page, dialogs, errors);
                assertThat(page.locator("#comments article.comment").count()).isEqualTo(ids.size());

                // What a reader does with a comment: point at its links, and answer it (which copies its name into the form).
                page.locator("#comments .comment a").evaluateAll(
                        "links => links.forEach(a => ['mouseover', 'focus'].forEach(t => a.dispatchEvent(new Event(t, {bubbles: true}))))");
                for (int i = 0; i < Math.min(40, ids.size()); i++) {
                    page.locator("#comments .comment-reply").nth(i).click();
                }
                assertThat(page.locator("#comment-form-heading").innerText()).startsWith("Reply to ");

                page.locator("[data-cancel-reply]").click();
                page.fill("#c-name", "<img src=x onerror=\"window.__xss=1\"> Browser Reader");
                page.fill("#c-email", "script@example.org");
                page.fill("#c-url", "https://example.com/\"onmouseover=\"window.__xss=1");
                page.fill("#c-body", "<script>window.__xss=1</script>\n\n<svg onload=alert(1)> https://example.com/'onfocus='alert(1)'");
                page.click(".comment-form button[type=submit]");
                // The shipped spam model may hold a comment this full of markup and links for a moderator:
                // approve it as one would, then read the page again.
                TestSites.eventually("the browser's comment is stored", java.time.Duration.ofSeconds(30),
                        () -> site.app.database().read(h -> h.createQuery(
                                "select count(*) from comments where author_email = 'script@example.org'").mapTo(Long.class).one()) == 1);
                long browserComment = site.app.database().read(h -> h.createQuery(
                        "select id from comments where author_email = 'script@example.org'").mapTo(Long.class).one());
                site.app.database().write(tx -> site.comments.setStatus(tx, List.of(browserComment), CommentStatus.APPROVED));
                page.navigate(TestSites.baseUrl(site.app) + CommentSite.ARTICLE_URL);
                var posted = page.locator("#comments article.comment").filter(
                        new com.microsoft.playwright.Locator.FilterOptions().setHasText("Browser Reader"));
                posted.waitFor();
                assertThat(posted.locator(".comment-author").innerText()).isEqualTo("<img src=x onerror=\"window.__xss=1\"> Browser Reader");
                assertThat(posted.locator(".comment-body").innerText()).contains("<script>window.__xss=1</script>");
                posted.locator("a").evaluateAll("links => links.forEach(a => a.dispatchEvent(new Event('mouseover', {bubbles: true})))");

                nothingRan(page, dialogs, errors);
            }
        }
    }

    private static void nothingRan(Page page, List<String> dialogs, List<String> errors) {
        assertThat(page.evaluate("window.__csp")).as("CSP violations").asList().isEmpty();
        assertThat(dialogs).as("dialogs").isEmpty();
        assertThat(((Number) page.evaluate("window.__xss")).intValue()).as("window.__xss").isZero();
        assertThat(errors).as("console errors").isEmpty();
    }
}
