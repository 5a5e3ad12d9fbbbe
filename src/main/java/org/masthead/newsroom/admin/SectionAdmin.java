package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masthead.content.SectionStore;
import org.masthead.db.Tx;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.newsroom.admin.AdminQueries.SectionRow;

/** Editors manage the paper's sections: names, addresses, nesting and order in the navigation. */
public final class SectionAdmin extends Managed<SectionRow, SectionAdmin.SectionForm> {
    private static final Words WORDS = new Words("section", "a", "/section/", "Edit section", "edited a section",
            "There is no such section; it may have been deleted.");

    private final SectionStore store;
    private final AdminQueries queries;

    SectionAdmin(SectionStore store, AdminQueries queries) {
        super(WORDS, queries::section);
        this.store = store;
        this.queries = queries;
    }

    /** The section form as typed; numbers stay text so a wrong one is shown back as it was. */
    public record SectionForm(String name, String slug, String description, String parentId, String position)
            implements Form {
        Long parent() {
            return parentId.isEmpty() ? null : Long.valueOf(parentId);
        }
    }

    /** Adding (id 0) or editing a section; {@code parents} are the sections it may sit in. */
    public record SectionPage(Desk desk, long id, SectionForm form, List<SectionRow> parents) {
        public String action() {
            return WORDS.action(id);
        }
    }

    @Override
    List<SectionRow> all() {
        return queries.sections();
    }

    @Override
    Object formPage(Desk desk, SectionRow editing, SectionForm form) {
        long id = editing == null ? 0 : editing.id();
        return new SectionPage(desk, id, form, possibleParents(id));
    }

    /** An empty form whose order puts the new section last. */
    @Override
    SectionForm blank() {
        int next = queries.sections().stream().mapToInt(SectionRow::position).max().orElse(0) + 1;
        return new SectionForm("", "", "", "", Integer.toString(next));
    }

    @Override
    SectionForm formOf(SectionRow row) {
        return new SectionForm(row.name(), row.slug(), row.description(),
                row.parentId() == null ? "" : row.parentId().toString(), Integer.toString(row.position()));
    }

    @Override
    SectionForm read(Context ctx) {
        return new SectionForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"), FormFields.text(ctx, "description"),
                FormFields.field(ctx, "parent"), FormFields.field(ctx, "position"));
    }

    @Override
    List<String> problems(SectionForm form, SectionRow editing) {
        long id = editing == null ? 0 : editing.id();
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

    @Override
    long add(Tx tx, SectionForm form) {
        return store.add(tx, form.slug(), form.name(), form.description(), form.parent(), Integer.parseInt(form.position()));
    }

    @Override
    void update(Tx tx, SectionRow row, SectionForm form) {
        store.update(tx, row.id(), form.slug(), form.name(), form.description(), form.parent(),
                Integer.parseInt(form.position()));
    }

    @Override
    void delete(Tx tx, SectionRow row) {
        store.delete(tx, row.id());
    }

    /** The name, and what else changed: "City: slug city → town, order 1 → 2". */
    @Override
    String edited(SectionRow before, SectionForm after) {
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

    @Override
    String consequence(SectionRow row) {
        return "Its page /section/" + row.slug() + " will be gone and it leaves the navigation. A section that still "
                + "holds articles or other sections cannot be deleted.";
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
}
