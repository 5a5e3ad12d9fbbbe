package org.masthead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.content.SettingsStore;

/**
 * The newsroom's day in Chromium, by keyboard and mouse: a contributor's story reviewed,
 * scheduled and published; a revision restored; two people saving the same article; and
 * what the newsroom refuses (publishing without the role, forged forms, fake images).
 * axe-core checks each kind of page on the way.
 */
class NewsroomWalkthroughTest {
    private static final String PASSWORD = "quayside-desk-2027";
    private static final String CONTRIBUTOR = "sam@courier.example";
    private static final String EDITOR = "iris@courier.example";
    private static Browser browser;
    private static App app;

    @BeforeAll
    static void start() {
        browser = Browser.launch();
        app = App.create(TestSites.config(Kind.SQLITE).withDemo(true)).start();
        UserStore users = new UserStore(app.database());
        // Named as demo writers, so the editor ticks their own byline for them.
        users.add(new UserStore.NewUser(CONTRIBUTOR, "Sam Whitlow", Role.CONTRIBUTOR.name(), PASSWORD, PASSWORD));
        users.add(new UserStore.NewUser(EDITOR, "Iris Halvorsen", Role.EDITOR.name(), PASSWORD, PASSWORD));
    }

    @AfterAll
    static void stop() {
        Browser.closeAll(app, browser);
    }

    private static String url(String path) {
        return TestSites.baseUrl(app) + path;
    }

