package org.masthead.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.masthead.content.SiteSettings;
import org.masthead.content.Slugs;
import org.masthead.db.Database;
import org.masthead.web.Json;
import org.masthead.web.Origin;
import org.masthead.web.PageCache;
import org.masthead.web.Templates;

/**
 * The JSON API's reads under /api/v1 (published content only) and its OpenAPI 3.1 description
 * at /api/openapi.json (which also describes {@link WriteRoutes}). Answers go through the page cache with an ETag (304 on a match), are open
 * to every origin (CORS, no credentials), and refusals are JSON: status, code, parameter, message.
 */
public final class ApiRoutes {
    static final String BASE = "/api/v1";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final String JSON = "application/json; charset=utf-8";

    private final ApiQueries queries;
    private final Supplier<SiteSettings> site;
    private final PageCache cache;
    private final byte[] openApi;

    public ApiRoutes(Database db, Supplier<SiteSettings> site, PageCache cache) {
        this.queries = new ApiQueries(db);
        this.site = site;
        this.cache = cache;
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the OpenAPI description is missing from the jar", e);
        }
    }

    /** A read handler: parameters in, a JSON value out. */
    private interface Read {
        Object answer(Context ctx);
    }

    /** Every resource of the API by path, with the query parameters it takes: the routes /api/openapi.json describes. */
    private Map<String, Map.Entry<Set<String>, Read>> resources() {
        Map<String, Map.Entry<Set<String>, Read>> all = new LinkedHashMap<>();
        all.put(BASE + "/articles", Map.entry(Set.of("section", "tag", "author", "limit", "cursor"), this::articles));
        all.put(BASE + "/articles/{id}", Map.entry(Set.of(), ctx -> queries.article(id(ctx), site.get().zone(), Origin.of(ctx))
                .map(ApiRoutes::publicFields)
                .orElseThrow(() -> ApiError.notFound("There is no published article " + ctx.pathParam("id") + "."))));
        all.put(BASE + "/articles/{id}/comments", Map.entry(Set.of("limit", "cursor"), this::comments));
        all.put(BASE + "/sections", Map.entry(Set.of(), ctx -> Map.of("items", queries.sections(Origin.of(ctx)))));
        all.put(BASE + "/sections/{slug}", Map.entry(Set.of(), ctx -> bySlug(ctx, queries.sections(Origin.of(ctx)), "section")));
        all.put(BASE + "/tags", Map.entry(Set.of("limit", "cursor"), this::tags));
        all.put(BASE + "/tags/{slug}", Map.entry(Set.of(), ctx -> queries.tag(slug(ctx), Origin.of(ctx))
                .orElseThrow(() -> ApiError.notFound("There is no tag " + ctx.pathParam("slug") + "."))));
        all.put(BASE + "/authors", Map.entry(Set.of(), ctx -> Map.of("items", queries.authors(Origin.of(ctx)))));
        all.put(BASE + "/authors/{slug}", Map.entry(Set.of(), ctx -> bySlug(ctx, queries.authors(Origin.of(ctx)), "author")));
        all.put(BASE + "/pages", Map.entry(Set.of(), ctx -> Map.of("items", queries.pages(Origin.of(ctx), false))));
        all.put(BASE + "/pages/{slug}", Map.entry(Set.of(), ctx -> bySlug(ctx, queries.pages(Origin.of(ctx), true), "page")));
        return all;
    }

    /** The paths and query parameters of every API route. */
    Map<String, Set<String>> routes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        resources().forEach((path, resource) -> routes.put(path, resource.getKey()));
        return routes;
    }

    public void register(RoutesConfig routes) {
        read(routes, "/api/openapi.json", Set.of(), ctx -> null);
        resources().forEach((path, resource) -> read(routes, path, resource.getKey(), resource.getValue()));
        routes.options("/api/*", ctx -> {
            cors(ctx);
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since");
            ctx.header("Access-Control-Max-Age", "86400");
            ctx.status(204);
            Templates.answered(ctx);
        });
        // Anything else under the API is a JSON 404, never the reader site's HTML page.
        routes.get("/api/*", ctx -> error(ctx, ApiError.notFound("There is no API resource at " + ctx.path() + ".")));
        io.javalin.http.Handler readOnly = ctx -> {
            Set<String> writes = WriteRoutes.methodsAt(ctx.path());
            ctx.header("Allow", "GET, HEAD, OPTIONS" + (writes.isEmpty() ? "" : ", " + String.join(", ", writes)));
            error(ctx, new ApiError(405, "method_not_allowed", null, writes.isEmpty()
                    ? "This address only reads: use GET."
                    : "This address takes GET and " + String.join(", ", writes) + " (with an API token)."));
        };
        routes.post("/api/*", readOnly);
        routes.put("/api/*", readOnly);
        routes.patch("/api/*", readOnly);
        routes.delete("/api/*", readOnly);
    }

    private void read(RoutesConfig routes, String path, Set<String> parameters, Read read) {
        io.javalin.http.Handler cached = cache.cached(ctx -> {
            byte[] body = path.equals("/api/openapi.json") ? openApi
                    : Json.write(read.answer(ctx)).getBytes(StandardCharsets.UTF_8);
            Templates.sendBytes(ctx, body, JSON, 0);
        });
        io.javalin.http.Handler handler = ctx -> {
            cors(ctx);
            try {
                for (String name : ctx.queryParamMap().keySet()) {
                    if (!parameters.contains(name)) {
                        throw ApiError.badParameter(name, "unknown parameter " + name + "; this resource takes "
                                + (parameters.isEmpty() ? "none" : String.join(", ", parameters.stream().sorted().toList())));
                    }
                    if (ctx.queryParams(name).size() > 1) {
                        throw ApiError.badParameter(name, name + " may be given once");
                    }
                }
                cached.handle(ctx);
            } catch (ApiError e) {
                error(ctx, e);
            }
        };
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag");
    }

    private static void error(Context ctx, ApiError e) {
        send(ctx, e, true);
    }

    /** Answers a refusal as JSON; {@code cors} opens it to other origins (reads only). */
    static void send(Context ctx, ApiError e, boolean cors) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", e.status);
        error.put("code", e.code);
        error.put("field", e.field);
        error.put("message", e.getMessage());
        if (!e.errors.isEmpty()) {
            error.put("errors", e.errors.stream().map(p -> {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("field", p.field());
                problem.put("message", p.message());
                return problem;
            }).toList());
        }
        if (cors) {
            cors(ctx);
        }
        e.headers.forEach(ctx::header);
        ctx.status(e.status).contentType(JSON).header("Cache-Control", "no-store")
                .result(Json.write(Map.of("error", error)));
        Templates.answered(ctx);
    }

    private Object articles(Context ctx) {
        ApiQueries.ArticleFilter filter = new ApiQueries.ArticleFilter(slugParam(ctx, "section"), slugParam(ctx, "tag"),
                slugParam(ctx, "author"));
        int limit = limit(ctx);
        Cursor after = Cursor.decode(ctx.queryParam("cursor"));
        List<Map<String, Object>> rows = queries.articles(filter, after, limit, site.get().zone(), Origin.of(ctx));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Map<String, Object> last = rows.getLast();
            next = new Cursor((Long) last.get("_published_millis"), (Long) last.get("id")).encode();
        }
        return page(rows.stream().map(ApiRoutes::publicFields).toList(), next);
    }

    private Object comments(Context ctx) {
        long article = id(ctx);
        int limit = limit(ctx);
        Cursor after = Cursor.decode(ctx.queryParam("cursor"));
        List<Map<String, Object>> rows = queries.comments(article, after == null ? 0 : after.id(), limit)
                .orElseThrow(() -> ApiError.notFound("There is no published article " + article + "."));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(0, (Long) rows.getLast().get("id")).encode();
        }
        return page(rows, next);
    }

    private Object tags(Context ctx) {
        int limit = limit(ctx);
        Cursor after = Cursor.decode(ctx.queryParam("cursor"));
        List<Map<String, Object>> rows = queries.tags(after == null ? 0 : after.id(), limit, Origin.of(ctx));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor(0, (Long) rows.getLast().get("id")).encode();
        }
        return page(rows, next);
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, String next) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next_cursor", next);
        return page;
    }

    /** Drops the fields kept only for paging. */
    private static Map<String, Object> publicFields(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.remove("_published_millis");
        return copy;
    }

    private static Map<String, Object> bySlug(Context ctx, List<Map<String, Object>> rows, String kind) {
        String slug = slug(ctx);
        return rows.stream().filter(r -> r.get("slug").equals(slug)).findFirst()
                .orElseThrow(() -> ApiError.notFound("There is no " + kind + " " + slug + "."));
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw ApiError.badParameter("id", "id must be a positive whole number");
        }
        return Long.parseLong(raw);
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slugs.isValid(slug)) {
            throw ApiError.notFound("There is nothing called " + (slug.length() > 80 ? slug.substring(0, 80) + "…" : slug) + ".");
        }
        return slug;
    }

    private static String slugParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null && !Slugs.isValid(value)) {
            throw ApiError.badParameter(name, name + " must be a slug: lowercase letters, digits and hyphens");
        }
        return value;
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (!raw.matches("\\d{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            throw ApiError.badParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(raw);
    }
}
