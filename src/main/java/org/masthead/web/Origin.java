package org.masthead.web;

import io.javalin.http.Context;

/** scheme://host[:port] as the reader reached the site: feeds, sitemaps and structured data want absolute URLs. */
public final class Origin {
    private Origin() {
    }

    public static String of(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }
}
