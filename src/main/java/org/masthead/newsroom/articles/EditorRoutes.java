package org.masthead.newsroom.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.SettingsStore;
import org.masthead.content.SiteSettings;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.web.HttpError;

/** The article editor: new and existing articles, saving through the workflow, preview, preview links. */
final class EditorRoutes {
    private final Database db;
    private final ArticleQueries articles;
    private final ArticleStore store;
    private final Markdown markdown;
    private final SettingsStore settings;
    private final ArticleWorkflow workflow;
    private final EditorView view;

    EditorRoutes(Database db, ArticleQueries articles, ArticleStore store, Markdown markdown, SettingsStore settings,
                 ArticleWorkflow workflow, EditorView view) {
        this.db = db;
        this.articles = articles;
        this.store = store;
        this.markdown = markdown;
        this.settings = settings;
        this.workflow = workflow;
        this.view = view;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/articles/new", this::newForm);
        routes.post("/newsroom/articles/new", ctx -> save(ctx, null));
        routes.post("/newsroom/articles/preview", this::preview);
        routes.get("/newsroom/articles/{id}", this::edit);
        routes.post("/newsroom/articles/{id}", ctx -> save(ctx, load(ctx)));
        routes.post("/newsroom/articles/{id}/preview-link", this::previewLink);
    }

    private void newForm(Context ctx) {
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        // The newsroom account's own byline, when the authors table has one of that name.
        List<Long> own = articles.bylines().stream().filter(a -> a.name().equalsIgnoreCase(user.name())).map(a -> a.id()).toList();
        view.render(ctx, 200, null, ArticleForm.blank(settings.current().language(), own), EditorView.Extras.NONE);
    }

    private void edit(Context ctx) {
        ArticleQueries.Stored stored = load(ctx);
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        if (!user.can(Role.EDITOR) && (stored.createdBy() == null || stored.createdBy() != user.id())) {
            throw new HttpError(403, "This article belongs to someone else: only editors and admins can open other "
                    + "people's articles.");
        }
        String done = ctx.queryParam("saved");
        SiteSettings site = settings.current();
        String notice = done == null ? null : noticeFor(Workflow.Action.parse(done), stored, site);
        if (ctx.queryParam("restored") != null) {
            notice = "Revision " + ctx.queryParam("restored") + " is restored, saved as a new revision.";
        }
        if (ctx.queryParam("link") != null) {
            notice = "The private preview link is ready: share it with whoever should read the article before it is published.";
        }
        view.render(ctx, 200, stored, ArticleForm.of(stored, site.zone()),
                new EditorView.Extras(notice, List.of(), null, null, false));
    }

    private void save(Context ctx, ArticleQueries.Stored stored) {
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        ArticleForm form = ArticleForm.read(ctx);
        Workflow.Action action = Workflow.Action.parse(ctx.formParam("action"));
        if (action == Workflow.Action.PREVIEW) {
            String refusal = Workflow.refusal(user, stored == null ? Long.valueOf(user.id()) : stored.createdBy(),
                    stored == null ? null : stored.status(), action);
            if (refusal != null) {
                throw new HttpError(403, refusal);
            }
            view.render(ctx, 200, stored, form, new EditorView.Extras(null, List.of(), markdown.render(form.body()).html(),
                    null, true));
            return;
        }
        switch (workflow.save(user, stored, form, action)) {
            case ArticleWorkflow.Refused refused -> throw new HttpError(403, refused.reason());
            case ArticleWorkflow.NotNow notNow -> view.render(ctx, 422, stored, form,
                    new EditorView.Extras(null, List.of(notNow.reason()), null, null, true));
            case ArticleWorkflow.Invalid invalid -> view.render(ctx, 422, stored, form, new EditorView.Extras(null,
                    invalid.problems().stream().map(Problem::message).toList(), null, null, true));
            case ArticleWorkflow.Conflict conflict -> conflict(ctx, form);
            case ArticleWorkflow.Missing missing -> throw HttpError.notFound("There is no article with that number.");
            case ArticleWorkflow.Saved saved -> ctx.redirect("/newsroom/articles/" + saved.id() + "?saved=" + action.value(),
                    HttpStatus.SEE_OTHER);
        }
    }

    /** Someone saved meanwhile: show both versions and keep every word this user typed, ready to save again. */
    private void conflict(Context ctx, ArticleForm form) {
        ArticleQueries.Stored now = load(ctx);
        view.render(ctx, 409, now, form.withVersion(now.version()), new EditorView.Extras(null, List.of(
                "Someone else saved this article while you were editing it, so your changes were not saved. Compare "
                        + "the two versions below, merge them into the form by hand, and save again."),
                null, new DeskPages.Conflict(now.version(), now.headline(), now.dek(), now.body()), true));
    }

    /** The live preview: the body as the public page will render it (the script posts here). */
    private void preview(Context ctx) {
        Guard.require(ctx, Role.CONTRIBUTOR);
        String body = ctx.formParam("body");
        ctx.contentType("text/html; charset=utf-8").result(markdown.render(body == null ? "" : body).html());
    }

    private void previewLink(Context ctx) {
        ArticleQueries.Stored stored = load(ctx);
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        String refusal = Workflow.refusal(user, stored.createdBy(), stored.status(), Workflow.Action.SAVE);
        if (refusal != null) {
            throw new HttpError(403, refusal);
        }
        db.write(tx -> {
            if (store.addPreviewToken(tx, stored.id())) {
                AuditStore.record(tx, user, "created a preview link", "article:" + stored.id(), stored.headline());
            }
            return null;
        });
        ctx.redirect("/newsroom/articles/" + stored.id() + "?link=1", HttpStatus.SEE_OTHER);
    }

    private static String noticeFor(Workflow.Action action, ArticleQueries.Stored stored, SiteSettings site) {
        return switch (action) {
            case SCHEDULE -> "Scheduled: it publishes itself at " + ArticleForm.LOCAL_MINUTES.format(
                    stored.publishedAt().atZone(site.zone())).replace('T', ' ') + " (" + site.zone() + ").";
            case RESTORE -> "Restored from the trash: it is a draft again.";
            case PREVIEW -> null;
            default -> action.done + ".";
        };
    }

    /** The article named in the path; 404 for anything else. */
    ArticleQueries.Stored load(Context ctx) {
        try {
            return articles.find(Long.parseLong(ctx.pathParam("id")))
                    .orElseThrow(() -> HttpError.notFound("There is no article with that number."));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("There is no article with that number.");
        }
    }
}
