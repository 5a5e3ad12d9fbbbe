package org.masthead.newsroom;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.LoginFailureStore;
import org.masthead.accounts.Passwords;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;

/** Signing in and out, the one-time setup of the first admin, and changing one's password. */
public final class AuthRoutes {
    private final UserStore users;
    private final SessionStore sessions;
    private final LoginFailureStore limiter;
    private final AuditStore audit;
    private final Templates templates;

    AuthRoutes(UserStore users, SessionStore sessions, LoginFailureStore limiter, AuditStore audit, Templates templates) {
        this.users = users;
        this.sessions = sessions;
        this.limiter = limiter;
        this.audit = audit;
        this.templates = templates;
    }

    /** The sign-in page's fields, kept to show again after a failed try. */
    public record LoginPage(Desk desk, String email, String next) {
    }

    /** The setup page's fields, kept to show again when they do not validate. */
    public record SetupPage(Desk desk, String email, String name) {
    }

    public record PasswordPage(Desk desk) {
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/login", this::loginForm);
        routes.post("/newsroom/login", this::login);
        routes.post("/newsroom/logout", this::logout);
        routes.get("/newsroom/setup", this::setupForm);
        routes.post("/newsroom/setup", this::setup);
        routes.get("/newsroom/account", this::passwordForm);
        routes.post("/newsroom/account", this::changePassword);
    }

    private static Desk anonymous(Context ctx, String title) {
        return new Desk(null, Guard.formToken(ctx), title, "", null, List.of());
    }

    private void loginForm(Context ctx) {
        if (users.count() == 0 && isLoopback(ctx)) {
            ctx.redirect("/newsroom/setup", HttpStatus.SEE_OTHER);
            return;
        }
        templates.render(ctx, "newsroom/login.jte", new LoginPage(anonymous(ctx, "Sign in"), "", safeNext(ctx.queryParam("next"))));
    }

    private void login(Context ctx) {
        Guard.checkFormToken(ctx);
        String email = trim(ctx.formParam("email"));
        String password = ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        String refusal = limiter.attempt(email, ctx.ip());
        if (refusal != null) {
            ctx.status(429);
            templates.render(ctx, "newsroom/login.jte", new LoginPage(anonymous(ctx, "Sign in").withErrors(List.of(refusal)), email, next));
            return;
        }
        User user = users.signIn(email, password).orElse(null);
        if (user == null) {
            ctx.status(401);
            templates.render(ctx, "newsroom/login.jte", new LoginPage(anonymous(ctx, "Sign in")
                    .withErrors(List.of("The email address or the password is wrong.")), email, next));
            return;
        }
        limiter.succeeded(email);
        SessionStore.Session session = sessions.start(user);
        ctx.cookie(Guard.cookie(ctx, Guard.SESSION_COOKIE, session.token(), (int) SessionStore.LIFETIME.toSeconds()));
        audit.record(user, "signed in", "user:" + user.id(), "");
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        SessionStore.Session session = Guard.session(ctx);
        sessions.end(session.token());
        ctx.cookie(Guard.cookie(ctx, Guard.SESSION_COOKIE, "", 0));
        audit.record(session.user(), "signed out", "user:" + session.user().id(), "");
        ctx.redirect("/newsroom/login", HttpStatus.SEE_OTHER);
    }

    private void setupForm(Context ctx) {
        checkSetupAllowed(ctx);
        templates.render(ctx, "newsroom/setup.jte", new SetupPage(anonymous(ctx, "Set up the newsroom"), "", ""));
    }

    private void setup(Context ctx) {
        checkSetupAllowed(ctx);
        Guard.checkFormToken(ctx);
        UserStore.NewUser form = new UserStore.NewUser(trim(ctx.formParam("email")), trim(ctx.formParam("name")), "admin",
                ctx.formParam("password"), ctx.formParam("repeat"));
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            ctx.status(422);
            templates.render(ctx, "newsroom/setup.jte", new SetupPage(anonymous(ctx, "Set up the newsroom").withErrors(problems),
                    form.email(), form.name()));
            return;
        }
        User admin = users.addFirst(form).orElseThrow(
                () -> HttpError.notFound("The newsroom is already set up. Sign in at /newsroom/login."));
        audit.record(admin, "created the first admin", "user:" + admin.id(), admin.email());
        SessionStore.Session session = sessions.start(admin);
        ctx.cookie(Guard.cookie(ctx, Guard.SESSION_COOKIE, session.token(), (int) SessionStore.LIFETIME.toSeconds()));
        ctx.redirect("/newsroom", HttpStatus.SEE_OTHER);
    }

    /** Setup exists only while there is no account, and only for someone on this machine. */
    private void checkSetupAllowed(Context ctx) {
        if (users.count() > 0) {
            throw HttpError.notFound("The newsroom is already set up. Sign in at /newsroom/login.");
        }
        if (!isLoopback(ctx)) {
            throw new HttpError(403, "The first admin can be set up only from the server itself (or with "
                    + "./masthead user add). Open this page on the server, or use the command line.");
        }
    }

    private void passwordForm(Context ctx) {
        templates.render(ctx, "newsroom/account.jte", new PasswordPage(Desk.of(ctx, "Your account", "account")));
    }

    private void changePassword(Context ctx) {
        SessionStore.Session session = Guard.session(ctx);
        User user = session.user();
        String current = ctx.formParam("current");
        String password = ctx.formParam("password");
        String repeat = ctx.formParam("repeat");
        String problem;
        if (users.signIn(user.email(), current).isEmpty()) {
            problem = "Your current password is not right.";
        } else if (Passwords.problem(password) != null) {
            problem = Passwords.problem(password);
        } else if (!password.equals(repeat)) {
            problem = "The two new passwords differ.";
        } else {
            problem = null;
        }
        Desk desk = Desk.of(ctx, "Your account", "account");
        if (problem != null) {
            ctx.status(422);
            templates.render(ctx, "newsroom/account.jte", new PasswordPage(desk.withErrors(List.of(problem))));
            return;
        }
        users.setPassword(user.id(), password, session.token());
        audit.record(user, "changed their password", "user:" + user.id(), "");
        templates.render(ctx, "newsroom/account.jte", new PasswordPage(desk.withNotice(
                "Your password is changed. Other sessions of your account have been signed out.")));
    }

    static boolean isLoopback(Context ctx) {
        try {
            return java.net.InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Only paths inside the newsroom are followed after sign-in, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/newsroom") || next.startsWith("//") || next.contains("\\")) {
            return "/newsroom";
        }
        return next;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
