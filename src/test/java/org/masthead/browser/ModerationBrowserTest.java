package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.comments.Block;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/** Comment moderation in Chromium: a moderator approves by mouse, and the moderation and commenter pages meet WCAG 2.1 A/AA. */
class ModerationBrowserTest {
    private static final String PASSWORD = "river-city-desk-7";
    private static Browser browser;
    private static App app;
    private static Comment held;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE)).start();
        new UserStore(app.database()).add(new UserStore.NewUser("ruth@courier.example", "Ruth Calder", Role.ADMIN.name(), PASSWORD, PASSWORD));
        long article = app.database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx,
                ArticleEdit.of("night-ferries", "Night ferries return", "Dek", "Body.",
                        new SectionStore(app.database()).add(tx, "harbour", "Harbour", "", null, 0),
                        ArticleStatus.PUBLISHED, Instant.now().minusSeconds(60)), ArticleEdit.By.SYSTEM));
        CommentStore comments = new CommentStore(app.database());
        held = app.database().write(tx -> comments.add(tx, new NewComment(article, null, "Ada Lovelace", "ada@readers.example", "https://ada.example",
                        "When do the night ferries start?\n\nSee https://ferries.example/timetable.", "203.0.113.9"), 0,
                CommentStatus.PENDING, List.of("2 links (more than 1)"), 0.4, CommentGate.fingerprint("ferries"), "203.0.113.0", null));
        app.database().write(tx -> comments.add(tx, new NewComment(article, null, "Deals", "deals@spam.example", "", "Cheap watches here.", "198.51.100.4"), 0,
                CommentStatus.SPAM, List.of("spam filter: probability 0.99"), 0.99, CommentGate.fingerprint("watches"), "198.51.100.0", null));
        app.database().write(tx -> comments.addBlock(tx, Block.Kind.DOMAIN, "spam.example"));
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(app, browser);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    @Test
    void aModeratorApprovesAHeldCommentAndEveryModerationPageIsAccessible() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            Browser.signIn(page, TestSites.baseUrl(app), "ruth@courier.example", PASSWORD);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Comments 1 pending").setExact(true))
                    .count()).isEqualTo(1);

            String[] paths = {"/newsroom/comments", "/newsroom/comments?status=spam", "/newsroom/comments/" + held.id() + "/edit",
                    "/newsroom/comments/blocks", "/newsroom/comments/settings", "/newsroom/commenters",
                    "/newsroom/commenters?email=ada%40readers.example"};
            for (String path : paths) {
                page.navigate(url(path));
                assertThat(browser.accessibilityViolations(page)).as("axe on " + path).isEmpty();
            }
            page.navigate(url("/newsroom/comments"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/newsroom-comments.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            page.waitForSelector(".nr-notice");
            assertThat(page.locator(".nr-notice").innerText()).isEqualTo("1 comment approved.");
            assertThat(page.locator("nav a[href='/newsroom/comments']").textContent().strip()).isEqualTo("Comments");
            assertThat(browser.accessibilityViolations(page)).as("axe on the queue after an action").isEmpty();

            page.navigate(url("/newsroom/comments/settings"));
            page.getByLabel("Reply depth").fill("twelve");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the comment settings")).click();
            page.waitForSelector(".nr-errors");
            assertThat(page.getByLabel("Reply depth").inputValue()).isEqualTo("twelve");
            assertThat(browser.accessibilityViolations(page)).as("axe on the settings with errors").isEmpty();

            page.navigate(url("/newsroom/commenters?email=ada%40readers.example"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase…")).click();
            page.waitForURL("**/newsroom/commenters/erase");
            assertThat(page.locator(".nr-question").innerText()).isEqualTo("Erase 1 comment sent from ada@readers.example?");
            assertThat(browser.accessibilityViolations(page)).as("axe on the erase confirmation").isEmpty();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();
            page.waitForURL("**/newsroom/commenters?email=*");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase…")).count()).as("nothing was erased").isEqualTo(1);
        }
    }
}
