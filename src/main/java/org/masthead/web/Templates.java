package org.masthead.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/** Renders the precompiled JTE templates and sends them as UTF-8 HTML. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, Object model) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, model, output);
        byte[] bytes = new byte[output.getContentLength()];
        var buffer = new java.io.ByteArrayOutputStream(bytes.length);
        try {
            output.writeTo(buffer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(buffer.toByteArray());
    }
}
