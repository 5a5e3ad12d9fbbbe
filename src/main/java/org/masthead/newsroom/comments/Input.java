package org.masthead.newsroom.comments;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.masthead.web.HttpError;

/** How the moderation pages read forms and paths, and send people on. */
final class Input {
    private Input() {
    }

    /** A single-line field as typed, without surrounding spaces; never null, so it can be shown again. */
    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** Multi-line text keeps its inner layout; only Windows line ends are made plain. */
    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    /** The id in the path; anything but a positive number is a page that does not exist. */
    static long id(Context ctx) {
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

    /** Where a queue form came from, so the moderator returns to the same view; the pending queue otherwise. */
    static String back(Context ctx) {
        String back = ctx.formParam("back");
        if (back == null || !back.startsWith(QueueRoutes.PATH + "?") || back.contains("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return QueueRoutes.PATH + "?status=pending";
        }
        return back;
    }

    static void redirect(Context ctx, String url) {
        ctx.redirect(url, HttpStatus.SEE_OTHER);
    }
}
