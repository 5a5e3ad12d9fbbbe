package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;
import org.masthead.content.Slugs;
import org.masthead.newsroom.Desk;

/** What every management page does the same way: fields, ids, slugs, notices and redirects. */
final class Forms {
    private static final Set<String> DONE = Set.of("added", "saved", "deleted", "renamed");

    private Forms() {
    }

    /** A problem with a slug, or null when it keeps {@link Slugs}' rule: lower-case letters, digits, single hyphens. */
    static String slugProblem(String slug) {
        if (slug.isEmpty()) {
            return "Enter a slug: the last part of the address, such as city-hall.";
        }
        if (!Slugs.isValid(slug)) {
            return "The slug \"" + slug + "\" may hold only lower-case letters a to z, digits and single hyphens "
                    + "between them (at most " + Slugs.MAX_LENGTH + "), such as city-hall.";
        }
        return null;
    }

    /** A problem with a required single-line text, or null. */
    static String required(String value, String label, int max) {
        if (value.isEmpty()) {
            return "Enter " + label + ".";
        }
        return value.length() > max ? "Keep " + label + " to " + max + " characters at most." : null;
    }

    static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    static Desk desk(Context ctx, String title, String active) {
        return Desk.of(ctx, title, active);
    }

    /** The list page's desk, with "Tag saved." and the like after a redirect that says so. */
    static Desk listDesk(Context ctx, String title, String active, String noun) {
        Desk desk = desk(ctx, title, active);
        String done = ctx.queryParam("done");
        return done != null && DONE.contains(done) ? desk.withNotice(noun + " " + done + ".") : desk;
    }

    static void redirect(Context ctx, String url) {
        ctx.redirect(url, HttpStatus.SEE_OTHER);
    }
}
