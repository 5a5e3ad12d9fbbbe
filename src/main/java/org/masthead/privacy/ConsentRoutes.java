package org.masthead.privacy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.masthead.web.HttpError;

/**
 * The reader's side of consent: works out the notice for every request, takes answers at
 * POST /consent (a plain form, or fetch() from consent.js asking for JSON). The form is
 * anonymous and sits on cached pages, so it cannot carry a per-reader token: forgery is
 * refused by requiring the request's Origin (or, failing that, Referer) to be this site,
 * and the cookie itself is SameSite=Lax. The cookie settings page is a reader page: the
 * site shows it from {@link ReaderConsent}.
 */
public final class ConsentRoutes {
    private static final int MAX_BODY = 8 * 1024;

    private final ConsentStore store;

    public ConsentRoutes(ConsentStore store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.before(this::notice);
        routes.post("/consent", this::answer);
    }

    void notice(Context ctx) {
        if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/media/")) {
            return;
        }
        Policy policy = store.policy();
        boolean answered = ConsentCookie.read(ctx).filter(c -> c.policyVersion() == policy.version()).isPresent();
        Notice.Variant variant = answered ? Notice.Variant.CHOSEN : unanswered(ctx.header(GPC_HEADER));
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.attribute(Notice.ATTRIBUTE, new Notice(variant, policy, ReturnPath.safe(here), false));
    }

    /** The request header of Global Privacy Control. */
    public static final String GPC_HEADER = "Sec-GPC";

    /**
     * The notice of a reader who has not answered for the policy in force, from their Sec-GPC
     * header's value (null when absent): the question, or the note that the signal was taken as "reject all".
     */
    public static Notice.Variant unanswered(String gpcHeader) {
        return "1".equals(gpcHeader) ? Notice.Variant.GPC : Notice.Variant.ASK;
    }

    static boolean gpc(Context ctx) {
        return unanswered(ctx.header(GPC_HEADER)) == Notice.Variant.GPC;
    }

    void answer(Context ctx) {
        // The body is read before it is refused (up to the server's 1 MB): an answer sent while the
        // browser is still sending would reach it as a reset connection, not as this page.
        if (ctx.bodyAsBytes().length > MAX_BODY) {
            throw new HttpError(413, "The request was too large.");
        }
        if (!SameOrigin.check(ctx)) {
            throw new HttpError(403, "This cookie choice was refused because it did not come from a page of this site. "
                    + "Go back, reload the page and choose again.");
        }
        String button = ctx.formParam("choice");
        ConsentStore.Method method = "all".equals(button) ? ConsentStore.Method.ACCEPT_ALL
                : "none".equals(button) ? ConsentStore.Method.REJECT_ALL : ConsentStore.Method.CHOOSE;
        Set<Category> allowed = switch (method) {
            case ACCEPT_ALL -> EnumSet.allOf(Category.class);
            case REJECT_ALL -> EnumSet.of(Category.NECESSARY);
            case CHOOSE -> chosen(ctx.formParams("allow"));
        };
        // The same reader changing their mind keeps their consent id, so the log shows the history.
        String id = ConsentCookie.read(ctx).map(ConsentCookie.Choice::consentId)
                .orElseGet(() -> HexFormat.of().formatHex(ConsentStore.randomBytes(16)));
        ConsentCookie.Choice choice = new ConsentCookie.Choice(id, store.policy().version(), allowed);
        store.record(choice, method, gpc(ctx), ctx.ip());
        ConsentCookie.write(ctx, choice);
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            String categories = choice.allowed().stream().map(c -> "\"" + c.key() + "\"").collect(Collectors.joining(","));
            ctx.contentType("application/json; charset=utf-8").result("{\"version\":" + choice.policyVersion()
                    + ",\"allowed\":[" + categories + "]}");
            return;
        }
        ctx.redirect(ReturnPath.safe(ctx.formParam("return")), HttpStatus.SEE_OTHER);
    }

    private static Set<Category> chosen(List<String> keys) {
        Set<Category> allowed = EnumSet.of(Category.NECESSARY);
        for (String key : keys) {
            Category.byKey(key).ifPresent(allowed::add);
        }
        return allowed;
    }
}
