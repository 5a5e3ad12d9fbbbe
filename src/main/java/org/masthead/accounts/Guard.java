package org.masthead.accounts;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.masthead.web.HttpError;

/**
 * Stands before every newsroom route: finds the signed-in session (else sends the reader
 * to the sign-in page), refuses state-changing requests without the session's CSRF token,
 * and lets handlers demand a role. Newsroom pages are never stored by browsers or proxies.
 */
public final class Guard {
    public static final String SESSION_COOKIE = "masthead_session";
    public static final String FORM_COOKIE = "masthead_form";
    public static final String CSRF_FIELD = "_csrf";
    /** A request attribute: what to tell someone whose form was over the route's size limit. */
    public static final String LIMIT_MESSAGE = "masthead.limitMessage";
    private static final String SESSION = "masthead.session";
    private static final Set<String> OPEN = Set.of("/newsroom/login", "/newsroom/setup");

    private final SessionStore sessions;

    public Guard(SessionStore sessions) {
        this.sessions = sessions;
    }

    public void before(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        if (OPEN.contains(ctx.path())) {
            return;
        }
        SessionStore.Session session = sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null);
        if (session == null) {
            if (isSafe(ctx)) {
                ctx.redirect("/newsroom/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new HttpError(401, "Your sign-in has ended. Sign in again in another tab, then send this form once more: "
                    + "going back keeps what you typed.");
        }
        if (!isSafe(ctx) && !SessionStore.same(session.csrfToken(), submittedToken(ctx))) {
            throw new HttpError(403, "This form was refused because it did not carry this session's security token. "
                    + "Reload the page and try again.");
        }
        ctx.attribute(SESSION, session);
    }

    private static String submittedToken(Context ctx) {
        String header = ctx.header("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        try {
            return ctx.formParam(CSRF_FIELD);
        } catch (Exception e) { // Jetty's multipart parser throws ServletException past the size limit or on a cut-off body
            throw formRefusal(ctx, e);
        }
    }

    /** 413 with the route's own words (set as {@link #LIMIT_MESSAGE}) when the body was too big, else 400. */
    private static HttpError formRefusal(Context ctx, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("exceeded")) {
                String message = ctx.attribute(LIMIT_MESSAGE);
                return new HttpError(413, message != null ? message : "This form is larger than the newsroom accepts. Nothing was saved.");
            }
        }
        return HttpError.badRequest("This form could not be read; it may have been cut off on the way. Send it again.");
    }

    static boolean isSafe(Context ctx) {
        String method = ctx.method().name();
        return method.equals("GET") || method.equals("HEAD");
    }

    public static SessionStore.Session session(Context ctx) {
        SessionStore.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new HttpError(401, "Sign in to use the newsroom.");
        }
        return session;
    }

    /** The signed-in user, who must have at least {@code role}; 403 with a clear page otherwise. */
    public static User require(Context ctx, Role role) {
        User user = session(ctx).user();
        if (!user.can(role)) {
            throw new HttpError(403, "This needs the " + role.label().toLowerCase() + " role or higher; your account is "
                    + user.role().label().toLowerCase() + ". Ask an admin if you need more.");
        }
        return user;
    }

    /** A token for forms shown before sign-in, checked against a cookie (double submit). */
    public static String formToken(Context ctx) {
        String token = ctx.cookie(FORM_COOKIE);
        if (token == null || token.length() < 20) {
            token = SessionStore.randomToken();
            ctx.cookie(cookie(ctx, FORM_COOKIE, token, -1));
        }
        return token;
    }

    public static void checkFormToken(Context ctx) {
        if (!SessionStore.same(ctx.cookie(FORM_COOKIE), ctx.formParam(CSRF_FIELD))) {
            throw new HttpError(403, "This form was refused because its security token is missing or old. "
                    + "Reload the page and try again.");
        }
    }

    public static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
        return new Cookie(name, value, "/", maxAgeSeconds, "https".equals(ctx.scheme()), true, null, SameSite.LAX);
    }
}
