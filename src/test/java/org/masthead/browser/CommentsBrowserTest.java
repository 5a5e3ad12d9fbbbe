package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.comments.CommentSettings;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.Comment;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;

/** Comments in Chromium: posting and replying with script (no reload) and without it, and axe on the thread and form. */
class CommentsBrowserTest {
    private static final String ARTICLE = "/2026/11/21/ferry-timetable-changes";
    private static Browser browser;
    private static App app;
    private static CommentStore comments;
    private static long article;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE)).start();
        article = app.database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx,
                ArticleEdit.of("ferry-timetable-changes", "Ferry timetable changes", "Fewer crossings in winter.",
                        "The winter timetable starts in December.\n\nTwo crossings fewer a day.",
                        new SectionStore(app.database()).add(tx, "transport", "Transport", "Ferries and buses.", null, 0),
                        ArticleStatus.PUBLISHED, Instant.parse("2026-11-21T08:00:00Z")), ArticleEdit.By.SYSTEM));
        comments = new CommentStore(app.database());
        Map<String, String> rows = new LinkedHashMap<>(comments.settings().rows());
        rows.put("comments.min_fill_seconds", "0");
        app.database().write(tx -> {
            comments.saveSettings(tx, CommentSettings.from(rows));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(app, browser);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    private static void fill(Page page, String name, String email, String text) {
        page.getByLabel("Name").fill(name);
        page.getByLabel("Email").fill(email);
        page.getByLabel("Comment", new Page.GetByLabelOptions().setExact(false)).last().fill(text);
    }

    @Test
    void withScriptACommentAndAReplyAppearWithoutReloading() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url(ARTICLE));
            assertThat(browser.accessibilityViolations(page)).as("axe on an article with an empty thread").isEmpty();
            page.evaluate("() => { window.notReloaded = true; }");
            fill(page, "Harriet Moss", "harriet@example.org", "Two fewer crossings is a blow for commuters.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
            page.locator("#comments .comment-author", new Page.LocatorOptions().setHasText("Harriet Moss")).waitFor();
            assertThat(page.locator("[data-comment-message]").innerText()).contains("published");
            assertThat((Boolean) page.evaluate("() => window.notReloaded === true")).as("no reload").isTrue();

            Comment first = comments.approved(article).getFirst();
            page.locator("#comment-" + first.id() + " .comment-reply").click();
            assertThat(page.locator("#comment-form-heading").innerText()).isEqualTo("Reply to Harriet Moss");
            // The form moved under the comment it answers.
            assertThat(page.locator("#comment-" + first.id() + " #comment-form").count()).isEqualTo(1);
            fill(page, "Owen Pike", "owen@example.org", "The early boat stays, at least.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
            page.locator("#comment-" + first.id() + " .comment-replies .comment-author").waitFor();
            assertThat(page.locator("#comment-" + first.id() + " .comment-replies .comment-author").innerText())
                    .isEqualTo("Owen Pike");
            assertThat((Boolean) page.evaluate("() => window.notReloaded === true")).isTrue();
            assertThat(page.locator("#comment-form-heading").innerText()).isEqualTo("Leave a comment");

            // An empty submit is caught by the server's rules too, shown beside the field.
            page.getByLabel("Name").fill("Nobody");
            page.getByLabel("Email").fill("nobody@example.org");
            page.evaluate("() => document.querySelector('#c-body').removeAttribute('required')");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
            page.locator(".field-error").waitFor();
            assertThat(page.locator(".field-error").innerText()).contains("Write a comment");
            assertThat(page.getByLabel("Name").inputValue()).isEqualTo("Nobody");
            assertThat(browser.accessibilityViolations(page)).as("axe on the form with an error").isEmpty();

            page.reload();
            assertThat(page.locator("#comments-heading").innerText()).isEqualTo("2 comments");
            assertThat(browser.accessibilityViolations(page)).as("axe on an article with a thread").isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/comments.png")).setFullPage(true));
        }
    }

    @Test
    void withoutScriptTheFormPostsAndComesBackWithAMessage() {
        try (BrowserContext context = browser.newContext(new NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url(ARTICLE));
            fill(page, "Pat Rowe", "pat@example.org", "Will the timetable be posted at the quay?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
            page.waitForURL("**/ferry-timetable-changes?comment=*");
            assertThat(page.locator(".comment-notice").innerText()).contains("published");
            assertThat(page.locator("#comments .comment-author", new Page.LocatorOptions().setHasText("Pat Rowe")).count())
                    .isEqualTo(1);

            // A long comment the server refuses comes back with the text and the error, still without script.
            String tooLong = "a".repeat(5001);
            page.getByLabel("Name").fill("Pat Rowe");
            page.getByLabel("Email").fill("pat@example.org");
            page.locator("#c-body").evaluate("(el, text) => { el.removeAttribute('maxlength'); el.value = text; }", tooLong);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post comment")).click();
            page.locator("#c-body-error").waitFor();
            assertThat(page.locator("#c-body-error").innerText()).contains("at most 5000");
            assertThat(page.locator("#c-body").inputValue()).hasSize(5001);
            assertThat(comments.approved(article).stream().map(Comment::status)).containsOnly(CommentStatus.APPROVED);
        }
    }
}
