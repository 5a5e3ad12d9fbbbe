package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.TagStore;
import org.masthead.db.Tx;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.newsroom.admin.AdminQueries.TagRow;

/** Editors manage tags: the topics that cut across sections. Deleting one takes it off its articles. */
public final class TagAdmin extends Managed<TagRow, TagAdmin.TagForm> {
    private static final Words WORDS = new Words("tag", "a", "/tag/", "Rename tag", "renamed a tag",
            "There is no such tag; it may have been deleted.");

    private final TagStore store;
    private final AdminQueries queries;

    TagAdmin(TagStore store, AdminQueries queries) {
        super(WORDS, queries::tag);
        this.store = store;
        this.queries = queries;
    }

    public record TagForm(String name, String slug) implements Form {
    }

    /** Adding (id 0) or renaming a tag; {@code articles} is how many carry it. */
    public record TagPage(Desk desk, long id, TagForm form, long articles) {
        public String action() {
            return WORDS.action(id);
        }
    }

    @Override
    List<TagRow> all() {
        return queries.tags();
    }

    @Override
    Object formPage(Desk desk, TagRow editing, TagForm form) {
        return editing == null ? new TagPage(desk, 0, form, 0) : new TagPage(desk, editing.id(), form, editing.articles());
    }

    @Override
    TagForm blank() {
        return new TagForm("", "");
    }

    @Override
    TagForm formOf(TagRow row) {
        return new TagForm(row.name(), row.slug());
    }

    @Override
    TagForm read(Context ctx) {
        return new TagForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"));
    }

    @Override
    List<String> problems(TagForm form, TagRow editing) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "a name", 200));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (slugProblem == null && queries.slugTaken("tags", form.slug(), editing == null ? 0 : editing.id())) {
            problems.add("Another tag already has the slug \"" + form.slug() + "\"; choose another.");
        }
        return problems;
    }

    @Override
    long add(Tx tx, TagForm form) {
        return store.add(tx, form.slug(), form.name());
    }

    @Override
    void update(Tx tx, TagRow row, TagForm form) {
        store.update(tx, row.id(), form.slug(), form.name());
    }

    @Override
    void delete(Tx tx, TagRow row) {
        store.delete(tx, row.id());
    }

    @Override
    String edited(TagRow before, TagForm after) {
        return WORDS.named(before.name(), before.slug()) + " → " + WORDS.named(after.name(), after.slug());
    }

    @Override
    String deleted(TagRow row) {
        return WORDS.named(row.name(), row.slug()) + ", taken off " + row.articles() + " article(s)";
    }

    @Override
    String consequence(TagRow row) {
        return row.articles() == 0
                ? "No article carries it. Its page /tag/" + row.slug() + " will be gone."
                : "It will be taken off the " + (row.articles() == 1 ? "1 article that carries" : row.articles() + " articles that carry")
                        + " it; the articles themselves stay. Its page /tag/" + row.slug() + " will be gone.";
    }
}
