package org.masthead.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.masthead.db.Database;
import org.masthead.newsroom.articles.ArticleDesk;
import org.masthead.newsroom.articles.ArticleQueries;
import org.masthead.newsroom.admin.AdminRoutes;
import org.masthead.newsroom.comments.ModerationDesk;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.LoginFailureStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import org.masthead.newsroom.media.MediaRoutes;

/** The newsroom at /newsroom: its guard, sign-in, dashboard, audit log, and the desks of each area. */
public final class NewsroomRoutes {
    private static final int AUDIT_PAGE = 50;

    private final ArticleQueries articleCounts;
    private final UserStore users;
    private final AuditStore audit;
    private final Guard guard;
    private final AuthRoutes auth;
    private final Templates templates;
    private final ArticleDesk articles;
    private final MediaRoutes media;
    private final AdminRoutes admin;
    private final ModerationDesk comments;

    public NewsroomRoutes(Database db, UserStore users, SessionStore sessions, AuditStore audit, Templates templates,
                          ArticleDesk articles, ArticleQueries articleCounts, org.masthead.media.MediaLibrary mediaLibrary,
                          AdminRoutes admin, ModerationDesk comments) {
        this.articleCounts = articleCounts;
        this.admin = admin;
        this.comments = comments;
        this.users = users;
        this.audit = audit;
        this.templates = templates;
        this.articles = articles;
        this.guard = new Guard(sessions);
        this.auth = new AuthRoutes(users, sessions, new LoginFailureStore(db), audit, templates);
        this.media = new MediaRoutes(mediaLibrary, templates);
    }

    /** What the dashboard shows: the signed-in person's desk and the count of articles by status. */
    public record DashboardPage(Desk desk, Map<String, Long> articlesByStatus, long users) {
    }

    public record AuditPage(Desk desk, List<AuditStore.Entry> entries, int page, int pageCount) {
    }

    public void register(RoutesConfig routes) {
        media.limits(routes); // before the guard, which reads the form
        routes.before("/newsroom", guard::before);
        routes.before("/newsroom/*", guard::before);
        routes.before("/newsroom", this::badges);
        routes.before("/newsroom/*", this::badges);
        auth.register(routes);
        routes.get("/newsroom", this::dashboard);
        routes.get("/newsroom/audit", this::auditLog);
        articles.register(routes);
        media.register(routes);
        admin.register(routes);
        comments.register(routes);
    }

    private void badges(Context ctx) {
        ctx.attribute(Desk.BADGES, (java.util.function.Function<User, Map<String, Desk.Badge>>) comments::badges);
    }

    private void dashboard(Context ctx) {
        templates.render(ctx, "newsroom/dashboard.jte",
                new DashboardPage(Desk.of(ctx, "Dashboard", "dashboard"), articleCounts.countByStatus(), users.count()));
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
