package org.masthead.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/** A fresh site with one published article, one account per role, and comments seeded straight into the store. */
final class ModerationSite implements AutoCloseable {
    static final String PASSWORD = "harbour-lights-42";

    final App app;
    final CommentStore comments;
    final long article;

    ModerationSite(TestSites.Kind kind) {
        app = App.create(TestSites.config(kind)).start();
        comments = new CommentStore(app.database());
        app.database().addListener(comments); // to see the settings and blocks the app changes
        Markdown markdown = new Markdown(MediaResolver.NONE);
        article = app.database().write(tx -> {
            long section = new SectionStore(app.database()).add(tx, "harbour", "Harbour", "Ships and quays.", null, 0);
            long author = new AuthorStore(markdown).add(tx, "mara-okonjo", "Mara Okonjo", "Harbour reporter",
                    "Mara covers the port.", null);
            return new ArticleStore(markdown).create(tx, ArticleEdit.of("night-ferries", "Night ferries return", "Dek", "Body.",
                    section, ArticleStatus.PUBLISHED, Instant.now().minusSeconds(3600)).withByline(List.of(author)),
                    ArticleEdit.By.SYSTEM);
        });
        UserStore users = new UserStore(app.database());
        for (Role role : Role.values()) {
            users.add(new UserStore.NewUser(email(role), "Test " + role.label(), role.name(), PASSWORD, PASSWORD));
        }
    }

    static String email(Role role) {
        return role.name().toLowerCase() + "@courier.example";
    }

    NewsroomClient signedIn(Role role) {
        NewsroomClient client = new NewsroomClient(app);
        assertThat(client.signIn(email(role), PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    /** A top-level comment (depth 0) in the given status. */
    Comment comment(String name, String body, CommentStatus status) {
        return reply(null, 0, name, body, status);
    }

    Comment reply(Long parent, int depth, String name, String body, CommentStatus status) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@readers.example";
        NewComment c = new NewComment(article, parent, name, email, "", body, "203.0.113.9");
        return app.database().write(tx -> comments.add(tx, c, depth, status,
                status == CommentStatus.APPROVED ? List.of() : List.of("spam filter unsure: probability 0.93"), 0.93,
                CommentGate.fingerprint(body), "203.0.113.0", null));
    }

    CommentStatus status(long id) {
        return comments.find(id).orElseThrow().status();
    }

    /** The model as the database holds it now. */
    SpamClassifier classifier() {
        return SpamClassifier.open(app.database());
    }

    List<String> audit() {
        return new AuditStore(app.database()).latest(200, 0).stream().map(e -> e.action() + " " + e.target() + " " + e.detail())
                .toList();
    }

    /** The CSRF token of the queue's bulk form, which every per-comment button also submits. */
    static Map<String, String> form(NewsroomClient client, String page, Map<String, String> fields) {
        Document doc = client.page(page);
        var token = doc.selectFirst("input[name=_csrf]");
        assertThat(token).as("a form on " + page).isNotNull();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", token.val());
        return all;
    }

    /** Posts fields that may repeat (ids=1&ids=2), as a form of checkboxes does. */
    static java.net.http.HttpResponse<String> post(NewsroomClient client, String path, List<String[]> fields) {
        String body = fields.stream().map(f -> java.net.URLEncoder.encode(f[0], java.nio.charset.StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(f[1], java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return client.send(java.net.http.HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    static Document html(java.net.http.HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    @Override
    public void close() {
        app.close();
    }
}
