package org.masthead.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.ArticlePaths;
import org.masthead.content.Slugs;
import org.masthead.privacy.Notice;
import org.masthead.site.Layout;
import org.masthead.site.SiteQueries;
import org.masthead.web.HttpError;
import org.masthead.web.Json;
import org.masthead.web.PageNumber;
import org.masthead.web.Templates;

/**
 * {@code /search}: the results page, and {@code /search/suggest}, the autocomplete's JSON.
 * Neither goes into the page cache: every query is a new page, and the index answers fast.
 */
public final class SearchRoutes {
    private final SearchIndex index;
    private final SiteQueries site;
    private final Templates templates;

    public SearchRoutes(SearchIndex index, SiteQueries site, Templates templates) {
        this.index = index;
        this.site = site;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
        routes.get("/search", this::page);
        routes.head("/search", this::page);
        routes.get("/search/suggest", this::suggest);
    }

    void page(Context ctx) {
        String raw = query(ctx);
        String query = QueryText.clean(raw);
        ZoneId zone = site.settings().zone();
        SearchPage.Filters filters = new SearchPage.Filters(slugParam(ctx, "section"), slugParam(ctx, "author"),
                slugParam(ctx, "tag"), isoDate(ctx, "from"), isoDate(ctx, "to"), "date".equals(ctx.queryParam("sort")));
        int page = PageNumber.parse(ctx.queryParam("page"));
        if (page > SearchRequest.MAX_PAGE) {
            throw HttpError.badRequest("Search shows the first " + SearchRequest.MAX_PAGE
                    + " pages of results; add a word or a filter to narrow the search.");
        }
        SearchPage.Found found = null;
        List<SearchPage.Link> topics = List.of();
        if (!query.isEmpty()) {
            SearchRequest request = new SearchRequest(QueryText.parse(query), blankToNull(filters.section()),
                    blankToNull(filters.author()), blankToNull(filters.tag()), date(filters.from()), date(filters.to()),
                    filters.newestFirst(), page);
            SearchResults results = index.search(request, zone);
            List<SearchPage.Result> shown = new ArrayList<>();
            for (SearchResults.Hit hit : results.hits()) {
                Instant published = Instant.ofEpochMilli(hit.publishedAt());
                shown.add(new SearchPage.Result(ArticlePaths.url(hit.slug(), published, zone), hit.headlineHtml(),
                        hit.snippetHtml(), hit.sectionName(), "/section/" + hit.sectionSlug(), published));
            }
            int pageCount = (int) Math.min(SearchRequest.MAX_PAGE,
                    (results.total() + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE);
            found = new SearchPage.Found(results.total(), results.moreThan(), shown, page, pageCount, results.allWords(),
                    results.didYouMean());
            topics = index.topics(query).stream().map(s -> new SearchPage.Link(s.label(), "/tag/" + s.slug())).toList();
        }
        String title = query.isEmpty() ? "Search" : "Search: " + query;
        Layout layout = new Layout.Builder(site.settings(), site.topSections(), "/search").privacy(Notice.of(ctx))
                .title(title).description("Search the stories of " + site.settings().name() + ".")
                .noindex().searchQuery(query).build();
        templates.render(ctx, "search/results.jte", new SearchPage(layout, query, filters, found, site.sections(),
                choices(index.authors()), choices(index.tags()), topics, index.catchingUp()));
        ctx.header("X-Robots-Tag", "noindex");
        // What one reader searched for is theirs: a shared copy would let the next reader see (by its speed) that
        // someone asked the same.
        ctx.header("Cache-Control", "private, no-cache");
    }

    void suggest(Context ctx) {
        String raw = ctx.queryParam("q");
        List<Map<String, String>> out = new ArrayList<>();
        if (raw != null && raw.length() <= QueryText.MAX_LENGTH) {
            ZoneId zone = site.settings().zone();
            for (Autocomplete.Suggestion s : index.suggest(raw)) {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("kind", s.kind());
                item.put("label", s.label());
                item.put("url", s.kind().equals("topic") ? "/tag/" + s.slug()
                        : ArticlePaths.url(s.slug(), Instant.ofEpochMilli(s.publishedAt()), zone));
                out.add(item);
            }
        }
        ctx.contentType("application/json; charset=utf-8").header("Cache-Control", "private, no-cache").result(Json.write(out));
    }

    private static List<SearchPage.Choice> choices(List<IndexedArticle.Named> named) {
        return named.stream().map(n -> new SearchPage.Choice(n.slug(), n.name())).toList();
    }

    private static String query(Context ctx) {
        String raw = ctx.queryParam("q");
        if (raw == null) {
            return "";
        }
        if (raw.length() > QueryText.MAX_LENGTH) {
            throw HttpError.badRequest("A search can be at most " + QueryText.MAX_LENGTH + " characters long; this one has "
                    + raw.length() + ". Shorten it and search again.");
        }
        return raw;
    }

    private static String slugParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return "";
        }
        if (!Slugs.isValid(value)) {
            throw HttpError.badRequest("The " + name + " filter \"" + shorten(value) + "\" is not one this site has.");
        }
        return value;
    }

    private static String isoDate(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("The date \"" + shorten(value) + "\" is not a date like 2026-03-31.");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static LocalDate date(String iso) {
        return iso.isEmpty() ? null : LocalDate.parse(iso);
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
