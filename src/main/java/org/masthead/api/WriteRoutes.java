package org.masthead.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.masthead.accounts.ApiTokenStore;
import org.masthead.accounts.User;
import org.masthead.comments.CommentStatus;
import org.masthead.content.ArticlePaths;
import org.masthead.content.ArticleStatus;
import org.masthead.content.SiteSettings;
import org.masthead.db.Database;
import org.masthead.newsroom.articles.ArticleForm;
import org.masthead.newsroom.articles.ArticleWorkflow;
import org.masthead.newsroom.comments.ModerationDesk;
import org.masthead.web.Json;
import org.masthead.web.Origin;
import org.masthead.web.Templates;

/**
 * The API's writes, for clients holding an API token (Authorization: Bearer): article drafts,
 * edits and publishing through the article desk's workflow, and comment moderation through the
 * moderation desk, each with the token's account and its role. Never cached, never open to other
 * origins (the read API's CORS preflight does not allow these methods or headers).
 */
public final class WriteRoutes {
    static final int REQUESTS_PER_MINUTE = 60;
    private static final String REALM = "Bearer realm=\"Masthead API\"";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String ARTICLES = ApiRoutes.BASE + "/articles";
    private static final Map<String, JsonBody.Kind> ARTICLE_FIELDS = articleFields();
    private static final Map<String, JsonBody.Kind> STATUS_FIELDS = Map.of("status", JsonBody.Kind.STRING);

    private final ApiTokenStore tokens;
    private final ArticleWorkflow workflow;
    private final ModerationDesk moderation;
    private final Supplier<SiteSettings> site;
    private final WriteQueries queries;
    private final WriteQuota quota;

    public WriteRoutes(Database db, ApiTokenStore tokens, ArticleWorkflow workflow, ModerationDesk moderation,
                       Supplier<SiteSettings> site) {
        this.tokens = tokens;
        this.workflow = workflow;
        this.moderation = moderation;
        this.site = site;
        this.queries = new WriteQueries(db);
        this.quota = new WriteQuota(REQUESTS_PER_MINUTE, System::currentTimeMillis);
    }

    private static Map<String, JsonBody.Kind> articleFields() {
        Map<String, JsonBody.Kind> fields = new LinkedHashMap<>();
        for (String name : List.of("headline", "slug", "dek", "body", "section", "language", "seo_title", "seo_description",
                "label", "sponsor", "note_kind", "note_text")) {
            fields.put(name, JsonBody.Kind.STRING);
        }
        fields.put("authors", JsonBody.Kind.STRINGS);
        fields.put("tags", JsonBody.Kind.STRINGS);
        fields.put("see_also", JsonBody.Kind.STRINGS);
        fields.put("image", JsonBody.Kind.ID_OR_NULL);
        fields.put("comments_open", JsonBody.Kind.BOOLEAN);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** A write handler: the token's account in, the JSON answer out (it sets its own status and headers). */
    private interface Write {
        Object answer(Context ctx, User user);
    }

    /** Every write route by path with its methods: what /api/openapi.json describes besides the reads. */
    static Map<String, Set<String>> routes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put(ARTICLES, Set.of("post"));
        routes.put(ARTICLES + "/{id}", Set.of("patch"));
        routes.put(ARTICLES + "/{id}/publish", Set.of("post"));
        routes.put(ApiRoutes.BASE + "/comments/{id}/status", Set.of("post"));
        return routes;
    }

    /** The write methods a concrete path takes, upper case, for the Allow header of a 405. */
    static Set<String> methodsAt(String path) {
        Set<String> methods = new TreeSet<>();
        routes().forEach((template, verbs) -> {
            if (path.matches(template.replace("{id}", "[^/]+"))) {
                verbs.forEach(v -> methods.add(v.toUpperCase(Locale.ROOT)));
            }
        });
        return methods;
    }

