package org.masthead.wpapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.masthead.content.SiteSettings;
import org.masthead.content.Slugs;
import org.masthead.db.Database;
import org.masthead.search.SearchIndex;
import org.masthead.web.Json;
import org.masthead.web.Origin;
import org.masthead.web.Templates;

/**
 * WordPress's REST API, for reading, at /wp-json/wp/v2/: posts, pages, categories, tags, users,
 * comments and media with the fields, query parameters and headers (X-WP-Total, X-WP-TotalPages)
 * that WordPress apps and headless front-ends use, and the /wp-json/ index they discover it by.
 * Only published content is shown. Writing is not offered here: the site's own API does that.
 */
public final class WpRoutes {
    static final String ROOT = "/wp-json";
    static final String BASE = ROOT + "/wp/v2";
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_PER_PAGE = 100;
    private static final int MAX_SEARCH = 500;
    private static final int MAX_LIST = 100;
    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final String JSON = "application/json; charset=utf-8";

    /** A collection: its name, the orderby values it accepts and the error WordPress gives for an unknown id. */
    private record Collection(String name, Set<String> orderBy, String defaultOrderBy, boolean newestFirst,
                              String invalidId, String invalidIdMessage) {
    }

    private static final List<Collection> COLLECTIONS = List.of(
            new Collection("posts", Set.of("date", "id", "title", "slug", "modified", "include", "relevance"), "date", true,
                    "rest_post_invalid_id", "Invalid post ID."),
            new Collection("pages", Set.of("date", "id", "title", "slug", "modified", "include"), "date", true,
                    "rest_post_invalid_id", "Invalid post ID."),
            new Collection("categories", Set.of("name", "id", "slug", "count", "include"), "name", false,
                    "rest_term_invalid", "Term does not exist."),
            new Collection("tags", Set.of("name", "id", "slug", "count", "include"), "name", false,
                    "rest_term_invalid", "Term does not exist."),
            new Collection("users", Set.of("name", "id", "slug", "include"), "name", false,
                    "rest_user_invalid_id", "Invalid user ID."),
            new Collection("comments", Set.of("date", "date_gmt", "id", "include"), "date_gmt", true,
                    "rest_comment_invalid_id", "Invalid comment ID."),
            new Collection("media", Set.of("date", "id", "include"), "date", true,
                    "rest_post_invalid_id", "Invalid post ID."));

    private final WpQueries queries;
    private final Supplier<SiteSettings> site;

    /** {@code search}, the site's search index, finds posts by their words; without one (null) the database's text is read. */
    public WpRoutes(Database db, Supplier<SiteSettings> site, SearchIndex search) {
        this.queries = new WpQueries(db, search);
        this.site = site;
    }

    /** A refusal in WordPress's shape: a code, a message and the status, with the parameters at fault. */
    static final class WpError extends RuntimeException {
        final int status;
        final String code;
        final Map<String, String> params;

        WpError(int status, String code, String message, Map<String, String> params) {
            super(message);
            this.status = status;
            this.code = code;
            this.params = params;
        }

        static WpError invalid(String param, String why) {
            return new WpError(400, "rest_invalid_param", "Invalid parameter(s): " + param, Map.of(param, why));
        }
    }

