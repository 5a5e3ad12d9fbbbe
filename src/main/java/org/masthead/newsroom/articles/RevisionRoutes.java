package org.masthead.newsroom.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStore;
import org.masthead.content.EditConflict;
import org.masthead.content.SettingsStore;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/** An article's history: every saved revision, a word diff between any two, and restoring one. */
final class RevisionRoutes {
    private final Database db;
    private final ArticleQueries articles;
    private final ArticleStore store;
    private final SettingsStore settings;
    private final FormCheck check;
    private final EditorRoutes editor;
    private final Templates templates;

    RevisionRoutes(Database db, ArticleQueries articles, ArticleStore store, SettingsStore settings, FormCheck check,
                   EditorRoutes editor, Templates templates) {
        this.db = db;
        this.articles = articles;
        this.store = store;
        this.settings = settings;
        this.check = check;
        this.editor = editor;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/articles/{id}/revisions", ctx -> list(ctx, List.of()));
        routes.get("/newsroom/articles/{id}/diff", this::diff);
        routes.post("/newsroom/articles/{id}/revisions/{number}/restore", this::restore);
    }

    /** Opens the article's history to whoever may open the article. */
    private ArticleQueries.Stored readable(Context ctx) {
        ArticleQueries.Stored stored = editor.load(ctx);
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        if (!user.can(Role.EDITOR) && (stored.createdBy() == null || stored.createdBy() != user.id())) {
            throw new HttpError(403, "This article belongs to someone else: only editors and admins can open other "
                    + "people's articles.");
        }
        return stored;
    }

    private void list(Context ctx, List<String> problems) {
        ArticleQueries.Stored stored = readable(ctx);
        User user = Guard.session(ctx).user();
        boolean canRestore = Workflow.refusal(user, stored.createdBy(), stored.status(), Workflow.Action.SAVE) == null
                && Workflow.invalid(stored.status(), Workflow.Action.SAVE) == null;
        Desk desk = EditorView.desk(ctx, "Revisions of “" + stored.headline() + "”").withErrors(problems);
        templates.render(ctx, "newsroom/articles/revisions.jte", new DeskPages.RevisionsPage(desk, stored.id(),
                stored.headline(), articles.revisions(stored.id()).stream().map(RevisionRoutes::row).toList(), canRestore));
    }

    private void diff(Context ctx) {
        ArticleQueries.Stored stored = readable(ctx);
        ArticleQueries.Revision from = revision(stored.id(), ctx.queryParam("from"));
        ArticleQueries.Revision to = revision(stored.id(), ctx.queryParam("to"));
        if (from.number() > to.number()) {
            ArticleQueries.Revision swap = from;
            from = to;
            to = swap;
        }
        Desk desk = EditorView.desk(ctx, "Changes from revision " + from.number() + " to " + to.number());
        templates.render(ctx, "newsroom/articles/diff.jte", new DeskPages.DiffPage(desk, stored.id(), row(from), row(to),
                WordDiff.between(from.headline(), to.headline()), WordDiff.between(from.dek(), to.dek()),
                WordDiff.between(from.body(), to.body())));
    }

    /** Restoring is a save like any other: checked, recorded, and a new revision of its own. */
    private void restore(Context ctx) {
        ArticleQueries.Stored stored = readable(ctx);
        User user = Guard.session(ctx).user();
        String refusal = Workflow.refusal(user, stored.createdBy(), stored.status(), Workflow.Action.SAVE);
        if (refusal != null) {
            throw new HttpError(403, refusal);
        }
        ArticleQueries.Revision revision = revision(stored.id(), ctx.pathParam("number"));
        ArticleForm form = ArticleForm.of(stored, settings.current().zone())
                .withText(revision.headline(), revision.dek(), revision.body());
        String invalid = Workflow.invalid(stored.status(), Workflow.Action.SAVE);
        FormCheck.Checked checked = check.check(form, stored, stored.status());
        List<String> problems = invalid != null ? List.of(invalid) : checked.problems();
        if (!problems.isEmpty()) {
            ctx.status(422);
            list(ctx, problems);
            ctx.status(422);
            return;
        }
        ArticleEdit edit = checked.edit();
        try {
            db.write(tx -> {
                store.update(tx, stored.id(), stored.version(), edit, new ArticleEdit.By(user.id(), user.name()),
                        "Restored revision " + revision.number());
                AuditStore.record(tx, user, "restored a revision", "article:" + stored.id(),
                        "revision " + revision.number() + ": " + edit.headline());
                return null;
            });
        } catch (EditConflict e) {
            throw new HttpError(409, "Someone saved this article at the same moment. Open its revisions again and "
                    + "restore once more.");
        }
        ctx.redirect("/newsroom/articles/" + stored.id() + "?restored=" + revision.number(), HttpStatus.SEE_OTHER);
    }

    private ArticleQueries.Revision revision(long articleId, String raw) {
        try {
            return articles.revision(articleId, Integer.parseInt(raw == null ? "" : raw.strip()))
                    .orElseThrow(() -> HttpError.notFound("This article has no revision " + raw + "."));
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Choose two revisions from the list to compare.");
        }
    }

    private static DeskPages.RevisionRow row(ArticleQueries.Revision r) {
        return new DeskPages.RevisionRow(r.number(), r.userName(), r.savedAt(), r.note(), r.headline());
    }
}
