package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.masthead.content.PageStore;
import org.masthead.db.Tx;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.newsroom.admin.AdminQueries.PageRow;

/** Editors manage the static pages at /slug, such as About and the Privacy & Cookies Policy. */
public final class PageAdmin extends Managed<PageRow, PageAdmin.PageForm> {
    private static final Words WORDS = new Words("page", "a", "/", "Edit page", "edited a page",
            "There is no such page; it may have been deleted.");
    /** First parts of addresses the site already answers; a page there would be hidden or hide them. */
    static final Set<String> RESERVED = Set.of("newsroom", "healthz", "static", "media", "section", "tag", "author",
            "search", "feed", "feeds", "rss", "atom", "sitemap", "sitemap-xml", "api", "robots-txt", "favicon-ico");

    private final PageStore store;
    private final AdminQueries queries;

    PageAdmin(PageStore store, AdminQueries queries) {
        super(WORDS, queries::page);
        this.store = store;
        this.queries = queries;
    }

    public record PageForm(String title, String slug, String body) implements Form {
        /** A page is named by its title. */
        @Override
        public String name() {
            return title;
        }
    }

    /** Adding (id 0) or editing a page; a kept page (privacy) keeps its slug and cannot be deleted. */
    public record PagePage(Desk desk, long id, PageForm form, boolean kept) {
        public String action() {
            return WORDS.action(id);
        }
    }

    @Override
    List<PageRow> all() {
        return queries.pages();
    }

    @Override
    Object formPage(Desk desk, PageRow editing, PageForm form) {
        return editing == null ? new PagePage(desk, 0, form, false) : new PagePage(desk, editing.id(), form, kept(editing));
    }

    @Override
    PageForm blank() {
        return new PageForm("", "", "");
    }

    @Override
    PageForm formOf(PageRow row) {
        return new PageForm(row.title(), row.slug(), row.bodyMarkdown());
    }

    @Override
    PageForm read(Context ctx) {
        return new PageForm(FormFields.field(ctx, "title"), FormFields.field(ctx, "slug"), FormFields.text(ctx, "body"));
    }

    @Override
    List<String> problems(PageForm form, PageRow page) {
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

    @Override
    long add(Tx tx, PageForm form) {
        return store.add(tx, form.slug(), form.title(), form.body());
    }

    @Override
    void update(Tx tx, PageRow row, PageForm form) {
        store.update(tx, row.id(), form.slug(), form.title(), form.body());
    }

    @Override
    void delete(Tx tx, PageRow row) {
        store.delete(tx, row.id());
    }

    @Override
    String consequence(PageRow row) {
        return "Its text will be gone and /" + row.slug() + " will answer “not found”. Links to it elsewhere will break.";
    }

    @Override
    String undeletable(PageRow row) {
        return PageStore.undeletable(row.slug());
    }

    private static boolean kept(PageRow page) {
        return PageStore.KEPT.contains(page.slug());
    }
}
