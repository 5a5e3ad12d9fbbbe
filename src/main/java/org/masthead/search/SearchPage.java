package org.masthead.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.Section;
import org.masthead.site.Layout;

/**
 * The search page's model: what was asked (query and filters), what was found (null before
 * any query), the choices the filters offer, topics matching the query (the autocomplete's
 * answer for readers without JavaScript), and whether the index is still being built.
 */
public record SearchPage(Layout layout, String query, Filters filters, Found found, List<Section> sections,
                         List<Choice> authors, List<Choice> tags, List<Link> topics,
                         boolean catchingUp) {

    /** The filters as the reader set them; empty strings when unset. */
    public record Filters(String section, String author, String tag, String from, String to, boolean newestFirst) {
        boolean any() {
            return !section.isEmpty() || !author.isEmpty() || !tag.isEmpty() || !from.isEmpty() || !to.isEmpty();
        }
    }

    /** One result as the page shows it; the headline and snippet are escaped HTML with {@code <mark>}s. */
    public record Result(String url, String headlineHtml, String snippetHtml, String sectionName, String sectionUrl,
                         Instant publishedAt) {
    }

    public record Link(String label, String url) {
    }

    /** An author or tag a filter can be set to. */
    public record Choice(String slug, String name) {
    }

    /**
     * A page of results: how many in all (or that there are more than {@code total}), this page,
     * whether all words matched, and a suggested spelling.
     */
    public record Found(long total, boolean moreThan, List<Result> results, int page, int pageCount, boolean allWords,
                        String didYouMean) {

        /** "1 story", "12 stories", "More than 1,000 stories". */
        public String count() {
            String n = String.format(java.util.Locale.ROOT, "%,d", total);
            return moreThan ? "More than " + n + " stories" : n + (total == 1 ? " story" : " stories");
        }
    }

    public boolean anyFilter() {
        return filters.any();
    }

    /** This search's address on another page, or with another order. */
    public String pageUrl(int page) {
        return url(query, filters.newestFirst(), page);
    }

    public String sortUrl(boolean newestFirst) {
        return url(query, newestFirst, 1);
    }

    public String didYouMeanUrl() {
        return url(found.didYouMean(), filters.newestFirst(), 1);
    }

    /** The same words with no filters. */
    public String unfilteredUrl() {
        return "/search?q=" + encode(query);
    }

    private String url(String q, boolean newestFirst, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("section", filters.section());
        params.put("author", filters.author());
        params.put("tag", filters.tag());
        params.put("from", filters.from());
        params.put("to", filters.to());
        params.put("sort", newestFirst ? "date" : "");
        params.put("page", page > 1 ? String.valueOf(page) : "");
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                parts.add(k + "=" + encode(v));
            }
        });
        return "/search?" + String.join("&", parts);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
