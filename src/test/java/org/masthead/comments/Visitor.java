package org.masthead.comments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One reader's connection to a running server, as a browser uses it: pages fetched, the
 * article's comment form read and sent back. Every answer is kept as a status and the time
 * it took; a request that got no answer at all (refused, reset, timed out) has status -1.
 */
final class Visitor {
    private static final Pattern COMMENT_ID = Pattern.compile("[?&]comment=(\\d+)");
    private static final Pattern JSON_ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern JSON_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    /** What a request got: its status (-1 for no answer), microseconds taken, and the body or redirect target. */
    record Answer(int status, long micros, String body, String location) {
        /** The comment id a post was answered with (a 303's target or a 201's JSON), else 0. */
        long commentId() {
            Matcher m = status == 303 ? COMMENT_ID.matcher(location) : JSON_ID.matcher(body);
            return (status == 303 || status == 201) && m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration timeout;

    Visitor(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** Posts a comment form from {@code address} (X-Forwarded-For through the trusted loopback proxy). */
    Answer post(Map<String, String> form, String address, boolean json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(CommentSite.encode(form)));
        return send(json ? request.header("Accept", "application/json") : request);
    }

    /** The article's comment form as the page gives it (article id and token), or null when the page did not come. */
    Map<String, String> articleForm(String address) {
        Answer page = get(CommentSite.ARTICLE_URL, "X-Forwarded-For", address);
        if (page.status() != 200) {
            return null;
        }
        Document doc = Jsoup.parse(page.body());
        Element article = doc.selectFirst("form.comment-form input[name=article]");
        Element token = doc.selectFirst("form.comment-form input[name=token]");
        if (article == null || token == null) {
            return null;
        }
        return form(article.val(), token.val());
    }

    /** A fresh token from the endpoint the form's script asks, or null. */
    String token(long article) {
        Answer answer = get("/comments/token?article=" + article);
        Matcher m = JSON_TOKEN.matcher(answer.body());
        return answer.status() == 200 && m.find() ? m.group(1) : null;
    }

    static Map<String, String> form(String article, String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", article);
        form.put("parent", "");
        form.put("token", token);
        form.put("homepage", "");
        form.put("name", "");
        form.put("email", "");
        form.put("url", "");
        form.put("body", "");
        return form;
    }

    /** The same form filled in by one commenter. */
    static Map<String, String> filled(Map<String, String> form, String name, String email, String body) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put("name", name);
        copy.put("email", email);
        copy.put("body", body);
        return copy;
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), (System.nanoTime() - started) / 1_000, answer.body(),
                    answer.headers().firstValue("location").orElse(""));
        } catch (IOException e) {
            return new Answer(-1, (System.nanoTime() - started) / 1_000, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, (System.nanoTime() - started) / 1_000, "", "");
        }
    }
}