    /** Registered before the read API, whose catch-all routes answer 405 for other writes. */
    public void register(RoutesConfig routes) {
        routes.post(ARTICLES, ctx -> write(ctx, this::create));
        routes.patch(ARTICLES + "/{id}", ctx -> write(ctx, this::update));
        routes.post(ARTICLES + "/{id}/publish", ctx -> write(ctx, this::publish));
        routes.post(ApiRoutes.BASE + "/comments/{id}/status", ctx -> write(ctx, this::moderate));
    }

    private void write(Context ctx, Write write) {
        try {
            ApiTokenStore.Bearer bearer = bearer(ctx);
            OptionalLong wait = quota.take(bearer.tokenId());
            if (wait.isPresent()) {
                throw new ApiError(429, "rate_limited", null, "This token sent more than " + REQUESTS_PER_MINUTE
                        + " writes in a minute; try again in " + wait.getAsLong() + " s. Nothing was changed.",
                        List.of(), Map.of("Retry-After", Long.toString(wait.getAsLong())));
            }
            Object answer = write.answer(ctx, bearer.user());
            ctx.header("Cache-Control", "no-store").contentType(JSON).result(Json.write(answer));
            Templates.answered(ctx);
        } catch (ApiError e) {
            ApiRoutes.send(ctx, e, false);
        }
    }

