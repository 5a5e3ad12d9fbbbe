package org.masthead.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers page-cache hits for readers without cookies in Jetty, ahead of the web framework: no
 * servlet request, no route matching, no before-handlers. Most of a kept page's cost was there,
 * not in sending its bytes. The answer is the one the site's routes would give: the kept page
 * holds the headers its routes set before a hit ({@link KeptPage.RouteHeaders}, recorded from a
 * request of the same kind when it was stored), and the rest comes from the same
 * {@link KeptPage#answer} and cache key the routes use.
 *
 * <p>Only what is plainly the same request as the recorded one is answered here: GET or HEAD; no
 * Cookie, Authorization or forwarding header (so the client's scheme is the connection's, and the
 * page is the anonymous variant, public to shared caches); a path of plain characters; the same
 * scheme; and a path the routes do not claim for themselves first ({@code routed}, such as an
 * imported site's old {@code /?p=N} addresses). Everything else, and every miss, goes on to the
 * routes, which answer it as before.
 */
public final class AnonymousHits extends Handler.Wrapper {
    /** Request headers that make a reader, or a proxy's view of one, something this shortcut does not judge. */
    private static final String[] NOT_ANONYMOUS = {"Cookie", "Authorization", "Forwarded", "X-Forwarded-For",
            "X-Forwarded-Proto", "X-Forwarded-Host"};

    private final PageCache cache;
    private final String baseUrl;
    private final BiPredicate<String, String> routed;
    private final LongAdder served = new LongAdder();

    /**
     * Answers from {@code cache}. {@code baseUrl} is the configured one (null when the request's
     * own scheme and host make the origin); {@code routed} tells, from a path and raw query, which
     * requests the routes must see even when a page is kept for them.
     */
    public AnonymousHits(PageCache cache, String baseUrl, BiPredicate<String, String> routed) {
        this.cache = cache;
        this.baseUrl = baseUrl;
        this.routed = routed;
    }

    /** How many requests were answered here. */
    public long served() {
        return served.sum();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return answered(request, response, callback) || super.handle(request, response, callback);
    }

    private boolean answered(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method) || !cache.enabled()) {
            return false;
        }
        HttpFields headers = request.getHeaders();
        if (!anonymous(headers::get)) {
            return false;
        }
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String scheme = uri.getScheme();
        if (!plain(path) || scheme == null || routed.test(path, uri.getQuery())) {
            return false;
        }
        String origin = baseUrl != null ? baseUrl : scheme + "://" + host(headers.get(HttpHeader.HOST));
        KeptPage page = cache.fresh(PageCache.key(origin, path, uri.getQuery(), cache.anonymousVariant(headers::get)));
        KeptPage.RouteHeaders recorded = page == null ? null : page.routeHeaders();
        if (recorded == null || !recorded.scheme().equals(scheme)) {
            return false;
        }
        KeptPage.Answer answer = page.answer(headers.get(HttpHeader.ACCEPT_ENCODING), headers.get(HttpHeader.IF_NONE_MATCH),
                headers.get(HttpHeader.IF_MODIFIED_SINCE), true);
        if (answer.status() != 200 && answer.status() != 304) {
            return false; // the routes explain a refused coding
        }
        HttpFields.Mutable out = response.getHeaders();
        String[] replayed = recorded.namesAndValues();
        for (int i = 0; i < replayed.length; i += 2) {
            out.add(replayed[i], replayed[i + 1]);
        }
        out.put("X-Cache", "hit");
        out.put(PageCache.SURROGATE_KEY, page.surrogateKey());
        out.put(HttpHeader.CONTENT_TYPE, servletContentType(page.contentType()));
        out.put(HttpHeader.ETAG, answer.etag());
        if (page.lastModified() != null) {
            out.put(HttpHeader.LAST_MODIFIED, page.lastModified());
        }
        out.put(HttpHeader.CACHE_CONTROL, cache.anonymousCacheControl());
        served.increment();
        if (answer.status() == 304) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        response.setStatus(200);
        if (answer.gzip()) {
            out.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        out.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, head ? null : ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    /** A media type as the servlet response writes it: its own spelling of the types it knows ("text/html;charset=utf-8"). */
    private static String servletContentType(String contentType) {
        MimeTypes.Type known = MimeTypes.CACHE.get(contentType);
        return known == null ? contentType : known.asString();
    }

    /** Whether a request with these headers is one this shortcut may answer. */
    static boolean anonymous(Function<String, String> header) {
        for (String name : NOT_ANONYMOUS) {
            if (header.apply(name) != null) {
                return false;
            }
        }
        return true;
    }

    /** The Host header as {@link Origin} reads it. */
    private static String host(String header) {
        return header == null || header.isBlank() ? "localhost" : header;
    }

    /**
     * A path of letters, digits and {@code -._~/} only, with no dot segment or empty segment: one
     * every layer reads the same way, so the key here is the key the routes would make. Files under
     * /static and /media are never kept pages.
     */
    static boolean plain(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.contains("/.") || path.contains("//")
                || path.startsWith("/static/") || path.startsWith("/media/")) {
            return false;
        }
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The headers the routes set on this request before its page is sent, to be sent again with
     * every hit this shortcut answers; null when the request is not one it would answer (so its
     * headers may differ), or when something already set a cookie.
     */
    static KeptPage.RouteHeaders routeHeaders(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") || !anonymous(ctx::header)) {
            return null;
        }
        HttpServletResponse res = ctx.res();
        if (res.containsHeader("Set-Cookie")) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        for (String name : res.getHeaderNames()) {
            if (name.equalsIgnoreCase("Date")) {
                continue; // the server adds its own to every response
            }
            for (String value : res.getHeaders(name)) {
                pairs.add(name);
                pairs.add(value);
            }
        }
        return new KeptPage.RouteHeaders(ctx.scheme(), pairs.toArray(String[]::new));
    }
}
