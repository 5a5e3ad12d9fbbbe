package org.masthead.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.site.ArticleView;
import org.masthead.web.Json;
import org.masthead.site.SiteQueries;
import org.masthead.site.SiteRoutes;
import org.masthead.web.FormBody;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * Readers' side of comments: posting one (a plain form POST that comes back to the article,
 * or the same POST from script asking for JSON), a comment's permanent address, and a fresh
 * form token for script to use when a reader starts typing on a cached page.
 */
public final class CommentRoutes {
    /** A comment form is a few kilobytes; anything near this is not one. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 300;
    static final int MAX_TEXT = 5000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern WEB = Pattern.compile("https?://[^\\s/?#@]+\\.[^\\s/?#@]+(:\\d+)?([/?#][^\\s]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final CommentStore store;
    private final CommentGate gate;
    private final CommentThreads threads;
    private final FormToken tokens;
    private final SiteQueries queries;
    private final SiteRoutes site;
    private final Templates templates;

    public CommentRoutes(CommentStore store, CommentGate gate, CommentThreads threads, FormToken tokens,
                         SiteQueries queries, SiteRoutes site, Templates templates) {
        this.store = store;
        this.gate = gate;
        this.threads = threads;
        this.tokens = tokens;
        this.queries = queries;
        this.site = site;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.post("/comments", this::post);
        routes.get("/comments/token", this::token);
        routes.get("/comments/{id}", this::permalink);
    }

    void post(Context ctx) {
        boolean json = wantsJson(ctx);
        // Read even when the declared length is over the limit (the server's own limit, 1 MB, still
        // holds): answering before the browser has sent it all would close the connection under
        // it, and the reader would see a network error instead of the message.
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY_BYTES) {
            refuse(ctx, json, 413, "A comment form cannot be larger than " + MAX_BODY_BYTES / 1024 + " KB.");
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            refuse(ctx, json, 400, "Comments are sent as a form.");
            return;
        }
        Map<String, String> fields;
        try {
            fields = FormBody.parse(raw);
        } catch (HttpError e) {
            refuse(ctx, json, e.status(), e.getMessage());
            return;
        }
        String articleField = fields.getOrDefault("article", "");
        Optional<ArticleView> found = ID.matcher(articleField).matches()
                ? queries.article(Long.parseLong(articleField)) : Optional.empty();
        if (found.isEmpty()) {
            refuse(ctx, json, 404, "That article does not exist or is not published, so it takes no comments.");
            return;
        }
        ArticleView article = found.get();
        Instant now = Instant.now();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = field(fields, "name", "Name", MAX_NAME, true, errors);
        String email = field(fields, "email", "Email", MAX_EMAIL, true, errors).toLowerCase(Locale.ROOT);
        String url = website(field(fields, "url", "Website", MAX_URL, false, errors), errors);
        String body = text(fields.getOrDefault("body", ""), errors);
        if (!email.isEmpty() && !errors.containsKey("email") && !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address such as name@example.com. It is never shown.");
        }
        Long parentId = null;
        String parentName = null;
        String parentField = fields.getOrDefault("parent", "").strip();
        if (!parentField.isEmpty()) {
            Optional<Comment> parent = ID.matcher(parentField).matches()
                    ? store.find(Long.parseLong(parentField)) : Optional.empty();
            if (parent.isEmpty() || parent.get().articleId() != article.id()
                    || parent.get().status() != CommentStatus.APPROVED) {
                errors.put("form", "The comment you replied to is no longer shown. Your text is below: "
                        + "send it as a new comment, or copy it.");
            } else if (parent.get().depth() + 1 >= store.settings().maxDepth()) {
                parentName = parent.get().name();
                errors.put("form", "Replies cannot go deeper here. Send your text as a reply higher up the thread "
                        + "or as a new comment.");
            } else {
                parentId = parent.get().id();
                parentName = parent.get().name();
            }
        }
        CommentsView.Form form = new CommentsView.Form(parentId, parentName, name, email, url, body, errors, null);

        String closed = threads.closedReason(article.id(), article.publishedAt(), now);
        if (closed != null) {
            answerWithForm(ctx, json, article, form.withMessage(closed + " Your text is kept below so you can copy it."), 403);
            return;
        }
        if (!errors.isEmpty()) {
            String message = errors.containsKey("form") ? errors.get("form")
                    : "Your comment was not sent: please correct what is marked below.";
            answerWithForm(ctx, json, article, form.withMessage(message), 422);
            return;
        }
        FormToken.Check check = tokens.check(fields.get("token"), article.id(), now,
                Duration.ofHours(Math.max(1, store.settings().formHours())));
        if (!(check instanceof FormToken.Check.Valid valid)) {
            String message = check instanceof FormToken.Check.Expired
                    ? "This form was open too long to be accepted. Your text is still here: please send it again."
                    : "This form could not be verified. Your text is still here: please send it again.";
            answerWithForm(ctx, json, article, form.withMessage(message), 422);
            return;
        }
        NewComment comment = new NewComment(article.id(), parentId, name, email, url, body, ctx.ip());
        switch (gate.judge(comment, fields.get("homepage"), valid.age(), now)) {
            case CommentGate.Outcome.Refused refused ->
                    answerWithForm(ctx, json, article, form.withMessage(refused.message()), refused.httpStatus());
            case CommentGate.Outcome.Judged judged -> {
                int depth = parentId == null ? 0 : store.find(parentId).map(p -> p.depth() + 1).orElse(0);
                Comment stored = store.add(comment, depth, judged.status(), judged.reasons(), judged.spamScore(),
                        judged.fingerprint(), judged.ipNetwork(), null);
                answerStored(ctx, json, article, stored);
            }
        }
    }

    private void answerStored(Context ctx, boolean json, ArticleView article, Comment stored) {
        boolean published = stored.status() == CommentStatus.APPROVED;
        String message = published ? "Thank you: your comment is published."
                : "Thank you: your comment is waiting for a moderator and will appear once approved.";
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", stored.id());
            answer.put("status", published ? "published" : "held");
            answer.put("message", message);
            if (published) {
                answer.put("html", new String(templates.renderToBytes("tag/comment-alone.jte",
                        new CommentFragment(threads.node(stored), queries.settings().zone())), StandardCharsets.UTF_8));
            }
            sendJson(ctx, 201, answer);
            return;
        }
        String target = published
                ? article.url() + threads.pageOf(stored).filter(p -> p > 1).map(p -> "?cpage=" + p + "&comment=" + stored.id())
                        .orElse("?comment=" + stored.id()) + "#" + stored.anchor()
                : article.url() + "?comment=held#comment-form";
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    /** A single comment rendered alone, for script to insert into the page. */
    public record CommentFragment(CommentsView.Node node, java.time.ZoneId zone) {
    }

