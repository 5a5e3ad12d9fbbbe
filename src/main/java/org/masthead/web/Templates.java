package org.masthead.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32C;

/**
 * Renders the precompiled JTE templates and sends them as UTF-8 HTML with an ETag, so a
 * browser or proxy asking again with If-None-Match gets 304 and no body.
 */
public final class Templates {
    private static final String ANSWERED = "masthead.answered";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, Object model) {
        byte[] html = renderToBytes(template, model);
        PageCache.Rendered rendered = new PageCache.Rendered(html, etag(html));
        ctx.attribute(PageCache.RENDERED, rendered);
        send(ctx, rendered);
    }

    /** Whether a page was already rendered for this request (an error handler must not replace it). */
    public static boolean hasRendered(Context ctx) {
        return ctx.attribute(PageCache.RENDERED) != null || ctx.attribute(ANSWERED) != null;
    }

    /** Marks a response written some other way (JSON, say) as complete, so no error page replaces it. */
    public static void answered(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    /** Sends a rendered page, or 304 when the client already holds these very bytes. */
    static void send(Context ctx, PageCache.Rendered page) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("ETag", page.etag());
        if (ctx.status().getCode() == 200) {
            ctx.header("Cache-Control", "no-cache");
            if (page.etag().equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
        }
        ctx.result(page.html());
    }

    public byte[] renderToBytes(String template, Object model) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, model, output);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(output.getContentLength());
        try {
            output.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A strong validator: the same bytes always give the same tag. */
    static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    }
}