    private static Page signedIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept()); // "leave with unsaved changes?": yes
        Browser.signIn(page, TestSites.baseUrl(app), email, PASSWORD);
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void assertAccessible(Page page, String what) {
        assertThat(browser.accessibilityViolations(page)).as("axe on " + what + " (" + page.url() + ")").isEmpty();
    }

    /** Opens the editor from the article list and fills in a story in the Environment section. */
    private static void writeStory(Page page, String headline, String dek, String body) {
        link(page, "Articles").click();
        link(page, "Write a new article").click();
        page.waitForURL("**/newsroom/articles/new");
        page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).fill(headline);
        page.getByLabel(Pattern.compile("^Dek")).fill(dek);
        page.getByLabel(Pattern.compile("^Body")).fill(body);
        page.getByLabel("Section", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Environment"));
        assertThat(page.getByLabel("Sam Whitlow", new Page.GetByLabelOptions().setExact(true)).isChecked()
                || page.getByLabel("Iris Halvorsen", new Page.GetByLabelOptions().setExact(true)).isChecked())
                .as("the writer's own byline is ticked").isTrue();
    }

    /** Presses an editor button and waits for the editor to come back with the action's notice. */
    private static long press(Page page, String label, String action) {
        button(page, label).click();
        page.waitForURL(Pattern.compile("/newsroom/articles/\\d+\\?saved=" + action + "$"));
        return Long.parseLong(page.url().replaceAll(".*/newsroom/articles/(\\d+)\\?.*", "$1"));
    }

    private static String status(Page page) {
        return page.locator(".nr-status strong").innerText();
    }

    @Test
    void aContributorsStoryIsReviewedScheduledAndPublished() {
        String headline = "Volunteers count 4,000 eels in the Alder";
        String body = "Volunteers counted glass eels at the weir for six nights.\n\nIt is the best year since 2015.";
        long id;
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, CONTRIBUTOR);
            writeStory(page, headline, "The yearly count at the weir found twice as many as last spring.", body);
            assertAccessible(page, "the editor of a new article");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish now")).count()).isZero();
            id = press(page, "Submit for review", "submit");
            assertThat(page.locator(".nr-notice").innerText()).isEqualTo("Submitted for review.");
            assertThat(status(page)).isEqualTo("Pending review");
            assertAccessible(page, "the editor of a saved article");

            // The publish action forced into the contributor's own form is refused with a clear page.
            page.evaluate("() => { const b = document.createElement('button'); b.name = 'action'; b.value = 'publish';"
                    + " b.textContent = 'Publish anyway'; document.querySelector('form.nr-article-form').append(b); }");
            Response refused = page.waitForResponse(r -> r.request().method().equals("POST")
                            && !r.url().contains("/preview"),
                    () -> button(page, "Publish anyway").click());
            assertThat(refused.status()).isEqualTo(403);
            page.waitForLoadState();
            assertThat(page.locator("h1").innerText()).isEqualTo("You cannot do that here");
            assertThat(page.locator("main").innerText()).contains("Contributors cannot publish");
            assertAccessible(page, "the 403 page");
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, EDITOR);
            link(page, "Articles").click();
            page.getByLabel("Status").selectOption(new SelectOption().setLabel("Pending review"));
            button(page, "Show").click();
            page.waitForURL("**/newsroom/articles?status=pending*");
            assertAccessible(page, "the article list");
            link(page, headline).click();
            page.waitForURL("**/newsroom/articles/" + id);

            ZoneId zone = new SettingsStore(app.database()).current().zone();
            // To the minute, as the field shows it: Chromium writes a time with 00 seconds without them, so a value
            // with ":00" seconds would not read back as typed (one run in sixty).
            String soon = LocalDateTime.now(zone).plusMinutes(10).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            page.getByLabel(Pattern.compile("^Publication time")).fill(soon);
            press(page, "Schedule", "schedule");
            assertThat(status(page)).isEqualTo("Scheduled");
            assertThat(page.locator(".nr-notice").innerText()).startsWith("Scheduled: it publishes itself at "
                    + soon.replace('T', ' ').substring(0, 16));
            page.navigate(url("/"));
            assertThat(page.locator("main").innerText()).doesNotContain(headline);

            page.goBack();
            press(page, "Publish now", "publish");
            assertThat(status(page)).isEqualTo("Published");
            link(page, "View on the site").click();
            assertThat(page.locator("h1").innerText()).isEqualTo(headline);
            Locator sections = page.locator("nav[aria-label=Sections]");
            sections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Home").setExact(true)).click();
            page.waitForURL(url("/"));
            assertThat(page.locator(".lead-headline").innerText()).isEqualTo(headline);
            sections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Environment").setExact(true)).click();
            page.waitForURL("**/section/environment");
            assertThat(page.locator(".card-headline").first().innerText()).isEqualTo(headline);
        }
    }

    @Test
    void aRestoredRevisionBringsItsTextBack() {
        String first = "The first plan puts the seawall at the old ferry steps.";
        String second = "The second plan moves the seawall fifty metres east.";
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, EDITOR);
            writeStory(page, "Seawall plan goes to consultation", "Residents can comment until March.", first);
            long id = press(page, "Save", "save");
            page.getByLabel(Pattern.compile("^Body")).fill(second);
            press(page, "Save", "save");
            assertThat(page.getByLabel(Pattern.compile("^Body")).inputValue()).isEqualTo(second);

            link(page, "Revisions").click();
            page.waitForURL("**/newsroom/articles/" + id + "/revisions");
            assertAccessible(page, "the revisions list");
            button(page, "Show the changes").click();
            page.waitForURL("**/diff?*");
            assertThat(page.locator("#diff-body del").allInnerTexts()).isNotEmpty();
            assertThat(page.locator("#diff-body ins").allInnerTexts()).isNotEmpty();
            assertAccessible(page, "the diff of two revisions");

            page.goBack();
            button(page, "Restore revision 1").click();
            page.waitForURL("**/newsroom/articles/" + id + "?restored=1");
            assertThat(page.locator(".nr-notice").innerText()).contains("Revision 1 is restored");
            assertThat(page.getByLabel(Pattern.compile("^Body")).inputValue()).isEqualTo(first);
            link(page, "Revisions").click();
            assertThat(page.locator(".nr-revisions tbody tr").first().innerText()).contains("Restored revision 1");
        }
    }

    @Test
    void twoPeopleSavingTheSameArticleGetAConflictAndLoseNothing() {
        String theirs = "Bins are emptied on Tuesdays from January, the council says.";
        String mine = "Bins are emptied on Tuesdays and Fridays from January, the depot manager says.";
        try (BrowserContext one = browser.newContext(); BrowserContext two = browser.newContext()) {
            Page first = signedIn(one, EDITOR);
            writeStory(first, "Bin collections change in the new year", "Two rounds a week in the centre.",
                    "Collections change in January.");
            long id = press(first, "Save", "save");

            Page second = signedIn(two, EDITOR);
            second.navigate(url("/newsroom/articles/" + id));
            first.getByLabel(Pattern.compile("^Body")).fill(theirs);
            second.getByLabel(Pattern.compile("^Body")).fill(mine);
            press(first, "Save", "save");

            // The live preview posts too, while typing: wait for the save's own answer.
            Response conflict = second.waitForResponse(r -> r.request().method().equals("POST")
                            && !r.url().contains("/preview"),
                    () -> button(second, "Save").click());
            assertThat(conflict.status()).isEqualTo(409);
            second.waitForLoadState();
            assertThat(second.locator(".nr-errors").innerText()).contains("Someone else saved this article");
            assertThat(second.locator("#conflict-stored").innerText()).contains(theirs);
            assertThat(second.locator("#conflict-yours").innerText()).contains(mine);
            assertThat(second.getByLabel(Pattern.compile("^Body")).inputValue()).isEqualTo(mine);
            assertAccessible(second, "the conflict page");

            // Saving the merged form again now works: the form carries the newer version.
            press(second, "Save", "save");
            assertThat(second.getByLabel(Pattern.compile("^Body")).inputValue()).isEqualTo(mine);
        }
    }

    @Test
    void forgedFormsAndFakeImagesAreRefused() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, EDITOR);
            writeStory(page, "Harbour seals return to Gull Island", "A colony of twelve was counted.", "The seals are back.");
            long id = press(page, "Save", "save");

            // Another site's form, posting into this session without the token.
            var forged = page.request().post(url("/newsroom/articles/" + id), RequestOptions.create()
                    .setForm(FormData.create().set("headline", "Forged").set("action", "trash")));
            assertThat(forged.status()).isEqualTo(403);
            // Only the injected post: the editor's live preview posts to /newsroom/articles/preview meanwhile.
            Response injected = page.waitForResponse(r -> r.request().method().equals("POST")
                    && r.url().endsWith("/newsroom/articles/" + id), () -> page.evaluate(
                    "id => { const f = document.createElement('form'); f.method = 'post';"
                    + " f.action = '/newsroom/articles/' + id; f.innerHTML = '<input name=action value=trash>';"
                    + " document.body.append(f); f.submit(); }", Long.toString(id)));
            assertThat(injected.status()).isEqualTo(403);
            page.waitForLoadState();
            assertThat(page.locator("h1").innerText()).isEqualTo("You cannot do that here");
            assertThat(page.locator("main").innerText()).contains("security token");
            assertAccessible(page, "the refused forged form");
            page.navigate(url("/newsroom/articles/" + id));
            assertThat(status(page)).isEqualTo("Draft");
            assertThat(page.getByLabel("Headline", new Page.GetByLabelOptions().setExact(true)).inputValue())
                    .isEqualTo("Harbour seals return to Gull Island");

            link(page, "Media").click();
            page.waitForURL("**/newsroom/media");
            assertAccessible(page, "the media library");
            page.getByLabel(Pattern.compile("^Image file")).setInputFiles(new FilePayload("seals.jpg", "image/jpeg",
                    "Twelve seals, counted from the ferry.\n".getBytes(StandardCharsets.UTF_8)));
            page.getByLabel(Pattern.compile("^Alt text")).fill("Seals on the rocks of Gull Island");
            Response upload = page.waitForResponse(r -> r.request().method().equals("POST") && r.url().endsWith("/newsroom/media"),
                    () -> button(page, "Upload").click());
            assertThat(upload.status()).isEqualTo(422);
            page.waitForLoadState();
            assertThat(page.locator(".nr-errors").innerText()).contains("This file is not a JPEG, PNG, WebP or GIF image.");
            assertThat(page.getByLabel(Pattern.compile("^Alt text")).inputValue()).isEqualTo("Seals on the rocks of Gull Island");
            assertAccessible(page, "the media library refusing a file");

            page.locator(".nr-media-grid a").first().click();
            page.waitForURL(Pattern.compile("/newsroom/media/\\d+$"));
            assertAccessible(page, "an image in the media library");
        }
    }
}
