package org.masthead.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;

/**
 * A document a route keeps in memory and answers many times (a kept sitemap, a static file), held as the page
 * cache holds a page ({@link KeptPage}): its gzip copy made once, answered by Accept-Encoding with
 * a strong ETag and 304, rather than compressed again for every client that asks for gzip.
 */
public final class KeptBytes {
    private final KeptPage kept;

    private KeptBytes(KeptPage kept) {
        this.kept = kept;
    }

    /** {@code bytes} of {@code contentType}, compressed now. */
    public static KeptBytes of(byte[] bytes, String contentType) {
        return new KeptBytes(KeptPage.of(new PageCache.Rendered(bytes, Templates.etag(bytes), contentType, 0), Set.of(), 0,
                null));
    }

    /** Answers with the document in the coding the client prefers; {@code cacheControl} says who else may keep it. */
    public void send(Context ctx, String cacheControl) throws IOException {
        ctx.header("Vary", "Accept-Encoding");
        kept.send(ctx, cacheControl);
    }
}
