package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.ContentStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.admin.AdminQueries.AuthorRow;
import org.masthead.newsroom.admin.AdminQueries.MediaChoice;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * Editors manage the people in bylines (not newsroom accounts): name, address, role line,
 * a Markdown bio (rendered by the store's Markdown, the one the whole site uses) and a photo
 * from the media library.
 */
public final class AuthorRoutes {
    private static final String LIST = "/newsroom/authors";

    private final ContentStore store;
    private final AdminQueries queries;
    private final Templates templates;

    AuthorRoutes(ContentStore store, AdminQueries queries, Templates templates) {
        this.store = store;
        this.queries = queries;
        this.templates = templates;
    }

    public record AuthorsPage(Desk desk, List<AuthorRow> authors) {
    }

    /** The author form as typed; the photo is a media id or empty for none. */
    public record AuthorForm(String name, String slug, String role, String bio, String photoId) {
        static AuthorForm of(Context ctx) {
            return new AuthorForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"), FormFields.field(ctx, "role"),
                    FormFields.text(ctx, "bio"), FormFields.field(ctx, "photo"));
        }

        static AuthorForm of(AuthorRow row) {
            return new AuthorForm(row.name(), row.slug(), row.role(), row.bioMarkdown(),
                    row.photoId() == null ? "" : row.photoId().toString());
        }

        Long photo() {
            return photoId.isEmpty() ? null : Long.valueOf(photoId);
        }
    }

    /** Adding (id 0) or editing an author; {@code bioHtml} is the saved bio as readers see it. */
    public record AuthorPage(Desk desk, long id, AuthorForm form, List<MediaChoice> photos, String bioHtml) {
        public String action() {
            return id == 0 ? LIST : LIST + "/" + id;
        }
    }

    void register(RoutesConfig routes) {
        routes.get(LIST, this::list);
        routes.get(LIST + "/new", this::addForm);
        routes.post(LIST, this::add);
        routes.get(LIST + "/{id}", this::editForm);
        routes.post(LIST + "/{id}", this::edit);
        routes.get(LIST + "/{id}/delete", this::confirmDelete);
        routes.post(LIST + "/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        templates.render(ctx, "newsroom/admin/authors.jte",
                new AuthorsPage(Forms.listDesk(ctx, "Authors", "authors", "Author"), queries.authors()));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        render(ctx, 0, new AuthorForm("", "", "", "", ""), "", List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        AuthorForm form = AuthorForm.of(ctx);
        List<String> problems = problems(form, 0);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, 0, form, "", problems);
            return;
        }
        store.addAuthor(form.slug(), form.name(), form.role(), form.bio(), form.photo(),
                (tx, id) -> AuditStore.record(tx, user, "added an author", "author:" + id, form.name() + " (/author/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=added");
    }

    private void editForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        AuthorRow author = existing(ctx);
        render(ctx, author.id(), AuthorForm.of(author), author.bioHtml(), List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        AuthorRow author = existing(ctx);
        AuthorForm form = AuthorForm.of(ctx);
        List<String> problems = problems(form, author.id());
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, author.id(), form, author.bioHtml(), problems);
            return;
        }
        store.updateAuthor(author.id(), form.slug(), form.name(), form.role(), form.bio(), form.photo(),
                (tx, id) -> AuditStore.record(tx, user, "edited an author", "author:" + id, form.name() + " (/author/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=saved");
    }

    private void confirmDelete(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        AuthorRow author = existing(ctx);
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(Forms.desk(ctx, "Delete an author", "authors"),
                "Delete the author " + author.name() + "?",
                "Their page /author/" + author.slug() + " will be gone. An author who still has a byline on an article "
                        + "cannot be deleted.",
                LIST + "/" + author.id() + "/delete", "Delete the author", LIST + "/" + author.id()));
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        AuthorRow author = existing(ctx);
        try {
            store.deleteAuthor(author.id(), (tx, id) -> AuditStore.record(tx, user, "deleted an author", "author:" + id,
                    author.name() + " (/author/" + author.slug() + ")"));
        } catch (ContentStore.InUse refused) {
            ctx.status(409);
            render(ctx, author.id(), AuthorForm.of(author), author.bioHtml(), List.of(refused.getMessage()));
            return;
        }
        Forms.redirect(ctx, LIST + "?done=deleted");
    }

    private AuthorRow existing(Context ctx) {
        return queries.author(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such author; they may have been deleted."));
    }

    private void render(Context ctx, long id, AuthorForm form, String bioHtml, List<String> problems) {
        templates.render(ctx, "newsroom/admin/author.jte", new AuthorPage(
                Forms.desk(ctx, id == 0 ? "Add an author" : "Edit author", "authors").withErrors(problems),
                id, form, queries.media(), bioHtml));
    }

    private List<String> problems(AuthorForm form, long id) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "a name", 200));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (slugProblem == null && queries.slugTaken("authors", form.slug(), id)) {
            problems.add("Another author already has the slug \"" + form.slug() + "\"; choose another.");
        }
        if (form.role().length() > 200) {
            problems.add("Keep the role line to 200 characters at most.");
        }
        if (form.bio().length() > 20_000) {
            problems.add("Keep the bio to 20,000 characters at most.");
        }
        boolean photoKnown = form.photoId().isEmpty() || (form.photoId().matches("\\d{1,18}")
                && queries.media().stream().anyMatch(m -> m.id() == Long.parseLong(form.photoId())));
        if (!photoKnown) {
            problems.add("The chosen photo is no longer in the media library; choose another or none.");
        }
        return problems;
    }
}
