package org.masthead.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.content.SiteSettings;
import org.masthead.db.Database;
import org.masthead.web.Json;
import org.masthead.web.Origin;
import org.masthead.web.PageCache;
import org.masthead.web.Templates;

/**
 * The oEmbed provider: {@code /oembed?url=} of one of this site's articles answers a "rich" story
 * card (headline linking to the story, dek, byline, site name) that other sites can embed, in JSON.
 * Article pages name it for discovery. Refusals are JSON errors like the API's.
 */
public final class OEmbedRoutes {
    static final String PATH = "/oembed";
    private static final Pattern ARTICLE = Pattern.compile("/\\d{4}/\\d{2}/\\d{2}/([a-z0-9]+(?:-[a-z0-9]+)*)");
    private static final Set<String> PARAMETERS = Set.of("url", "format", "maxwidth", "maxheight");
    private static final int WIDTH = 600;
    private static final int HEIGHT = 200;

    private final ApiQueries queries;
    private final Supplier<SiteSettings> site;
    private final PageCache cache;

    public OEmbedRoutes(Database db, Supplier<SiteSettings> site, PageCache cache) {
        this.queries = new ApiQueries(db);
        this.site = site;
        this.cache = cache;
    }

    public void register(RoutesConfig routes) {
        io.javalin.http.Handler cached = cache.cached(this::answer);
        io.javalin.http.Handler handler = ctx -> {
            ctx.header("Access-Control-Allow-Origin", "*");
            try {
                for (String name : ctx.queryParamMap().keySet()) {
                    if (!PARAMETERS.contains(name) || ctx.queryParams(name).size() > 1) {
                        throw ApiError.badParameter(name, "oEmbed takes url, format, maxwidth and maxheight, each once");
                    }
                }
                cached.handle(ctx);
            } catch (ApiError e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("status", e.status);
                error.put("code", e.code);
                error.put("field", e.field);
                error.put("message", e.getMessage());
                ctx.status(e.status).contentType("application/json; charset=utf-8").header("Cache-Control", "no-store")
                        .result(Json.write(Map.of("error", error)));
                Templates.answered(ctx);
            }
        };
        routes.get(PATH, handler);
        routes.head(PATH, handler);
    }

    private void answer(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("json")) {
            // oEmbed's own status for a format the provider does not serve.
            throw new ApiError(501, "format_not_served", "format", "this provider answers in json only");
        }
        int maxWidth = dimension(ctx, "maxwidth");
        int maxHeight = dimension(ctx, "maxheight");
        String origin = Origin.of(ctx);
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            throw ApiError.badParameter("url", "url is required: the address of one of this site's articles");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("url", "url is not a valid address");
        }
        Matcher path = uri.getRawPath() == null ? null : ARTICLE.matcher(uri.getRawPath());
        if (uri.getHost() == null || !(uri.getScheme() + "://" + uri.getAuthority()).equalsIgnoreCase(origin)
                || path == null || !path.matches()) {
            throw ApiError.notFound("url is not the address of an article on " + origin);
        }
        Map<String, Object> article = queries.article(path.group(1), site.get().zone(), origin)
                .filter(a -> a.get("url").equals(origin + uri.getRawPath()))
                .orElseThrow(() -> ApiError.notFound("There is no published article at " + url));
        SiteSettings settings = site.get();
        int width = Math.min(WIDTH, maxWidth);
        int height = Math.min(HEIGHT, maxHeight);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> authors = (List<Map<String, Object>>) article.get("authors");
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("version", "1.0");
        embed.put("type", "rich");
        embed.put("provider_name", settings.name());
        embed.put("provider_url", origin + "/");
        embed.put("title", article.get("headline"));
        if (!authors.isEmpty()) {
            embed.put("author_name", authors.stream().map(a -> (String) a.get("name")).reduce((a, b) -> a + ", " + b).orElseThrow());
            embed.put("author_url", authors.getFirst().get("url"));
        }
        embed.put("html", card(article, authors, settings));
        embed.put("width", width);
        embed.put("height", height);
        @SuppressWarnings("unchecked")
        Map<String, Object> image = (Map<String, Object>) article.get("image");
        if (image != null) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sizes = (List<Map<String, Object>>) image.get("sizes");
            Map<String, Object> thumbnail = sizes.stream().filter(s -> (Integer) s.get("width") <= maxWidth
                    && (Integer) s.get("height") <= maxHeight).reduce((a, b) -> b).orElse(null);
            if (thumbnail != null) {
                embed.put("thumbnail_url", thumbnail.get("url"));
                embed.put("thumbnail_width", thumbnail.get("width"));
                embed.put("thumbnail_height", thumbnail.get("height"));
            }
        }
        Templates.sendBytes(ctx, Json.write(embed).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json; charset=utf-8", 0);
    }

    /** A plain blockquote card: no script, no styles of ours, so it embeds safely anywhere. */
    private static String card(Map<String, Object> article, List<Map<String, Object>> authors, SiteSettings settings) {
        StringBuilder html = new StringBuilder("<blockquote class=\"masthead-embed\"><p><a href=\"")
                .append(escape((String) article.get("url"))).append("\">").append(escape((String) article.get("headline")))
                .append("</a></p><p>").append(escape((String) article.get("dek"))).append("</p><p>");
        if (!authors.isEmpty()) {
            html.append("By ").append(escape(authors.stream().map(a -> (String) a.get("name"))
                    .reduce((a, b) -> a + ", " + b).orElseThrow())).append(" — ");
        }
        return html.append(escape(settings.name())).append("</p></blockquote>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int dimension(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return Integer.MAX_VALUE;
        }
        if (!raw.matches("\\d{1,5}") || Integer.parseInt(raw) < 1) {
            throw ApiError.badParameter(name, name + " must be a whole number of pixels from 1 to 99999");
        }
        return Integer.parseInt(raw);
    }
}
