package org.masthead.privacy;

import io.javalin.http.Context;

/**
 * Whether a POST came from one of this site's own pages, going by the Origin header that
 * browsers send with every POST (Referer when an old browser leaves Origin out). A request
 * with neither is refused: a real browser on our page always sends one.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static boolean check(Context ctx) {
        String host = ctx.host();
        if (host == null || host.isBlank()) {
            return false;
        }
        String expected = org.masthead.web.Origin.of(ctx);
        String origin = ctx.header("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(expected);
        }
        String referer = ctx.header("Referer");
        return referer != null && (referer.equalsIgnoreCase(expected)
                || referer.regionMatches(true, 0, expected + "/", 0, expected.length() + 1));
    }
}
