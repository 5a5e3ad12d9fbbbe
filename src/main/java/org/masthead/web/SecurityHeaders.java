package org.masthead.web;

import io.javalin.http.Context;

/**
 * Headers every response carries so browsers hold the site to what it really does: our own
 * scripts and styles only (JSON-LD data blocks are not scripts), frames only from the three
 * media providers readers may allow, no framing by other sites, no powerful browser features,
 * and HTTPS-only once a reader has come over HTTPS.
 */
public final class SecurityHeaders {
    /** The only sites whose frames a page may show, and only after the reader allows external media. */
    public static final String FRAME_SOURCES =
            "https://www.youtube-nocookie.com https://player.vimeo.com https://www.openstreetmap.org";

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "img-src 'self' data:",
            "style-src 'self'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-src " + FRAME_SOURCES,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    static final String PERMISSIONS = String.join(", ",
            "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()", "microphone=()",
            "payment=()", "usb=()", "browsing-topics=()",
            "fullscreen=(self \"https://www.youtube-nocookie.com\" \"https://player.vimeo.com\")");

    /** One year, the value browsers' preload lists expect. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Permissions-Policy", PERMISSIONS);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        // Behind a proxy, ctx.scheme() is the reader's scheme only if the proxy is trusted (TrustedProxies).
        if ("https".equals(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
    }
}
