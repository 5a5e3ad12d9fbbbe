package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentStore;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.admin.AdminQueries.SectionRow;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/** Editors manage the paper's sections: names, addresses, nesting and order in the navigation. */
public final class SectionRoutes {
    private static final String LIST = "/newsroom/sections";

    private final ContentStore store;
    private final AdminQueries queries;
    private final Templates templates;

    SectionRoutes(ContentStore store, AdminQueries queries, Templates templates) {
        this.store = store;
        this.queries = queries;
        this.templates = templates;
    }

    public record SectionsPage(Desk desk, List<SectionRow> sections) {
    }

    /** The section form as typed; numbers stay text so a wrong one is shown back as it was. */
    public record SectionForm(String name, String slug, String description, String parentId, String position) {
        static SectionForm of(Context ctx) {
            return new SectionForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"), FormFields.text(ctx, "description"),
                    FormFields.field(ctx, "parent"), FormFields.field(ctx, "position"));
        }

        static SectionForm of(SectionRow row) {
            return new SectionForm(row.name(), row.slug(), row.description(),
                    row.parentId() == null ? "" : row.parentId().toString(), Integer.toString(row.position()));
        }

        Long parent() {
            return parentId.isEmpty() ? null : Long.valueOf(parentId);
        }
    }

    /** Adding (id 0) or editing a section; {@code parents} are the sections it may sit in. */
    public record SectionPage(Desk desk, long id, SectionForm form, List<SectionRow> parents) {
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
        templates.render(ctx, "newsroom/admin/sections.jte",
                new SectionsPage(Forms.listDesk(ctx, "Sections", "sections", "Section"), queries.sections()));
    }

    private void addForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        List<SectionRow> all = queries.sections();
        int next = all.stream().mapToInt(SectionRow::position).max().orElse(0) + 1;
        SectionForm empty = new SectionForm("", "", "", "", Integer.toString(next));
        render(ctx, 0, empty, List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        SectionForm form = SectionForm.of(ctx);
        List<String> problems = problems(form, 0);
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, 0, form, problems);
            return;
        }
        store.addSection(form.slug(), form.name(), form.description(), form.parent(), Integer.parseInt(form.position()),
                (tx, id) -> AuditStore.record(tx, user, "added a section", "section:" + id, form.name() + " (/section/" + form.slug() + ")"));
        Forms.redirect(ctx, LIST + "?done=added");
    }

    private void editForm(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        SectionRow section = existing(ctx);
        render(ctx, section.id(), SectionForm.of(section), List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        SectionRow section = existing(ctx);
        SectionForm form = SectionForm.of(ctx);
        List<String> problems = problems(form, section.id());
        if (!problems.isEmpty()) {
            ctx.status(422);
            render(ctx, section.id(), form, problems);
            return;
        }
        store.updateSection(section.id(), form.slug(), form.name(), form.description(), form.parent(),
                Integer.parseInt(form.position()), (tx, id) -> AuditStore.record(tx, user, "edited a section", "section:" + id,
                        changes(section, form)));
        Forms.redirect(ctx, LIST + "?done=saved");
    }

    private void confirmDelete(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        SectionRow section = existing(ctx);
        templates.render(ctx, "newsroom/admin/confirm.jte", new ConfirmPage(Forms.desk(ctx, "Delete a section", "sections"),
                "Delete the section " + section.name() + "?",
                "Its page /section/" + section.slug() + " will be gone and it leaves the navigation. A section that still "
                        + "holds articles or other sections cannot be deleted.",
                LIST + "/" + section.id() + "/delete", "Delete the section", LIST + "/" + section.id()));
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        SectionRow section = existing(ctx);
        try {
            store.deleteSection(section.id(), (tx, id) -> AuditStore.record(tx, user, "deleted a section", "section:" + id,
                    section.name() + " (/section/" + section.slug() + ")"));
        } catch (ContentStore.InUse refused) {
            ctx.status(409);
            render(ctx, section.id(), SectionForm.of(section), List.of(refused.getMessage()));
            return;
        }
        Forms.redirect(ctx, LIST + "?done=deleted");
    }

    private SectionRow existing(Context ctx) {
        return queries.section(FormFields.id(ctx)).orElseThrow(() -> HttpError.notFound("There is no such section; it may have been deleted."));
    }

    private void render(Context ctx, long id, SectionForm form, List<String> problems) {
        String title = id == 0 ? "Add a section" : "Edit section";
        templates.render(ctx, "newsroom/admin/section.jte", new SectionPage(
                Forms.desk(ctx, title, "sections").withErrors(problems), id, form, possibleParents(id)));
    }

    /** Every section except this one and those below it: choosing one of those would make a loop. */
    private List<SectionRow> possibleParents(long id) {
        List<SectionRow> all = queries.sections();
        Set<Long> below = descendants(all, id);
        return all.stream().filter(s -> s.id() != id && !below.contains(s.id())).toList();
    }

    private static Set<Long> descendants(List<SectionRow> all, long id) {
        Set<Long> found = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SectionRow s : all) {
                if (s.parentId() != null && (s.parentId() == id || found.contains(s.parentId())) && found.add(s.id())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    private List<String> problems(SectionForm form, long id) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "a name", 200));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (slugProblem == null && queries.slugTaken("sections", form.slug(), id)) {
            problems.add("Another section already has the slug \"" + form.slug() + "\"; choose another.");
        }
        if (form.description().length() > 2000) {
            problems.add("Keep the description to 2000 characters at most.");
        }
        if (!form.parentId().isEmpty()) {
            boolean allowed = form.parentId().matches("\\d{1,18}")
                    && possibleParents(id).stream().anyMatch(s -> s.id() == Long.parseLong(form.parentId()));
            if (!allowed) {
                problems.add("A section cannot sit inside itself or inside one of its own subsections; choose another parent.");
            }
        }
        if (!form.position().matches("-?\\d{1,6}")) {
            problems.add("The order must be a whole number, such as 1 or 10; lower numbers come first.");
        }
        return problems;
    }

    private static String changes(SectionRow before, SectionForm after) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("name " + before.name() + " → " + after.name());
        }
        if (!before.slug().equals(after.slug())) {
            parts.add("slug " + before.slug() + " → " + after.slug());
        }
        if (!String.valueOf(before.parentId()).equals(after.parentId().isEmpty() ? "null" : after.parentId())) {
            parts.add("parent changed");
        }
        if (!Integer.toString(before.position()).equals(after.position())) {
            parts.add("order " + before.position() + " → " + after.position());
        }
        return parts.isEmpty() ? after.name() : after.name() + ": " + String.join(", ", parts);
    }
}
