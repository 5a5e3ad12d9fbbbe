package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.content.InUse;
import org.masthead.db.Database;
import org.masthead.newsroom.FormFields;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * The pages every kind of managed content has, for editors and up: the list (with a notice
 * after a change), the add and edit forms (422 with everything typed shown again), a confirm
 * page before deleting (409 with the reason when the row may not go), each write committed
 * with its audit entry in one transaction, then a redirect to the list that says what was done.
 */
final class ManagementRoutes<R extends Managed.Row, F extends Managed.Form> {
    private final Managed<R, F> kind;
    private final Managed.Words words;
    private final Database db;
    private final Templates templates;

    ManagementRoutes(Managed<R, F> kind, Database db, Templates templates) {
        this.kind = kind;
        this.words = kind.words();
        this.db = db;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        String list = words.path();
        routes.get(list, this::list);
        routes.get(list + "/new", this::addForm);
        routes.post(list, this::add);
        routes.get(list + "/{id}", this::editForm);
        routes.post(list + "/{id}", this::edit);
        routes.get(list + "/{id}/delete", this::confirmDelete);
        routes.post(list + "/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        templates.render(ctx, "newsroom/admin/" + words.plural() + ".jte",
                new ListPage<>(Forms.listDesk(ctx, words.listTitle(), words.plural(), words.noun()), kind.all()));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        render(ctx, null, kind.blank(), List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        F form = kind.read(ctx);
        List<String> problems = kind.problems(form, null);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, null, form, problems);
            return;
        }
        try {
            db.write(tx -> {
                long id = kind.add(tx, form);
                AuditStore.record(tx, user, "added " + words.one(), target(id), kind.added(form));
                return id;
            });
        } catch (RuntimeException e) {
            refuseDuplicate(ctx, null, form, e);
            return;
        }
        Forms.redirect(ctx, words.path() + "?done=added");
    }

    private void editForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        R row = existing(ctx);
        render(ctx, row, kind.formOf(row), List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        R row = existing(ctx);
        F form = kind.read(ctx);
        List<String> problems = kind.problems(form, row);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, row, form, problems);
            return;
        }
        try {
            db.write(tx -> {
                kind.update(tx, row, form);
                AuditStore.record(tx, user, words.edited(), target(row.id()), kind.edited(row, form));
                return null;
            });
        } catch (RuntimeException e) {
            refuseDuplicate(ctx, row, form, e);
            return;
        }
        Forms.redirect(ctx, words.path() + "?done=saved");
    }

    /**
     * The checks passed but the insert or update met a unique constraint: another request saved
     * the same slug (or name) in between. Nothing was written; the form comes back with what was
     * typed and, checked again now, the reason. Other failures go on to the error page.
     */
    private void refuseDuplicate(Context ctx, R row, F form, RuntimeException e) {
        if (!Database.duplicate(e)) {
            throw e;
        }
        List<String> problems = kind.problems(form, row);
        ctx.status(409);
        render(ctx, row, form, problems.isEmpty()
                ? List.of("Someone else saved the same " + words.one() + " a moment ago; nothing was changed. Check the list, then try again.")
                : problems);
    }

    private void confirmDelete(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        R row = existing(ctx);
        String refusal = kind.undeletable(row);
        if (refusal != null) {
            ctx.status(409);
            render(ctx, row, kind.formOf(row), List.of(refusal));
            return;
        }
        String own = words.action(row.id());
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(
                Forms.desk(ctx, "Delete " + words.one(), words.plural()),
                "Delete the " + words.singular() + " " + row.name() + "?", kind.consequence(row),
                own + "/delete", "Delete the " + words.singular(), own));
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        R row = existing(ctx);
        try {
            db.write(tx -> {
                kind.delete(tx, row);
                AuditStore.record(tx, user, "deleted " + words.one(), target(row.id()), kind.deleted(row));
                return null;
            });
        } catch (InUse refused) {
            ctx.status(409);
            render(ctx, row, kind.formOf(row), List.of(refused.getMessage()));
            return;
        }
        Forms.redirect(ctx, words.path() + "?done=deleted");
    }

    private R existing(Context ctx) {
        return kind.find(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound(words.missing()));
    }

    private String target(long id) {
        return words.singular() + ":" + id;
    }

    /** The add ({@code editing} null) or edit form, with the problems found, if any. */
    private void render(Context ctx, R editing, F form, List<String> problems) {
        String title = editing == null ? "Add " + words.one() : words.editTitle();
        templates.render(ctx, "newsroom/admin/" + words.singular() + ".jte",
                kind.formPage(Forms.desk(ctx, title, words.plural()).withErrors(problems), editing, form));
    }
}
