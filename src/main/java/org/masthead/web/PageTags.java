package org.masthead.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a cached page shows, as tags: {@code article:42} (the story itself), {@code comments:42}
 * (its comments or its comment count), {@code related:42} (its stored related-story list),
 * {@code section:3}, {@code tag:7}, {@code author:5},
 * {@code page:2}, and the lists: {@value #HOME} and {@value #LISTS} (every list of articles).
 * A route declares them while it renders; the page cache keeps them with the page, drops the
 * page when a change touches one of them ({@link ChangeTags}), and sends them to shared caches
 * as {@code Surrogate-Key}. Every declared page also carries {@value #SITE} (navigation and
 * settings are on every page); a page that declared nothing carries only {@value #ANY}, which
 * every change touches: forgetting to declare costs hits, never freshness.
 */
public final class PageTags {
    /** Navigation, settings and policy: shown on every page, carried by every declared one. */
    public static final String SITE = "site";
    /** Carried by a page that declared nothing; every change touches it. */
    public static final String ANY = "any";
    /** Every list of articles: home, section, tag and author pages, feeds. */
    public static final String LISTS = "lists";
    public static final String HOME = "home";

    private static final String ATTRIBUTE = "masthead.page-tags";

    private PageTags() {
    }

    /** Declares that the page being rendered shows what {@code tags} name. */
    public static void declare(Context ctx, String... tags) {
        declare(ctx, java.util.Arrays.asList(tags));
    }

    public static void declare(Context ctx, Collection<String> tags) {
        Set<String> declared = ctx.attribute(ATTRIBUTE);
        if (declared == null) {
            declared = new LinkedHashSet<>();
            ctx.attribute(ATTRIBUTE, declared);
        }
        declared.addAll(tags);
    }

    /** The tags of the page rendered for this request: {@value #SITE} and the declared ones, or {@value #ANY} alone. */
    static Set<String> of(Context ctx) {
        Set<String> declared = ctx.attribute(ATTRIBUTE);
        if (declared == null || declared.isEmpty()) {
            return Set.of(ANY);
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(SITE);
        tags.addAll(declared);
        return Set.copyOf(tags);
    }

    public static String article(long id) {
        return "article:" + id;
    }

    public static String comments(long articleId) {
        return "comments:" + articleId;
    }

    public static String related(long articleId) {
        return "related:" + articleId;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String page(long id) {
        return "page:" + id;
    }
}
