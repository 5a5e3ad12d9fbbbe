package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.AuthorStore;
import org.masthead.db.Tx;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.newsroom.admin.AdminQueries.AuthorRow;
import org.masthead.newsroom.admin.AdminQueries.MediaChoice;

/**
 * Editors manage the people in bylines (not newsroom accounts): name, address, role line,
 * a Markdown bio (rendered by the store's Markdown, the one the whole site uses) and a photo
 * from the media library.
 */
public final class AuthorAdmin extends Managed<AuthorRow, AuthorAdmin.AuthorForm> {
    private static final Words WORDS = new Words("author", "an", "/author/", "Edit author", "edited an author",
            "There is no such author; they may have been deleted.");

    private final AuthorStore store;
    private final AdminQueries queries;

    AuthorAdmin(AuthorStore store, AdminQueries queries) {
        super(WORDS, queries::author);
        this.store = store;
        this.queries = queries;
    }

    /** The author form as typed; the photo is a media id or empty for none. */
    public record AuthorForm(String name, String slug, String role, String bio, String photoId) implements Form {
        Long photo() {
            return photoId.isEmpty() ? null : Long.valueOf(photoId);
        }
    }

    /** Adding (id 0) or editing an author; {@code bioHtml} is the saved bio as readers see it. */
    public record AuthorPage(Desk desk, long id, AuthorForm form, List<MediaChoice> photos, String bioHtml) {
        public String action() {
            return WORDS.action(id);
        }
    }

    @Override
    List<AuthorRow> all() {
        return queries.authors();
    }

    @Override
    Object formPage(Desk desk, AuthorRow editing, AuthorForm form) {
        return editing == null ? new AuthorPage(desk, 0, form, queries.media(), "")
                : new AuthorPage(desk, editing.id(), form, queries.media(), editing.bioHtml());
    }

    @Override
    AuthorForm blank() {
        return new AuthorForm("", "", "", "", "");
    }

    @Override
    AuthorForm formOf(AuthorRow row) {
        return new AuthorForm(row.name(), row.slug(), row.role(), row.bioMarkdown(),
                row.photoId() == null ? "" : row.photoId().toString());
    }

    @Override
    AuthorForm read(Context ctx) {
        return new AuthorForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "slug"), FormFields.field(ctx, "role"),
                FormFields.text(ctx, "bio"), FormFields.field(ctx, "photo"));
    }

    @Override
    List<String> problems(AuthorForm form, AuthorRow editing) {
        List<String> problems = new ArrayList<>();
        Forms.addIfPresent(problems, Forms.required(form.name(), "a name", 200));
        String slugProblem = Forms.slugProblem(form.slug());
        Forms.addIfPresent(problems, slugProblem);
        if (slugProblem == null && queries.slugTaken("authors", form.slug(), editing == null ? 0 : editing.id())) {
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

    @Override
    long add(Tx tx, AuthorForm form) {
        return store.add(tx, form.slug(), form.name(), form.role(), form.bio(), form.photo());
    }

    @Override
    void update(Tx tx, AuthorRow row, AuthorForm form) {
        store.update(tx, row.id(), form.slug(), form.name(), form.role(), form.bio(), form.photo());
    }

    @Override
    void delete(Tx tx, AuthorRow row) {
        store.delete(tx, row.id());
    }

    @Override
    String consequence(AuthorRow row) {
        return "Their page /author/" + row.slug() + " will be gone. An author who still has a byline on an article "
                + "cannot be deleted.";
    }
}
