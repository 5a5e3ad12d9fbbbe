package org.masthead.web;

import io.javalin.http.Context;

/**
 * scheme://host[:port] of the site, for the absolute URLs in canonical links, structured data,
 * feeds and downloads. With a configured base URL ({@code --base-url}) it is that, whatever
 * Host header a request carries, so nobody can make the site's links point elsewhere;
 * otherwise it is the scheme and Host the reader used.
 */
public final class Origin {
    private static final String ATTRIBUTE = "masthead.origin";

    private Origin() {
    }

    public static String of(Context ctx) {
        String configured = ctx.attribute(ATTRIBUTE);
        if (configured != null) {
            return configured;
        }
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    /** Answers this request as the site at {@code baseUrl} (as {@code Config} normalised it). */
    public static void use(Context ctx, String baseUrl) {
        ctx.attribute(ATTRIBUTE, baseUrl);
    }
}
