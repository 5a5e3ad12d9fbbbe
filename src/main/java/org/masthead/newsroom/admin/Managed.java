package org.masthead.newsroom.admin;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.masthead.db.Tx;
import org.masthead.newsroom.Desk;

/**
 * One kind of content the management pages look after (sections, tags, authors, pages):
 * what it is called, its rows, its form, its checks and its store calls. The list page shows
 * {@link #all} with newsroom/admin/{plural}.jte; the form page {@link #formPage} with {singular}.jte.
 * {@link ManagementRoutes} does everything else the same way for every kind.
 *
 * @param <R> a stored row, as the management pages read it
 * @param <F> the form as typed, shown again as it was on any refusal
 */
abstract class Managed<R extends Managed.Row, F extends Managed.Form> {
    private final Words words;
    private final LongFunction<Optional<R>> find;

    /** {@code find} reads one row by id, fresh. */
    Managed(Words words, LongFunction<Optional<R>> find) {
        this.words = words;
        this.find = find;
    }

    /** A stored row: its id, and its name and slug as the confirm page and the audit log name it. */
    interface Row {
        long id();

        String name();

        String slug();
    }

    /** A form as typed, with at least a name and a slug. */
    interface Form {
        String name();

        String slug();
    }

    /**
     * What a kind is called, from which its addresses, templates, titles, notices and audit
     * actions are made: "tag" lives at /newsroom/tags, shows "Tag added." and audits "added a
     * tag". {@code readerPath} is where readers find one, before its slug ("/tag/");
     * {@code editTitle} and {@code edited} name what editing one is ("Rename tag", "renamed a
     * tag"); {@code missing} is the 404's message.
     */
    record Words(String singular, String article, String readerPath, String editTitle, String edited, String missing) {
        String plural() {
            return singular + "s";
        }

        String path() {
            return "/newsroom/" + plural();
        }

        /** "a tag", "an author". */
        String one() {
            return article + " " + singular;
        }

        /** "Tag", as in the notice "Tag added.". */
        String noun() {
            return singular.substring(0, 1).toUpperCase(Locale.ROOT) + singular.substring(1);
        }

        String listTitle() {
            return plural().substring(0, 1).toUpperCase(Locale.ROOT) + plural().substring(1);
        }

        /** "Housing (/tag/housing)": how the audit log names one. */
        String named(String name, String slug) {
            return name + " (" + readerPath + slug + ")";
        }

        /** The address a form posts to: the list when adding (id 0), else the row's own. */
        String action(long id) {
            return id == 0 ? path() : path() + "/" + id;
        }
    }

    final Words words() {
        return words;
    }

    final Optional<R> find(long id) {
        return find.apply(id);
    }

    /** Every row, as the list page (newsroom/admin/{plural}.jte) shows them. */
    abstract List<R> all();

    /** The form page's model for adding ({@code editing} null) or editing; its template is newsroom/admin/{singular}.jte. */
    abstract Object formPage(Desk desk, R editing, F form);

    abstract F blank();

    abstract F formOf(R row);

    abstract F read(Context ctx);

    /** What is wrong with the form, none when it may be saved; {@code editing} is null when adding. */
    abstract List<String> problems(F form, R editing);

    abstract long add(Tx tx, F form);

    abstract void update(Tx tx, R row, F form);

    /** Deletes the row; throws content.InUse, writing nothing, while other content still needs it. */
    abstract void delete(Tx tx, R row);

    /** The audit entry's detail for an addition, an edit and a deletion: the name and address, unless a kind says more. */
    String added(F form) {
        return words.named(form.name(), form.slug());
    }

    String edited(R before, F after) {
        return words.named(after.name(), after.slug());
    }

    String deleted(R row) {
        return words.named(row.name(), row.slug());
    }

    /** What deleting the row does, as the confirm page says it. */
    abstract String consequence(R row);

    /** Why the row can never be deleted, or null: the confirm page is then refused with it. */
    String undeletable(R row) {
        return null;
    }
}