    private void answerWithForm(Context ctx, boolean json, ArticleView article, CommentsView.Form form, int status) {
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("message", form.message());
            Map<String, String> fieldErrors = new LinkedHashMap<>(form.errors());
            fieldErrors.remove("form");
            answer.put("errors", fieldErrors);
            if (status == 422) {
                answer.put("token", tokens.issue(article.id(), Instant.now()));
            }
            sendJson(ctx, status, answer);
            return;
        }
        site.articleWithComments(ctx, article, form, status);
    }

    private void refuse(Context ctx, boolean json, int status, String message) {
        if (json) {
            sendJson(ctx, status, Map.of("message", message, "errors", Map.of()));
            return;
        }
        throw new HttpError(status, message);
    }

    void token(Context ctx) {
        String article = ctx.queryParam("article");
        if (article == null || !ID.matcher(article).matches()) {
            throw HttpError.badRequest("Which article? Give ?article=ID.");
        }
        ctx.header("Cache-Control", "no-store");
        sendJson(ctx, 200, Map.of("token", tokens.issue(Long.parseLong(article), Instant.now())));
    }

    void permalink(Context ctx) {
        String id = ctx.pathParam("id");
        Comment comment = (ID.matcher(id).matches() ? store.find(Long.parseLong(id)) : Optional.<Comment>empty())
                .filter(c -> c.status() == CommentStatus.APPROVED)
                .orElseThrow(() -> HttpError.notFound("There is no comment at this address."));
        ArticleView article = queries.article(comment.articleId())
                .orElseThrow(() -> HttpError.notFound("The article of this comment is not published."));
        int page = threads.pageOf(comment).orElse(1);
        ctx.redirect(article.url() + (page > 1 ? "?cpage=" + page : "") + "#" + comment.anchor(), HttpStatus.FOUND);
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static void sendJson(Context ctx, int status, Object answer) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(answer));
        Templates.answered(ctx);
    }

    private static String field(Map<String, String> fields, String key, String label, int max, boolean required,
                                Map<String, String> errors) {
        String value = fields.getOrDefault(key, "").strip();
        if (required && value.isEmpty()) {
            errors.put(key, label + " is required.");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.put(key, label + " can be at most " + max + " characters; it has "
                    + value.codePointCount(0, value.length()) + ".");
        } else if (CONTROL.matcher(value).find() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            errors.put(key, label + " contains invisible control characters or line breaks; please remove them.");
        }
        return value;
    }

    private static String website(String url, Map<String, String> errors) {
        if (url.isEmpty() || errors.containsKey("url")) {
            return url;
        }
        String full = url.matches("(?i)[a-z][a-z0-9+.-]*:.*") ? url : "https://" + url;
        if (!WEB.matcher(full).matches()) {
            errors.put("url", "Enter a web address starting with http:// or https://, or leave it empty.");
            return url;
        }
        return full;
    }

    private static String text(String raw, Map<String, String> errors) {
        String body = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            errors.put("body", "Write a comment before sending.");
        } else if (body.codePointCount(0, body.length()) > MAX_TEXT) {
            errors.put("body", "A comment can be at most " + MAX_TEXT + " characters; this one has "
                    + body.codePointCount(0, body.length()) + ".");
        } else if (CONTROL.matcher(body).find()) {
            errors.put("body", "The comment contains invisible control characters; please remove them.");
        }
        return body;
    }
}
