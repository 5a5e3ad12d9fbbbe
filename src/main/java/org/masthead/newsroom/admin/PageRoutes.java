package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.admin.AdminQueries.PageRow;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/** Editors manage the static pages at /slug, such as About and the Privacy & Cookies Policy. */
public final class PageRoutes {
    private static final String LIST = "/newsroom/pages";
    /** First parts of addresses the site already answers; a page there would be hidden or hide them. */
    static final Set<String> RESERVED = Set.of("newsroom", "healthz", "static", "media", "section", "tag", "author",
            "search", "feed", "feeds", "rss", "atom", "sitemap", "sitemap-xml", "api", "robots-txt", "favicon-ico");

    private final ContentStore store;
    private final AdminQueries queries;
    private final Templates templates;

    PageRoutes(ContentStore store, AdminQueries queries, Templates templates) {
        this.store = store;
        this.queries = queries;
        this.templates = templates;
    }

    public record PagesPage(Desk desk, List<PageRow> pages, Set<String> kept) {
    }

    public record PageForm(String title, String slug, String body) {
        static PageForm of(Context ctx) {
            return new PageForm(FormFields.field(ctx, "title"), FormFields.field(ctx, "slug"), FormFields.text(ctx, "body"));
        }
    }

    /** Adding (id 0) or editing a page; a kept page (privacy) keeps its slug and cannot be deleted. */
    public record PagePage(Desk desk, long id, PageForm form, boolean kept) {
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
        templates.render(ctx, "newsroom/admin/pages.jte",
                new PagesPage(Forms.listDesk(ctx, "Pages", "pages", "Page"), queries.pages(), ContentStore.KEPT_PAGES));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        render(ctx, 0, new PageForm("", "", ""), false, List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        PageForm form = PageForm.of(ctx);
        List<String> problems = problems(form, null);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, 0, form, false, problems);
            return;
        }
        store.addPage(form.slug(), form.title(), form.body(),
                (tx, id) -> AuditStore.record(tx, user, "added a page", "page:" + id, form.title() + " (/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=added");
    }

    private void editForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        PageRow page = existing(ctx);
        render(ctx, page.id(), new PageForm(page.title(), page.slug(), page.bodyMarkdown()), kept(page), List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        PageRow page = existing(ctx);
        PageForm form = PageForm.of(ctx);
        List<String> problems = problems(form, page);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, page.id(), form, kept(page), problems);
            return;
        }
        store.updatePage(page.id(), form.slug(), form.title(), form.body(),
                (tx, id) -> AuditStore.record(tx, user, "edited a page", "page:" + id, form.title() + " (/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=saved");
    }

    private void confirmDelete(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        PageRow page = existing(ctx);
        if (kept(page)) {
            ctx.status(409);
            render(ctx, page.id(), new PageForm(page.title(), page.slug(), page.bodyMarkdown()), true,
                    List.of(keptMessage(page)));
            return;
        }
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(Forms.desk(ctx, "Delete a page", "pages"),
                "Delete the page " + page.title() + "?",
                "Its text will be gone and /" + page.slug() + " will answer “not found”. Links to it elsewhere will break.",
                LIST + "/" + page.id() + "/delete", "Delete the page", LIST + "/" + page.id()));
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        PageRow page = existing(ctx);
        try {
            store.deletePage(page.id(), (tx, id) -> AuditStore.record(tx, user, "deleted a page", "page:" + id,
                    page.title() + " (/" + page.slug() + ")"));
        } catch (ContentStore.InUse refused) {
            ctx.status(409);
            render(ctx, page.id(), new PageForm(page.title(), page.slug(), page.bodyMarkdown()), true,
                    List.of(refused.getMessage()));
            return;
        }
        Forms.redirect(ctx, LIST + "?done=deleted");
    }

    private PageRow existing(Context ctx) {
        return queries.page(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such page; it may have been deleted."));
    }

    private static boolean kept(PageRow page) {
        return ContentStore.KEPT_PAGES.contains(page.slug());
    }

    private static String keptMessage(PageRow page) {
        return "The page /" + page.slug() + " cannot be deleted: the site links to it on every page and readers' "
                + "privacy choices refer to it. Edit its text instead.";
    }

    private void render(Context ctx, long id, PageForm form, boolean kept, List<String> problems) {
        templates.render(ctx, "newsroom/admin/page.jte", new PagePage(
                Forms.desk(ctx, id == 0 ? "Add a page" : "Edit page", "pages").withErrors(problems), id, form, kept));
    }

    /** What is wrong with the form; {@code page} is the page being edited, null when adding. */
    private List<String> problems(PageForm form, PageRow page) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.title(), "a title", 300));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (page != null && kept(page) && !page.slug().equals(form.slug())) {
            problems.add("This page keeps the address /" + page.slug() + ": the site and readers' privacy choices link to it.");
        } else if (slugProblem == null && RESERVED.contains(form.slug())) {
            problems.add("The address /" + form.slug() + " belongs to another part of the site; choose another slug.");
        } else if (slugProblem == null && queries.slugTaken("pages", form.slug(), page == null ? 0 : page.id())) {
            problems.add("Another page already has the address /" + form.slug() + "; choose another slug.");
        }
        if (form.body().length() > 200_000) {
            problems.add("Keep the text to 200,000 characters at most.");
        }
        return problems;
    }
}