    public void register(RoutesConfig routes) {
        getAndHead(routes, ROOT, ctx -> send(ctx, index(Origin.of(ctx))));
        getAndHead(routes, ROOT + "/", ctx -> send(ctx, index(Origin.of(ctx))));
        getAndHead(routes, BASE, ctx -> send(ctx, namespace(Origin.of(ctx))));
        for (Collection collection : COLLECTIONS) {
            getAndHead(routes, BASE + "/" + collection.name(), ctx -> list(ctx, collection));
            getAndHead(routes, BASE + "/" + collection.name() + "/{id}", ctx -> one(ctx, collection));
        }
        routes.options(ROOT + "/*", ctx -> {
            cors(ctx);
            ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "If-None-Match");
            ctx.header("Access-Control-Max-Age", "86400");
            ctx.status(204);
            Templates.answered(ctx);
        });
        Handler noRoute = ctx -> error(ctx, new WpError(404, "rest_no_route",
                "No route was found matching the URL and request method.", Map.of()));
        routes.get(ROOT + "/*", noRoute);
        Handler readOnly = ctx -> {
            ctx.header("Allow", "GET, HEAD, OPTIONS");
            error(ctx, new WpError(405, "rest_no_route", "This WordPress-compatible API only reads: use GET. "
                    + "Articles are written through /api/v1 or the newsroom.", Map.of()));
        };
        for (String path : List.of(ROOT, ROOT + "/*")) {
            routes.post(path, readOnly);
            routes.put(path, readOnly);
            routes.patch(path, readOnly);
            routes.delete(path, readOnly);
        }
    }

    /**
     * The header by which WordPress clients find the API from any page of the site
     * ({@code Link: <https://site/wp-json/>; rel="https://api.w.org/"}).
     */
    public static void discovery(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/newsroom") && !path.startsWith("/static/") && !path.startsWith("/media/")
                && !path.startsWith("/api/") && !path.startsWith(ROOT)) {
            ctx.header("Link", "<" + Origin.of(ctx) + ROOT + "/>; rel=\"https://api.w.org/\"");
        }
    }

    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        Handler guarded = ctx -> {
            cors(ctx);
            try {
                if ("edit".equals(ctx.queryParam("context"))) {
                    throw new WpError(401, "rest_forbidden_context",
                            "Sorry, you are not allowed to edit here: this API only reads.", Map.of());
                }
                handler.handle(ctx);
            } catch (WpError e) {
                error(ctx, e);
            }
        };
        routes.get(path, guarded);
        routes.head(path, guarded);
    }

    private void list(Context ctx, Collection collection) {
        WpQueries.Request request = request(ctx, collection);
        String origin = Origin.of(ctx);
        WpQueries.Page page = fetch(collection, request, origin);
        long totalPages = (page.total() + request.perPage() - 1) / request.perPage();
        if (request.page() > Math.max(1, totalPages)) {
            throw new WpError(400, "rest_post_invalid_page_number",
                    "The page number requested is larger than the number of pages available.", Map.of());
        }
        ctx.header("X-WP-Total", String.valueOf(page.total()));
        ctx.header("X-WP-TotalPages", String.valueOf(totalPages));
        List<String> links = new ArrayList<>();
        if (request.page() > 1) {
            links.add("<" + pageUrl(ctx, origin, request.page() - 1) + ">; rel=\"prev\"");
        }
        if (request.page() < totalPages) {
            links.add("<" + pageUrl(ctx, origin, request.page() + 1) + ">; rel=\"next\"");
        }
        if (!links.isEmpty()) {
            ctx.header("Link", String.join(", ", links));
        }
        boolean embed = ctx.queryParamMap().containsKey("_embed");
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> item : page.items()) {
            items.add(fields(ctx, finish(collection, item, origin, embed)));
        }
        send(ctx, items);
    }

    private void one(Context ctx, Collection collection) {
        String raw = ctx.pathParam("id");
        if (!ID.matcher(raw).matches()) {
            throw new WpError(404, collection.invalidId(), collection.invalidIdMessage(), Map.of());
        }
        WpQueries.Request request = new WpQueries.Request(1, 1, null, List.of(), List.of(Long.parseLong(raw)), List.of(),
                List.of(), List.of(), List.of(), null, false, collection.defaultOrderBy());
        String origin = Origin.of(ctx);
        List<Map<String, Object>> found = fetch(collection, request, origin).items();
        if (found.isEmpty()) {
            throw new WpError(404, collection.invalidId(), collection.invalidIdMessage(), Map.of());
        }
        send(ctx, fields(ctx, finish(collection, found.getFirst(), origin, ctx.queryParamMap().containsKey("_embed"))));
    }

    private WpQueries.Page fetch(Collection collection, WpQueries.Request request, String origin) {
        var zone = site.get().zone();
        return switch (collection.name()) {
            case "posts" -> queries.posts(request, zone, origin);
            case "pages" -> queries.pages(request, zone, origin);
            case "categories" -> queries.categories(request, origin);
            case "tags" -> queries.tags(request, origin);
            case "users" -> queries.users(request, origin);
            case "comments" -> queries.comments(request, zone, origin);
            case "media" -> queries.media(request, zone, origin);
            default -> throw new IllegalArgumentException(collection.name());
        };
    }

    /** Adds {@code _links} and, when asked, {@code _embedded}: the author, featured picture and terms of a post. */
    private Map<String, Object> finish(Collection collection, Map<String, Object> item, String origin, boolean embed) {
        String self = origin + BASE + "/" + collection.name() + "/" + item.get("id");
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", List.of(Map.of("href", self)));
        links.put("collection", List.of(Map.of("href", origin + BASE + "/" + collection.name())));
        if (collection.name().equals("posts")) {
            long author = (Long) item.get("author");
            long media = (Long) item.get("featured_media");
            if (author > 0) {
                links.put("author", List.of(Map.of("embeddable", true, "href", origin + BASE + "/users/" + author)));
            }
            links.put("replies", List.of(Map.of("embeddable", true, "href", origin + BASE + "/comments?post=" + item.get("id"))));
            if (media > 0) {
                links.put("wp:featuredmedia", List.of(Map.of("embeddable", true, "href", origin + BASE + "/media/" + media)));
            }
            links.put("wp:term", List.of(
                    Map.of("taxonomy", "category", "embeddable", true, "href", origin + BASE + "/categories?post=" + item.get("id")),
                    Map.of("taxonomy", "post_tag", "embeddable", true, "href", origin + BASE + "/tags?post=" + item.get("id"))));
            if (embed) {
                item.put("_embedded", embedded(item, author, media, origin));
            }
        } else if (collection.name().equals("comments")) {
            links.put("up", List.of(Map.of("embeddable", true, "post_type", "post",
                    "href", origin + BASE + "/posts/" + item.get("post"))));
        }
        item.put("_links", links);
        return item;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> embedded(Map<String, Object> post, long author, long media, String origin) {
        Map<String, Object> embedded = new LinkedHashMap<>();
        var zone = site.get().zone();
        if (author > 0) {
            embedded.put("author", queries.users(byIds(List.of(author)), origin).items());
        }
        if (media > 0) {
            embedded.put("wp:featuredmedia", queries.media(byIds(List.of(media)), zone, origin).items());
        }
        List<Long> categories = (List<Long>) post.get("categories");
        List<Long> tags = (List<Long>) post.get("tags");
        embedded.put("wp:term", List.of(queries.categories(byIds(categories), origin).items(),
                tags.isEmpty() ? List.of() : queries.tags(byIds(tags), origin).items()));
        return embedded;
    }

    private static WpQueries.Request byIds(List<Long> ids) {
        return new WpQueries.Request(1, MAX_PER_PAGE, null, List.of(), ids, List.of(), List.of(), List.of(), List.of(), null,
                true, "id");
    }

    /** Keeps only the fields {@code _fields} names, as WordPress does; everything when it is absent. */
    private static Object fields(Context ctx, Map<String, Object> item) {
        String wanted = ctx.queryParam("_fields");
        if (wanted == null || wanted.isBlank()) {
            return item;
        }
        Set<String> names = Set.of(wanted.split(","));
        Map<String, Object> kept = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (names.contains(name) || name.equals("_embedded") && ctx.queryParamMap().containsKey("_embed")) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private WpQueries.Request request(Context ctx, Collection collection) {
        int page = number(ctx, "page", 1, Integer.MAX_VALUE, 1);
        int perPage = number(ctx, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
        String search = ctx.queryParam("search");
        if (search != null && search.length() > MAX_SEARCH) {
            throw WpError.invalid("search", "search may be at most " + MAX_SEARCH + " characters");
        }
        List<String> slugs = strings(ctx, "slug");
        for (String slug : slugs) {
            if (!Slugs.isValid(slug)) {
                throw WpError.invalid("slug", "slug must be lowercase letters, digits and hyphens");
            }
        }
        String order = ctx.queryParam("order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw WpError.invalid("order", "order is not one of asc, desc.");
        }
        String orderBy = ctx.queryParam("orderby");
        if (orderBy != null && !collection.orderBy().contains(orderBy)) {
            throw WpError.invalid("orderby", "orderby is not one of "
                    + String.join(", ", collection.orderBy().stream().sorted().toList()) + ".");
        }
        if ("relevance".equals(orderBy) && (search == null || search.isBlank())) {
            throw WpError.invalid("orderby", "orderby=relevance needs a search term");
        }
        boolean ascending = order != null ? order.equals("asc") : !collection.newestFirst();
        Long parent = ctx.queryParam("parent") == null ? null : (long) number(ctx, "parent", 0, Integer.MAX_VALUE, 0);
        List<Long> posts = ids(ctx, "post");
        return new WpQueries.Request(page, perPage, search, slugs, ids(ctx, "include"), ids(ctx, "categories"),
                ids(ctx, "tags"), ids(ctx, "author"), posts, parent, ascending,
                orderBy == null || orderBy.equals("include") ? collection.defaultOrderBy() : orderBy);
    }

    private static int number(Context ctx, String name, int min, int max, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        if (!raw.strip().matches("\\d{1,10}") || Long.parseLong(raw.strip()) < min || Long.parseLong(raw.strip()) > max) {
            throw WpError.invalid(name, max == Integer.MAX_VALUE ? name + " must be a whole number of at least " + min
                    : name + " must be between " + min + " (inclusive) and " + max + " (inclusive)");
        }
        return Integer.parseInt(raw.strip());
    }

    /** A list parameter as WordPress takes it: {@code a,b}, {@code name[]=a&name[]=b} or both. */
    private static List<String> strings(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            for (String raw : ctx.queryParams(key)) {
                for (String part : raw.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.strip());
                    }
                }
            }
        }
        if (values.size() > MAX_LIST) {
            throw WpError.invalid(name, name + " may list at most " + MAX_LIST + " values");
        }
        return values;
    }

    private static List<Long> ids(Context ctx, String name) {
        List<Long> ids = new ArrayList<>();
        for (String value : strings(ctx, name)) {
            if (!ID.matcher(value).matches()) {
                throw WpError.invalid(name, name + " must list positive whole numbers");
            }
            ids.add(Long.parseLong(value));
        }
        return ids;
    }

    private static String pageUrl(Context ctx, String origin, int page) {
        StringBuilder url = new StringBuilder(origin).append(ctx.path()).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                for (String value : values) {
                    url.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            }
        });
        return url.append("page=").append(page).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The /wp-json/ index: the site, the namespace and its routes, as WordPress clients discover them. */
    private Map<String, Object> index(String origin) {
        SiteSettings settings = site.get();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", settings.name());
        index.put("description", settings.tagline());
        index.put("url", origin);
        index.put("home", origin);
        index.put("gmt_offset", settings.zone().getRules().getOffset(java.time.Instant.now()).getTotalSeconds() / 3600.0);
        index.put("timezone_string", settings.zone().getId());
        index.put("namespaces", List.of("wp/v2"));
        index.put("authentication", List.of());
        index.put("routes", routes(origin));
        index.put("_links", Map.of("help", List.of(Map.of("href", origin + "/api/openapi.json"))));
        return index;
    }

    private Map<String, Object> namespace(String origin) {
        Map<String, Object> namespace = new LinkedHashMap<>();
        namespace.put("namespace", "wp/v2");
        namespace.put("routes", routes(origin));
        return namespace;
    }

    private static Map<String, Object> routes(String origin) {
        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("/wp/v2", route(origin + BASE, List.of()));
        for (Collection collection : COLLECTIONS) {
            routes.put("/wp/v2/" + collection.name(), route(origin + BASE + "/" + collection.name(),
                    List.of("page", "per_page", "search", "slug", "include", "order", "orderby", "_embed", "_fields")));
            routes.put("/wp/v2/" + collection.name() + "/(?P<id>[\\d]+)", route(null, List.of("id", "_embed", "_fields")));
        }
        return routes;
    }

    private static Map<String, Object> route(String self, List<String> args) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (String arg : args) {
            arguments.put(arg, Map.of("required", arg.equals("id")));
        }
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("namespace", "wp/v2");
        route.put("methods", List.of("GET"));
        route.put("endpoints", List.of(Map.of("methods", List.of("GET"), "args", arguments)));
        if (self != null) {
            route.put("_links", Map.of("self", List.of(Map.of("href", self))));
        }
        return route;
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link, ETag");
    }

    private static void send(Context ctx, Object value) {
        Templates.sendBytes(ctx, Json.write(value).getBytes(StandardCharsets.UTF_8), JSON, 0);
    }

    private static void error(Context ctx, WpError e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", e.status);
        if (!e.params.isEmpty()) {
            data.put("params", e.params);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code);
        body.put("message", e.getMessage());
        body.put("data", data);
        cors(ctx);
        ctx.status(e.status).contentType(JSON).header("Cache-Control", "no-store").result(Json.write(body));
        Templates.answered(ctx);
    }
}
