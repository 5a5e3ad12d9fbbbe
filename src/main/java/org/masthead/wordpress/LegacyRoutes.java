package org.masthead.wordpress;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Old WordPress addresses answer 301 with the new one: {@code /?p=12}, {@code /?cat=3} and the
 * other plain permalinks on the home page, and any path the site does not know (a post's
 * old path, /category/..., /tag/..., /author/..., attachment pages) when it would otherwise
 * be a 404.
 */
public final class LegacyRoutes {
    private final LegacyQueries queries;
    private final Supplier<ZoneId> zone;

    public LegacyRoutes(LegacyQueries queries, Supplier<ZoneId> zone) {
        this.queries = queries;
        this.zone = zone;
    }

    /** Catches the plain permalinks before the home page is served (or taken from the page cache). */
    public void register(RoutesConfig routes) {
        routes.before("/", ctx -> {
            if (LegacyPaths.addressesByQuery(ctx.queryString()) && redirected(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
    }

    /** Answers 301 when the request's address was a WordPress one the import knows; true when it did. */
    public boolean redirected(Context ctx) {
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            return false;
        }
        String key = LegacyPaths.of(ctx.path(), ctx.queryString());
        var target = queries.target(key, zone.get());
        if (target.isEmpty() || target.get().equals(ctx.path())) {
            return false;
        }
        ctx.redirect(target.get(), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }
}
