package org.masthead.newsroom;

import io.javalin.http.Context;
import org.masthead.web.HttpError;

/** How newsroom pages read their forms and paths: fields as typed, never null, and row ids. */
public final class FormFields {
    private FormFields() {
    }

    /** A single-line field as typed, without surrounding spaces; never null, so it can be shown again. */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** Multi-line text keeps its inner layout; only Windows line ends are made plain. */
    public static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    /** The row id in the path; anything but a positive number is a page that does not exist. */
    public static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to 404
        }
        throw HttpError.notFound("There is nothing at this address in the newsroom.");
    }
}
