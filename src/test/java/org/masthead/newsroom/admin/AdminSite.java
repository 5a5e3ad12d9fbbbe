package org.masthead.newsroom.admin;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.media.MediaStore;
import org.masthead.content.Markdown;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.TagStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;

/** A fresh, empty site for one test, with helpers to seed content and sign people in. */
final class AdminSite implements AutoCloseable {
    static final String PASSWORD = "harbour-lights-42";

    final App app;
    private final Markdown markdown = new Markdown(url -> Optional.empty());
    private final AtomicInteger people = new AtomicInteger();

    AdminSite(TestSites.Kind kind) {
        this(TestSites.config(kind));
    }

    AdminSite(org.masthead.config.Config config) {
        this.app = App.create(config).start();
    }

    long section(String slug, String name, Long parentId, int position) {
        return app.database().write(tx -> new SectionStore(app.database()).add(tx, slug, name, "", parentId, position));
    }

    long tag(String slug, String name) {
        return app.database().write(tx -> new TagStore().add(tx, slug, name));
    }

    long author(String slug, String name, String role, String bio) {
        return app.database().write(tx -> new AuthorStore(markdown).add(tx, slug, name, role, bio, null));
    }

    long page(String slug, String title, String body) {
        return app.database().write(tx -> new PageStore(markdown).add(tx, slug, title, body));
    }

    /** An image in the media library, as if its files were in the media folder. */
    long image(String fileName, int width, int height, List<Integer> widths, String alt) {
        return app.database().write(tx -> new MediaStore(app.database()).add(tx, fileName, "image/jpeg", width, height, widths, alt, "", "", null));
    }

    User addUser(Role role) {
        String email = role.name().toLowerCase() + people.incrementAndGet() + "@courier.example";
        return new UserStore(app.database()).add(new UserStore.NewUser(email, "Test " + role.label() + " " + people.get(),
                role.name(), PASSWORD, PASSWORD));
    }

    /** A browser signed in as a new account with this role. */
    NewsroomClient signedIn(Role role) {
        return signedIn(addUser(role));
    }

    NewsroomClient signedIn(User user) {
        NewsroomClient browser = new NewsroomClient(app);
        HttpResponse<String> response = browser.signIn(user.email(), PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + response.statusCode());
        }
        return browser;
    }

    long article(String slug, long sectionId, List<Long> authorIds, List<String> tagNames) {
        ArticleEdit article = ArticleEdit.of(slug, "Headline " + slug, "Dek", "Body of " + slug, sectionId,
                ArticleStatus.PUBLISHED, Instant.now().minusSeconds(60)).withByline(authorIds).withTags(tagNames);
        return app.database().write(tx -> new ArticleStore(markdown).create(tx, article, ArticleEdit.By.SYSTEM));
    }

    HttpResponse<String> reader(String path) {
        return TestSites.get(app, path);
    }

    Document readerPage(String path) {
        HttpResponse<String> response = reader(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    List<String> auditActions() {
        return new AuditStore(app.database()).latest(100, 0).stream().map(e -> e.action() + " " + e.detail()).toList();
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    @Override
    public void close() {
        app.close();
    }
}
