package org.masthead.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.LoginFailureStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;

/**
 * The newsroom's frame at /newsroom: its guard, the navigation's badges, sign-in, dashboard and
 * audit log. Each area (articles, media, management, comments, ...) registers its own pages after
 * this; App does that, so the frame knows none of them.
 */
public final class NewsroomRoutes {
    private static final int AUDIT_PAGE = 50;

    private final UserStore users;
    private final AuditStore audit;
    private final Guard guard;
    private final AuthRoutes auth;
    private final Templates templates;
    private final Supplier<Map<String, Long>> articlesByStatus;
    private final Function<User, Map<String, Desk.Badge>> badges;

    /**
     * {@code articlesByStatus} counts articles for the dashboard; {@code badges} gives the counts
     * shown beside navigation items (such as pending comments) for the signed-in person.
     */
    public NewsroomRoutes(UserStore users, SessionStore sessions, LoginFailureStore failures, AuditStore audit,
                          Templates templates, Supplier<Map<String, Long>> articlesByStatus,
                          Function<User, Map<String, Desk.Badge>> badges) {
        this.users = users;
        this.audit = audit;
        this.templates = templates;
        this.articlesByStatus = articlesByStatus;
        this.badges = badges;
        this.guard = new Guard(sessions);
        this.auth = new AuthRoutes(users, sessions, failures, audit, templates);
    }

    /** What the dashboard shows: the signed-in person's desk and the count of articles by status. */
    public record DashboardPage(Desk desk, Map<String, Long> articlesByStatus, long users) {
    }

    public record AuditPage(Desk desk, List<AuditStore.Entry> entries, int page, int pageCount) {
    }

    /** The guard and the frame's pages; register the areas after this (and anything that must run before the guard, before it). */
    public void register(RoutesConfig routes) {
        routes.before("/newsroom", guard::before);
        routes.before("/newsroom/*", guard::before);
        routes.before("/newsroom", this::badges);
        routes.before("/newsroom/*", this::badges);
        auth.register(routes);
        routes.get("/newsroom", this::dashboard);
        routes.get("/newsroom/audit", this::auditLog);
    }

    private void badges(Context ctx) {
        ctx.attribute(Desk.BADGES, badges);
    }

    private void dashboard(Context ctx) {
        templates.render(ctx, "newsroom/dashboard.jte",
                new DashboardPage(Desk.of(ctx, "Dashboard", "dashboard"), articlesByStatus.get(), users.count()));
    }

    private void auditLog(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        int page = org.masthead.web.PageNumber.parse(ctx.queryParam("page"));
        int pageCount = (int) Math.max(1, (audit.count() + AUDIT_PAGE - 1) / AUDIT_PAGE);
        if (page > pageCount) {
            throw HttpError.notFound("The audit log has only " + pageCount + " page(s).");
        }
        templates.render(ctx, "newsroom/audit.jte", new AuditPage(Desk.of(ctx, "Audit log", "audit"),
                audit.latest(AUDIT_PAGE, (page - 1) * AUDIT_PAGE), page, pageCount));
    }

}
