package org.masthead.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Who may keep a reader page, as its Cache-Control header says. Shared caches (a CDN, nginx's
 * proxy_cache in front of several instances) may keep only the anonymous page: the one a reader
 * without any of the site's own cookies gets, which holds nothing of one reader (the cookie
 * question is shown, the comment form is empty). A request that carries one of those cookies
 * (a consent answer, a newsroom session) or an Authorization header gets {@code private,
 * no-cache}, and a response that sets a cookie {@code no-store}; so no standard cache ever
 * stores one reader's page for another, whatever it keys on, and pages never need
 * {@code Vary: Cookie}. A cache that ignores cookies and serves its anonymous copy to a reader
 * who answered shows them the question again, which consent.js hides: nothing leaks either way.
 *
 * <p>The anonymous page may be kept {@code s-maxage} seconds, then served stale for
 * {@link #STALE_WHILE_REVALIDATE} more while the cache asks again (the ETag makes that a 304
 * when nothing changed), and for {@link #STALE_IF_ERROR} while the site cannot answer.
 * Browsers revalidate every time ({@code max-age=0}). With {@code s-maxage} 0 no shared cache
 * keeps pages ({@code no-cache}). Config bounds s-maxage so a kept copy's comment-form token stays valid.
 */
public final class CacheControl {
    /** A minute: a page read more often than that is always served at once, its refresh made in the background. */
    static final int STALE_WHILE_REVALIDATE = 60;
    /** A day: while the site is down, yesterday's front page beats an error page. */
    static final int STALE_IF_ERROR = 86_400;
    static final String PRIVATE = "private, no-cache";
    static final String NOT_SHARED = "no-cache";

    /** As before shared caching: every page revalidated, no personal cookies known. */
    static final CacheControl UNSHARED = new CacheControl(0, Set.of());

    private final String anonymous;
    private final Set<String> personalCookies;

    /**
     * Anonymous pages kept {@code sharedSeconds} by shared caches (0 to keep them out); requests
     * carrying a cookie named in {@code personalCookies} get private answers.
     */
    public CacheControl(int sharedSeconds, Set<String> personalCookies) {
        if (sharedSeconds < 0) {
            throw new IllegalArgumentException("s-maxage cannot be negative: " + sharedSeconds);
        }
        this.anonymous = sharedSeconds == 0 ? NOT_SHARED : "public, max-age=0, s-maxage=" + sharedSeconds
                + ", stale-while-revalidate=" + STALE_WHILE_REVALIDATE + ", stale-if-error=" + STALE_IF_ERROR;
        this.personalCookies = Set.copyOf(personalCookies);
    }

    /** The header for a page answered to a request without the site's cookies or credentials. */
    String anonymous() {
        return anonymous;
    }

    /** The header for a page answered to this request (after its handler ran, if it did). */
    String of(Context ctx) {
        if (!ctx.res().getHeaders("Set-Cookie").isEmpty()) {
            return "no-store";
        }
        return personal(ctx) ? PRIVATE : anonymous;
    }

    /** Whether the request names a reader: one of the site's own cookies, or credentials. */
    boolean personal(Context ctx) {
        if (ctx.header("Authorization") != null) {
            return true;
        }
        String cookies = ctx.header("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String name : ctx.cookieMap().keySet()) {
            if (personalCookies.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
