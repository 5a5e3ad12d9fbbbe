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
import org.masthead.newsroom.admin.AdminQueries.TagRow;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/** Editors manage tags: the topics that cut across sections. Deleting one takes it off its articles. */
public final class TagRoutes {
    private static final String LIST = "/newsroom/tags";

    private final ContentStore store;
    private final AdminQueries queries;
    private final Templates templates;

    TagRoutes(ContentStore store, AdminQueries queries, Templates templates) {
        this.store = store;
        this.queries = queries;
        this.templates = templates;
    }

    public record TagsPage(Desk desk, List<TagRow> tags) {
    }

    public record TagForm(String name, String slug) {
        static TagForm of(Context ctx) {
            return new TagForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"));
        }
    }

    /** Adding (id 0) or renaming a tag; {@code articles} is how many carry it. */
    public record TagPage(Desk desk, long id, TagForm form, long articles) {
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
        templates.render(ctx, "newsroom/admin/tags.jte", new TagsPage(Forms.listDesk(ctx, "Tags", "tags", "Tag"), queries.tags()));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        render(ctx, 0, new TagForm("", ""), 0, List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        TagForm form = TagForm.of(ctx);
        List<String> problems = problems(form, 0);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, 0, form, 0, problems);
            return;
        }
        store.addTag(form.slug(), form.name(),
                (tx, id) -> AuditStore.record(tx, user, "added a tag", "tag:" + id, form.name() + " (/tag/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=added");
    }

    private void editForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        TagRow tag = existing(ctx);
        render(ctx, tag.id(), new TagForm(tag.name(), tag.slug()), tag.articles(), List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        TagRow tag = existing(ctx);
        TagForm form = TagForm.of(ctx);
        List<String> problems = problems(form, tag.id());
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, tag.id(), form, tag.articles(), problems);
            return;
        }
        store.updateTag(tag.id(), form.slug(), form.name(), (tx, id) -> AuditStore.record(tx, user, "renamed a tag", "tag:" + id,
                tag.name() + " (/tag/" + tag.slug() + ") → " + form.name() + " (/tag/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=saved");
    }

    private void confirmDelete(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        TagRow tag = existing(ctx);
        String consequence = tag.articles() == 0
                ? "No article carries it. Its page /tag/" + tag.slug() + " will be gone."
                : "It will be taken off the " + (tag.articles() == 1 ? "1 article that carries" : tag.articles() + " articles that carry")
                        + " it; the articles themselves stay. Its page /tag/" + tag.slug() + " will be gone.";
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(Forms.desk(ctx, "Delete a tag", "tags"),
                "Delete the tag " + tag.name() + "?", consequence, LIST + "/" + tag.id() + "/delete", "Delete the tag",
                LIST + "/" + tag.id()));
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        TagRow tag = existing(ctx);
        store.deleteTag(tag.id(), (tx, id) -> AuditStore.record(tx, user, "deleted a tag", "tag:" + id,
                tag.name() + " (/tag/" + tag.slug() + "), taken off " + tag.articles() + " article(s)"));
        Forms.redirect(ctx, LIST + "?done=deleted");
    }

    private TagRow existing(Context ctx) {
        return queries.tag(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such tag; it may have been deleted."));
    }

    private void render(Context ctx, long id, TagForm form, long articles, List<String> problems) {
        templates.render(ctx, "newsroom/admin/tag.jte", new TagPage(
                Forms.desk(ctx, id == 0 ? "Add a tag" : "Rename tag", "tags").withErrors(problems), id, form, articles));
    }

    private List<String> problems(TagForm form, long id) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "a name", 200));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (slugProblem == null && queries.slugTaken("tags", form.slug(), id)) {
            problems.add("Another tag already has the slug \"" + form.slug() + "\"; choose another.");
        }
        return problems;
    }
}
