package org.masthead.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.zip.CRC32C;

/**
 * Renders the precompiled JTE templates and sends them as UTF-8 HTML with an ETag, so a
 * browser or proxy asking again with If-None-Match gets 304 and no body.
 */
public final class Templates {
    private static final String ANSWERED = "masthead.answered";
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, Object model) {
        sendBytes(ctx, renderToBytes(template, model), "text/html; charset=utf-8", 0);
    }

    /** Whether a page was already rendered for this request (an error handler must not replace it). */
    public static boolean hasRendered(Context ctx) {
        return ctx.attribute(PageCache.RENDERED) != null || ctx.attribute(ANSWERED) != null;
    }

    /** Marks a response written some other way (JSON, say) as complete, so no error page replaces it. */
    public static void answered(Context ctx) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
    }

    /**
     * Sends bytes made some other way than a template (a feed, say) exactly as a rendered page:
     * kept by the page cache when the handler is wrapped by it, with the same ETag and 304s,
     * plus Last-Modified when {@code lastModified} (epoch milliseconds) is above 0.
     */
    public static void sendBytes(Context ctx, byte[] body, String contentType, long lastModified) {
        PageCache.Rendered rendered = new PageCache.Rendered(body, etag(body), contentType, lastModified);
        ctx.attribute(PageCache.RENDERED, rendered);
        send(ctx, rendered);
    }

    /**
     * Sends a rendered page, or 304 when the client already holds these very bytes (its
     * If-None-Match names them, or, without one, its If-Modified-Since is not older).
     */
    static void send(Context ctx, PageCache.Rendered page) {
        ctx.contentType(page.contentType());
        ctx.header("ETag", page.etag());
        long modifiedSecond = page.lastModified() / 1000;
        if (page.lastModified() > 0) {
            ctx.header("Last-Modified", HTTP_DATE.format(Instant.ofEpochSecond(modifiedSecond)));
        }
        if (ctx.status().getCode() == 200) {
            ctx.header("Cache-Control", "no-cache");
            String tags = ctx.header("If-None-Match");
            if (tags != null ? matches(tags, page.etag()) : page.lastModified() > 0 && notModifiedSince(ctx, modifiedSecond)) {
                ctx.status(304);
                return;
            }
        }
        ctx.result(page.html());
    }

    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** If-None-Match may list several tags, or be "*". */
    static boolean matches(String header, String etag) {
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean notModifiedSince(Context ctx, long modifiedSecond) {
        return notModifiedSince(ctx.header("If-Modified-Since"), modifiedSecond);
    }

    /** Whether an If-Modified-Since value ({@code since}, maybe null) is at or after {@code modifiedSecond}. */
    static boolean notModifiedSince(String since, long modifiedSecond) {
        if (since == null) {
            return false;
        }
        try {
            return ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond() >= modifiedSecond;
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as HTTP asks
        }
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
    public static String etag(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
    }
}
