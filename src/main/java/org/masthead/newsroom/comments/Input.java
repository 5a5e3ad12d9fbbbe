package org.masthead.newsroom.comments;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** How the moderation pages read forms and paths, and send people on. */
final class Input {
    private Input() {
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
