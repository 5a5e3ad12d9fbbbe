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
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ContentStore;
import org.masthead.content.Markdown;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;

/** A fresh, empty site for one test, with helpers to seed content and sign people in. */
final class AdminSite implements AutoCloseable {
    static final String PASSWORD = "harbour-lights-42";

    final App app;
    final ContentStore store;
    private final AtomicInteger people = new AtomicInteger();

    AdminSite(TestSites.Kind kind) {
        this.app = App.create(TestSites.config(kind)).start();
        this.store = new ContentStore(app.database(), new Markdown(url -> Optional.empty()));
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

    long article(String slug, long sectionId, List<Long> authorIds, List<Long> tagIds) {
        return store.addArticle(new ArticleDraft(slug, "Headline " + slug, "Dek", "Body of " + slug, "en",
                ArticleStatus.PUBLISHED, sectionId, authorIds, tagIds, null, List.of(), Instant.now().minusSeconds(60), null));
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
