package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.masthead.accounts.ApiTokenStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import org.masthead.db.Database;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * Admins issue and revoke an account's API tokens at /newsroom/users/{id}/tokens. A new token
 * is shown on the answer to the form that made it and never again; each issue and revocation
 * is audited in the transaction that makes it.
 */
public final class TokenRoutes {
    static final int NAME_MAX = 100;

    private final Database db;
    private final UserStore users;
    private final ApiTokenStore tokens;
    private final Templates templates;

    TokenRoutes(Database db, UserStore users, ApiTokenStore tokens, Templates templates) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
        this.templates = templates;
    }

    /** The account, its tokens, the name typed for a new one, and the new token's secret right after issuing it. */
    public record TokensPage(Desk desk, User account, List<ApiTokenStore.Token> tokens, String name, String issued) {
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/users/{id}/tokens", this::list);
        routes.post("/newsroom/users/{id}/tokens", this::issue);
        routes.post("/newsroom/users/{id}/tokens/{token}/revoke", this::revoke);
    }

    private void list(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        Desk desk = desk(ctx, account);
        if ("revoked".equals(ctx.queryParam("done"))) {
            desk = desk.withNotice("Token revoked: clients using it are refused from now on.");
        }
        render(ctx, 200, desk, account, "", null);
    }

    private void issue(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        String name = FormFields.field(ctx, "name");
        if (name.isEmpty() || name.length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
            render(ctx, 422, desk(ctx, account).withErrors(List.of("Name the token (1 to " + NAME_MAX
                    + " characters), after the client that will use it, such as \"Wire desk importer\".")), account, name, null);
            return;
        }
        ApiTokenStore.Issued issued = db.write(tx -> tokens.issue(tx, account.id(), name, admin));
        render(ctx, 201, desk(ctx, account).withNotice("Token issued. Copy it now: it is shown only this once, "
                + "and the site keeps only a fingerprint of it."), account, "", issued.secret());
    }

    private void revoke(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        long token;
        try {
            token = Long.parseLong(ctx.pathParam("token"));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("There is no such token.");
        }
        if (!db.write(tx -> tokens.revoke(tx, account.id(), token, admin))) {
            throw HttpError.notFound("There is no such token on this account, or it was revoked already.");
        }
        Forms.redirect(ctx, "/newsroom/users/" + account.id() + "/tokens?done=revoked");
    }

    private static Desk desk(Context ctx, User account) {
        return Forms.desk(ctx, "API tokens: " + account.name(), "users");
    }

    private void render(Context ctx, int status, Desk desk, User account, String name, String issued) {
        ctx.status(status);
        templates.render(ctx, "newsroom/admin/tokens.jte", new TokensPage(desk, account, tokens.forUser(account.id()), name,
                issued));
        ctx.status(status);
    }

    private User existing(Context ctx) {
        return users.byId(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such account; it may have been deleted."));
    }
}
