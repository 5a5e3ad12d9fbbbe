package org.masthead.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One page as the page cache keeps it: the rendered bytes and their gzip copy, compressed once
 * when the page is stored rather than on every request. It answers a request with the coding
 * the client's Accept-Encoding prefers, each coding with its own ETag (the gzip one ends in
 * "-gz"), and 304 when If-None-Match names either: the two codings hold the same page.
 */
final class KeptPage {
    private final PageCache.Rendered page;
    /** Null when compressing saved nothing (a tiny page): every client then gets the plain bytes. */
    private final byte[] gzip;
    private final String gzipEtag;
    /** The Last-Modified header's value, formatted once; null when the time is unknown. */
    private final String lastModified;
    private final long storedAt;
    /** What the page shows ({@link PageTags}): a change touching one of them drops it. */
    private final Set<String> tags;
    /** The tags as the Surrogate-Key header sends them, joined once rather than on every hit. */
    private final String surrogateKey;
    /** What the site's routes answer before a hit, to be sent again by {@link AnonymousHits}; null when they must run. */
    private final RouteHeaders routeHeaders;

    /**
     * The headers the site's before-handlers set on a request for this page (security headers, the
     * API's Link, Vary), in order, as names and values one after the other; and the scheme of that
     * request, on which some of them depend.
     */
    record RouteHeaders(String scheme, String[] namesAndValues) {
    }

    private KeptPage(PageCache.Rendered page, byte[] gzip, Set<String> tags, long storedAt, RouteHeaders routeHeaders) {
        this.page = page;
        this.routeHeaders = routeHeaders;
        this.tags = tags;
        this.surrogateKey = String.join(" ", tags);
        this.gzip = gzip;
        this.gzipEtag = gzipEtag(page.etag());
        this.lastModified = page.lastModified() > 0
                ? Templates.HTTP_DATE.format(Instant.ofEpochSecond(page.lastModified() / 1000)) : null;
        this.storedAt = storedAt;
    }

    /** Compresses the page once (best compression: it is done once per page and served many times). */
    static KeptPage of(PageCache.Rendered page, Set<String> tags, long storedAt, RouteHeaders routeHeaders) {
        byte[] compressed = gzip(page.html());
        return new KeptPage(page, compressed.length < page.html().length ? compressed : null, tags, storedAt,
                routeHeaders);
    }

    RouteHeaders routeHeaders() {
        return routeHeaders;
    }

    String contentType() {
        return page.contentType();
    }

    /** The Last-Modified header's value; null when the page's time is unknown. */
    String lastModified() {
        return lastModified;
    }

    String surrogateKey() {
        return surrogateKey;
    }

    /** Whether this page shows any of {@code touched}. */
    boolean showsAny(Set<String> touched) {
        for (String tag : tags) {
            if (touched.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /** "abc-1f" becomes "abc-1f-gz": the gzip coding's own strong validator. */
    static String gzipEtag(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag + "-gz";
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    long storedAt() {
        return storedAt;
    }

    /** What the entry weighs in the cache's byte budget: both codings and a little for the entry itself. */
    int weight() {
        return page.html().length + (gzip == null ? 0 : gzip.length) + 128 + 32 * tags.size();
    }

    /**
     * How this page answers one request: {@code status} 200, 304 (the client holds it already) or
     * 406 (the client refuses both the plain bytes and gzip), with the coding and validator chosen.
     */
    record Answer(int status, boolean gzip, String etag, byte[] body) {
    }

    /**
     * The answer to a request with these header values (each may be null). {@code conditional} is
     * false when the answer is not a plain 200 anyway, so validators are not checked.
     */
    Answer answer(String acceptEncoding, String ifNoneMatch, String ifModifiedSince, boolean conditional) {
        AcceptEncoding asked = AcceptEncoding.of(acceptEncoding);
        if (asked == AcceptEncoding.NONE) {
            return new Answer(406, false, null, null);
        }
        // A page kept without a gzip copy goes as it is to every client that takes some coding.
        boolean zipped = gzip != null && asked == AcceptEncoding.GZIP;
        String etag = zipped ? gzipEtag : page.etag();
        boolean notModified = conditional && (ifNoneMatch != null
                ? Templates.matches(ifNoneMatch, page.etag()) || Templates.matches(ifNoneMatch, gzipEtag)
                : lastModified != null && Templates.notModifiedSince(ifModifiedSince, page.lastModified() / 1000));
        return new Answer(notModified ? 304 : 200, zipped, etag, zipped ? gzip : page.html());
    }

    /**
     * Answers with this page ({@link #answer}). The body is written here, once, with its length,
     * so no later step compresses it again. {@code cacheControl} says who else may keep it.
     */
    void send(Context ctx, String cacheControl) throws IOException {
        boolean plain = ctx.statusCode() == 200;
        Answer answer = answer(ctx.header("Accept-Encoding"), ctx.header("If-None-Match"),
                ctx.header("If-Modified-Since"), plain);
        if (answer.status() == 406) {
            ctx.status(406).contentType("text/plain; charset=utf-8")
                    .result("This page is available as it is or gzip-compressed, and the request refused both.\n");
            return;
        }
        HttpServletResponse res = ctx.res();
        res.setContentType(page.contentType());
        res.setHeader("ETag", answer.etag());
        if (lastModified != null) {
            res.setHeader("Last-Modified", lastModified);
        }
        if (plain) {
            res.setHeader("Cache-Control", cacheControl);
            if (answer.status() == 304) {
                ctx.status(304);
                return;
            }
        }
        if (answer.gzip()) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentLength(answer.body().length);
        if (ctx.method() != HandlerType.HEAD) {
            res.getOutputStream().write(answer.body());
        }
    }
}
