package org.masthead.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.db.Database;
import org.masthead.web.Json;
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
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final Database db;
    private final CommentStore store;
    private final CommentGate gate;
    private final CommentThreads threads;
    private final FormToken tokens;
    private final ArticlePages articles;
    private final Templates templates;

    public CommentRoutes(Database db, CommentStore store, CommentGate gate, CommentThreads threads, FormToken tokens,
                         ArticlePages articles, Templates templates) {
        this.db = db;
        this.store = store;
        this.gate = gate;
        this.threads = threads;
        this.tokens = tokens;
        this.articles = articles;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.post("/comments", this::post);
        routes.get("/comments/token", this::token);
        routes.get("/comments/{id}", this::permalink);
    }

    /** Parse the form, check it can be taken, judge it, store it, answer. */
    void post(Context ctx) {
        boolean json = wantsJson(ctx);
        try {
            Map<String, String> fields = fields(ctx);
            CommentedArticle article = article(fields.getOrDefault("article", ""));
            Instant now = Instant.now();
            CommentsView.Form form = form(CommentForm.read(fields), article);
            Duration formAge = admitted(fields.get("token"), article, form, now);
            NewComment comment = new NewComment(article.id(), form.parent(), form.name(), form.email(), form.url(),
                    form.body(), ctx.ip());
            Comment stored = judgedAndStored(comment, formKey(fields.get("token"), comment.email()), fields.get("homepage"),
                    formAge, now, article, form);
            answerStored(ctx, json, article, stored);
        } catch (NotSent e) {
            if (e.form == null) {
                refuse(ctx, json, e.status, e.getMessage());
            } else {
                answerWithForm(ctx, json, e.article, e.form, e.status);
            }
        }
    }

    /** Why a comment was not taken: a plain refusal, or one answered with the article and the form as sent. */
    private static final class NotSent extends RuntimeException {
        final int status;
        final CommentedArticle article;
        final CommentsView.Form form;

        NotSent(int status, String message) {
            super(message, null, false, false);
            this.status = status;
            this.article = null;
            this.form = null;
        }

        NotSent(int status, CommentedArticle article, CommentsView.Form form) {
            super(form.message(), null, false, false);
            this.status = status;
            this.article = article;
            this.form = form;
        }
    }

    private static Map<String, String> fields(Context ctx) {
        // Read even when the declared length is over the limit (the server's own limit, 1 MB, still
        // holds): answering before the browser has sent it all would close the connection under
        // it, and the reader would see a network error instead of the message.
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY_BYTES) {
            throw new NotSent(413, "A comment form cannot be larger than " + MAX_BODY_BYTES / 1024 + " KB.");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new NotSent(400, "Comments are sent as a form.");
        }
        try {
            return FormBody.parse(raw);
        } catch (HttpError e) {
            throw new NotSent(e.status(), e.getMessage());
        }
    }

    private CommentedArticle article(String id) {
        return (ID.matcher(id).matches() ? articles.published(Long.parseLong(id)) : Optional.<CommentedArticle>empty())
                .orElseThrow(() -> new NotSent(404,
                        "That article does not exist or is not published, so it takes no comments."));
    }

    /** The form as the reader sent it, with the comment it replies to when a reply can go there. */
    private CommentsView.Form form(CommentForm sent, CommentedArticle article) {
        Map<String, String> errors = new LinkedHashMap<>(sent.errors());
        Long parentId = null;
        String parentName = null;
        if (!sent.parent().isEmpty()) {
            Optional<Comment> parent = ID.matcher(sent.parent()).matches()
                    ? store.find(Long.parseLong(sent.parent())) : Optional.empty();
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
        return new CommentsView.Form(parentId, parentName, sent.name(), sent.email(), sent.url(), sent.body(), errors,
                null);
    }

    /** Whether the article takes the comment, its fields are right and its token valid; the form's age if so. */
    private Duration admitted(String token, CommentedArticle article, CommentsView.Form form, Instant now) {
        String closed = threads.closedReason(article.id(), article.publishedAt(), now);
        if (closed != null) {
            throw new NotSent(403, article, form.withMessage(closed + " Your text is kept below so you can copy it."));
        }
        if (!form.errors().isEmpty()) {
            String message = form.errors().containsKey("form") ? form.errors().get("form")
                    : "Your comment was not sent: please correct what is marked below.";
            throw new NotSent(422, article, form.withMessage(message));
        }
        FormToken.Check check = tokens.check(token, article.id(), now,
                Duration.ofHours(Math.max(1, store.settings().formHours())));
        if (!(check instanceof FormToken.Check.Valid valid)) {
            String message = check instanceof FormToken.Check.Expired
                    ? "This form was open too long to be accepted. Your text is still here: please send it again."
                    : "This form could not be verified. Your text is still here: please send it again.";
            throw new NotSent(422, article, form.withMessage(message));
        }
        return valid.age();
    }

    /**
     * Judges the comment, then stores it in one transaction that holds the new-comment lock
     * and asks again what other comments decide: whether this form already sent one (the
     * same text is answered with the comment stored then; another text is refused, kept in
     * the form), and the rate and repeat limits. So simultaneous sends cannot all pass.
     */
    private Comment judgedAndStored(NewComment comment, String formKey, String honeypot, Duration formAge, Instant now,
                                    CommentedArticle article, CommentsView.Form form) {
        Optional<Comment> sent = store.sentWith(formKey);
        if (sent.isPresent()) {
            return sameOrRefused(sent.get(), comment, article, form);
        }
        CommentGate.Outcome.Judged judged = switch (gate.judge(comment, honeypot, formAge, now)) {
            case CommentGate.Outcome.Refused refused -> {
                // A double click's twin may have been stored while this one was judged (and is why it
                // was refused as a repeat): then this is the same comment again.
                Optional<Comment> twin = store.sentWith(formKey);
                if (twin.isPresent()) {
                    yield null;
                }
                throw new NotSent(refused.httpStatus(), article, form.withMessage(refused.message()));
            }
            case CommentGate.Outcome.Judged j -> j;
        };
        if (judged == null) {
            return sameOrRefused(store.sentWith(formKey).orElseThrow(), comment, article, form);
        }
        Long parentId = comment.parentId();
        int depth = parentId == null ? 0 : store.find(parentId).map(p -> p.depth() + 1).orElse(0);
        return db.write(tx -> {
            store.lockForNewComment(tx);
            Optional<Comment> earlier = store.sentWith(tx, formKey);
            if (earlier.isPresent()) {
                return sameOrRefused(earlier.get(), comment, article, form);
            }
            CommentGate.Outcome.Refused refused = gate.recheck(store.history(tx), comment, judged, now);
            if (refused != null) {
                throw new NotSent(refused.httpStatus(), article, form.withMessage(refused.message()));
            }
            Comment stored = store.add(tx, comment, depth, judged.status(), judged.reasons(), judged.spamScore(),
                    judged.fingerprint(), judged.ipNetwork(), null);
            store.claimForm(tx, stored.id(), formKey);
            return stored;
        });
    }

    /** The comment this form sent before when it is the same one again (a double click); refused otherwise. */
    private static Comment sameOrRefused(Comment earlier, NewComment comment, CommentedArticle article,
                                         CommentsView.Form form) {
        if (earlier.articleId() == comment.articleId()
                && CommentGate.fingerprint(earlier.body()).equals(CommentGate.fingerprint(comment.body()))) {
            return earlier;
        }
        throw new NotSent(409, article, form.withMessage("This form has already sent a comment. Your text is still here: "
                + "please send it again."));
    }

    /** One comment per form and sender: a hash of the form's token and the sender's address. */
    static String formKey(String token, String email) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((token + "\n" + email).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answerStored(Context ctx, boolean json, CommentedArticle article, Comment stored) {
        boolean published = stored.status() == CommentStatus.APPROVED;
        String message = published ? "Thank you: your comment is published."
                : "Thank you: your comment is waiting for a moderator and will appear once approved.";
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", stored.id());
            answer.put("status", published ? "published" : "held");
            answer.put("message", message);
            // A form sends one comment: the next one from this page goes with a new token.
            answer.put("token", tokens.issue(article.id(), Instant.now()));
            if (published) {
                answer.put("html", new String(templates.renderToBytes("tag/comment-alone.jte",
                        new CommentFragment(threads.node(stored), articles.zone())), StandardCharsets.UTF_8));
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

    private void answerWithForm(Context ctx, boolean json, CommentedArticle article, CommentsView.Form form,
                                int status) {
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("message", form.message());
            Map<String, String> fieldErrors = new LinkedHashMap<>(form.errors());
            fieldErrors.remove("form");
            answer.put("errors", fieldErrors);
            answer.put("token", tokens.issue(article.id(), Instant.now()));
            sendJson(ctx, status, answer);
            return;
        }
        articles.showWithForm(ctx, article, form, status);
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
        CommentedArticle article = articles.published(comment.articleId())
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
}
