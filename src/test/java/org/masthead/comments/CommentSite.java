package org.masthead.comments;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;

/**
 * A fresh site with one published article, and a reader who posts comments to it the way
 * the article's form does: with the form's token, over HTTP.
 */
final class CommentSite implements AutoCloseable {
    static final String ARTICLE_URL = "/2026/11/20/pilot-boat-launched";
    final App app;
    final ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
    final CommentStore comments;
    final long section;
    final long article;

    CommentSite(TestSites.Kind kind) {
        this(App.create(TestSites.config(kind)).start());
    }

    CommentSite(App app) {
        this.app = app;
        comments = new CommentStore(app.database());
        app.database().addListener(comments); // to see the settings and blocks the app changes
        section = app.database().write(tx -> new SectionStore(app.database()).add(tx, "harbour", "Harbour", "Ships and quays.",
                null, 0));
        article = publish("pilot-boat-launched", "Pilot boat launched", Instant.parse("2026-11-20T09:00:00Z"));
        // Tests post at once; the minimum fill time has a test of its own.
        settings(s -> with(s, "min_fill_seconds", "0"));
    }

    long publish(String slug, String headline, Instant at) {
        return app.database().write(tx -> articles.create(tx, ArticleEdit.of(slug, headline, "A dek.",
                "First paragraph.\n\nSecond paragraph.", section, ArticleStatus.PUBLISHED, at), ArticleEdit.By.SYSTEM));
    }

    /** Changes settings through their stored rows, as the settings page would. */
    void settings(UnaryOperator<Map<String, String>> change) {
        Map<String, String> rows = new LinkedHashMap<>(comments.settings().rows());
        app.database().write(tx -> {
            comments.saveSettings(tx, CommentSettings.from(change.apply(rows)));
            return null;
        });
    }

    static Map<String, String> with(Map<String, String> rows, String name, String value) {
        rows.put(CommentSettings.PREFIX + name, value);
        return rows;
    }

    String token(long articleId) {
        String body = get("/comments/token?article=" + articleId).body();
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** A filled-in form for the article, with a valid token; callers change or remove fields. */
    Map<String, String> form(String name, String email, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(article));
        form.put("parent", "");
        form.put("token", token(article));
        form.put("homepage", "");
        form.put("name", name);
        form.put("email", email);
        form.put("url", "");
        form.put("body", text);
        return form;
    }

    HttpResponse<String> post(Map<String, String> form) {
        return postRaw(encode(form), false);
    }

    HttpResponse<String> postJson(Map<String, String> form) {
        return postRaw(encode(form), true);
    }

    HttpResponse<String> postRaw(String body, boolean json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (json) {
            request.header("Accept", "application/json");
        }
        return TestSites.send(app, request);
    }

    HttpResponse<String> get(String path) {
        return TestSites.get(app, path);
    }

    static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    @Override
    public void close() {
        app.close();
    }
}