    private ApiTokenStore.Bearer bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiError(401, "unauthorized", null, "Writing needs an API token, sent as Authorization: Bearer "
                    + "<token>. An admin issues tokens in the newsroom, on the account's page.", List.of(),
                    Map.of("WWW-Authenticate", REALM));
        }
        String[] parts = header.strip().split("\\s+", 2);
        return (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? tokens.find(parts[1]) : java.util.Optional
                .<ApiTokenStore.Bearer>empty()).orElseThrow(() -> new ApiError(401, "invalid_token", null,
                "This API token is not valid: it is mistyped, was revoked, or its account was deleted.", List.of(),
                Map.of("WWW-Authenticate", REALM + ", error=\"invalid_token\"")));
    }

    private Object create(Context ctx, User user) {
        JsonBody body = JsonBody.read(ctx, ARTICLE_FIELDS, false);
        ArticleForm form = ArticleFields.merge(ArticleForm.blank(site.get().language(), List.of()), body, queries);
        long id = saved(workflow.create(user, form), null);
        ctx.status(201).header("Location", ARTICLES + "/" + id);
        return written(ctx, id);
    }

    private Object update(Context ctx, User user) {
        ArticleWorkflow.Current current = opened(ctx, user);
        JsonBody body = JsonBody.read(ctx, ARTICLE_FIELDS, false);
        ArticleForm form = ArticleFields.merge(current.form(), body, queries);
        return written(ctx, saved(workflow.update(user, current.id(), form), current));
    }

    private Object publish(Context ctx, User user) {
        ArticleWorkflow.Current current = opened(ctx, user);
        JsonBody.read(ctx, Map.of(), true);
        return written(ctx, saved(workflow.publish(user, current.id(), current.form().version()), current));
    }

    /** The article in the path, when this account may change it and the client's If-Match (if any) is current. */
    private ArticleWorkflow.Current opened(Context ctx, User user) {
        long id = ApiRoutes.id(ctx);
        ArticleWorkflow.Current current = workflow.current(id)
                .orElseThrow(() -> ApiError.notFound("There is no article " + id + "."));
        if (!ArticleWorkflow.mayOpen(user, current.createdBy())) {
            throw new ApiError(403, "forbidden", null, "This article belongs to someone else: only editors and admins "
                    + "can change other people's articles.");
        }
        String ifMatch = ctx.header("If-Match");
        String etag = etag(current);
        if (ifMatch != null && Arrays.stream(ifMatch.split(",")).map(String::strip)
                .noneMatch(tag -> tag.equals("*") || tag.equals(etag))) {
            throw new ApiError(412, "precondition_failed", null, "The article changed since the version named in "
                    + "If-Match; it is now " + etag + ". Nothing was written.", List.of(), Map.of("ETag", etag));
        }
        return current;
    }

    /** The saved article's id, or the refusal the desk gave, as the API's error. */
    private long saved(ArticleWorkflow.Outcome outcome, ArticleWorkflow.Current before) {
        return switch (outcome) {
            case ArticleWorkflow.Saved saved -> saved.id();
            case ArticleWorkflow.Refused refused -> throw new ApiError(403, "forbidden", null, refused.reason());
            case ArticleWorkflow.NotNow notNow -> throw new ApiError(409, "wrong_state", null, notNow.reason());
            case ArticleWorkflow.Invalid invalid -> throw ApiError.invalid(invalid.problems().stream()
                    .map(p -> new ApiError.FieldProblem(p.field(), p.message())).toList());
            case ArticleWorkflow.Conflict conflict -> throw new ApiError(409, "edit_conflict", null, "Someone saved this "
                    + "article while this change was on its way (it is now version " + conflict.storedVersion()
                    + "); nothing was written. Merge the changes and send them again.", List.of(),
                    Map.of("ETag", etag(before.id(), conflict.storedVersion())));
            case ArticleWorkflow.Missing missing -> throw ApiError.notFound("There is no such article.");
        };
    }

    private Map<String, Object> written(Context ctx, long id) {
        ArticleWorkflow.Current c = workflow.current(id).orElseThrow(() -> ApiError.notFound("There is no article " + id + "."));
        ctx.header("ETag", etag(c));
        ArticleForm f = c.form();
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", c.id());
        article.put("status", c.status().name().toLowerCase(Locale.ROOT));
        article.put("version", f.version());
        article.put("slug", c.slug());
        article.put("headline", f.headline());
        article.put("dek", f.dek());
        article.put("body", f.body());
        article.put("section", queries.sectionSlug(Long.parseLong(f.section())).orElse(null));
        article.put("authors", queries.authorSlugs(f.authors()));
        article.put("tags", ArticleFields.items(f.tags()));
        article.put("see_also", ArticleFields.items(f.seeAlso()));
        article.put("image", f.image().isEmpty() ? null : Long.parseLong(f.image()));
        article.put("language", f.language());
        article.put("label", f.label());
        article.put("sponsor", f.sponsor().isEmpty() ? null : f.sponsor());
        article.put("seo_title", f.seoTitle());
        article.put("seo_description", f.seoDescription());
        article.put("note_kind", f.noteKind().isEmpty() ? null : f.noteKind());
        article.put("note_text", f.noteText().isEmpty() ? null : f.noteText());
        article.put("comments_open", f.commentsOpen());
        article.put("published_at", c.publishedAt() == null ? null : c.publishedAt().toString());
        article.put("url", c.status() == ArticleStatus.PUBLISHED && c.publishedAt() != null
                ? Origin.of(ctx) + ArticlePaths.url(c.slug(), c.publishedAt(), site.get().zone()) : null);
        return article;
    }

    private Object moderate(Context ctx, User user) {
        long id = ApiRoutes.id(ctx);
        JsonBody body = JsonBody.read(ctx, STATUS_FIELDS, false);
        String value = body.string("status").orElse("");
        CommentStatus target = Arrays.stream(CommentStatus.values())
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(value)).findFirst()
                .orElseThrow(() -> ApiError.invalid(List.of(new ApiError.FieldProblem("status",
                        "Give the status to move the comment to: approved, pending, spam or trash."))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("status", value);
        switch (moderation.moderate(user, id, target)) {
            case ModerationDesk.Moved moved -> {
                answer.put("previous_status", moved.from().name().toLowerCase(Locale.ROOT));
                answer.put("changed", true);
            }
            case ModerationDesk.Unchanged unchanged -> answer.put("changed", false);
            case ModerationDesk.Refused refused -> throw new ApiError(403, "forbidden", null, refused.reason());
            case ModerationDesk.NotNow notNow -> throw new ApiError(409, "wrong_state", "status", notNow.reason());
            case ModerationDesk.Missing missing -> throw ApiError.notFound("There is no comment " + id + ".");
        }
        return answer;
    }

    static String etag(ArticleWorkflow.Current current) {
        return etag(current.id(), current.form().version());
    }

    private static String etag(long id, int version) {
        return "\"article-" + id + "-v" + version + "\"";
    }
}
