package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Passwords;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * Admins manage newsroom accounts: add them, change roles, reset passwords, delete them.
 * The last admin always stays, and nobody deletes their own account. Passwords typed are
 * never shown again, not even after a mistake.
 */
public final class UserRoutes {
    private static final String LIST = "/newsroom/users";

    private final UserStore users;
    private final Templates templates;

    UserRoutes(UserStore users, Templates templates) {
        this.users = users;
        this.templates = templates;
    }

    public record UsersPage(Desk desk, List<User> accounts) {
    }

    public record NewUserPage(Desk desk, String email, String name, String role, List<Role> roles) {
    }

    /** One account to manage; {@code self} is true when it is the signed-in admin's own. */
    public record UserPage(Desk desk, User account, String role, List<Role> roles, boolean self) {
    }

    void register(RoutesConfig routes) {
        routes.get(LIST, this::list);
        routes.get(LIST + "/new", this::addForm);
        routes.post(LIST, this::add);
        routes.get(LIST + "/{id}", this::manage);
        routes.post(LIST + "/{id}/role", this::changeRole);
        routes.post(LIST + "/{id}/password", this::resetPassword);
        routes.get(LIST + "/{id}/delete", this::confirmDelete);
        routes.post(LIST + "/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        Desk desk = Forms.listDesk(ctx, "Users", "users", "Account");
        if ("password".equals(ctx.queryParam("done"))) {
            desk = desk.withNotice("Password reset. That person was signed out everywhere and must use the new password.");
        }
        templates.render(ctx, "newsroom/admin/users.jte", new UsersPage(desk, users.all()));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        templates.render(ctx, "newsroom/admin/user-new.jte",
                new NewUserPage(Forms.desk(ctx, "Add an account", "users"), "", "", "contributor", List.of(Role.values())));
    }

    private void add(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        UserStore.NewUser form = new UserStore.NewUser(FormFields.field(ctx, "email"), FormFields.field(ctx, "name"), FormFields.field(ctx, "role"),
                ctx.formParam("password"), ctx.formParam("repeat"));
        List<String> problems = new ArrayList<>(form.problems());
        if (problems.isEmpty()) {
            try {
                users.add(form, admin);
                Forms.redirect(ctx, LIST + "?done=added");
                return;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        ctx.status(422);
        templates.render(ctx, "newsroom/admin/user-new.jte", new NewUserPage(
                Forms.desk(ctx, "Add an account", "users").withErrors(problems), form.email(), form.name(), form.role(),
                List.of(Role.values())));
    }

    private void manage(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        render(ctx, admin, account, account.role().name().toLowerCase(java.util.Locale.ROOT), List.of());
    }

    private void changeRole(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        String typed = FormFields.field(ctx, "role");
        Role role;
        try {
            role = Role.parse(typed);
        } catch (IllegalArgumentException e) {
            ctx.status(422);
            render(ctx, admin, account, typed, List.of("Choose a role: contributor, author, editor or admin."));
            return;
        }
        try {
            users.changeRole(account.id(), role, admin);
        } catch (UserStore.Refused refused) {
            ctx.status(409);
            render(ctx, admin, account, typed, List.of(refused.getMessage()));
            return;
        }
        // Demoting oneself can end one's access to this page, so the list is not always where to go.
        Forms.redirect(ctx, account.id() == admin.id() && role != Role.ADMIN ? "/newsroom" : LIST + "?done=saved");
    }

    private void resetPassword(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        String password = ctx.formParam("password");
        String problem = Passwords.problem(password);
        if (problem == null && !password.equals(ctx.formParam("repeat"))) {
            problem = "The two passwords differ.";
        }
        if (problem == null && account.id() == admin.id()) {
            problem = "Change your own password on the Your account page, where your current password is asked.";
        }
        if (problem != null) {
            ctx.status(422);
            render(ctx, admin, account, account.role().name().toLowerCase(java.util.Locale.ROOT), List.of(problem));
            return;
        }
        users.resetPassword(account.id(), password, admin);
        Forms.redirect(ctx, LIST + "?done=password");
    }

    private void confirmDelete(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        if (account.id() == admin.id()) {
            ctx.status(409);
            render(ctx, admin, account, account.role().name().toLowerCase(java.util.Locale.ROOT),
                    List.of("You cannot delete your own account. Another admin can."));
            return;
        }
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(Forms.desk(ctx, "Delete an account", "users"),
                "Delete the account of " + account.name() + " (" + account.email() + ")?",
                "They are signed out at once and can no longer sign in. What they wrote stays; the audit log keeps their name.",
                LIST + "/" + account.id() + "/delete", "Delete the account", LIST + "/" + account.id()));
    }

    private void delete(Context ctx) {
        User admin = Guard.require(ctx, Role.ADMIN);
        User account = existing(ctx);
        try {
            users.delete(account.id(), admin);
        } catch (UserStore.Refused refused) {
            ctx.status(409);
            render(ctx, admin, account, account.role().name().toLowerCase(java.util.Locale.ROOT), List.of(refused.getMessage()));
            return;
        }
        Forms.redirect(ctx, LIST + "?done=deleted");
    }

    private User existing(Context ctx) {
        return users.byId(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such account; it may have been deleted."));
    }

    private void render(Context ctx, User admin, User account, String role, List<String> problems) {
        templates.render(ctx, "newsroom/admin/user.jte", new UserPage(
                Forms.desk(ctx, "Account: " + account.name(), "users").withErrors(problems), account, role,
                List.of(Role.values()), account.id() == admin.id()));
    }
}
