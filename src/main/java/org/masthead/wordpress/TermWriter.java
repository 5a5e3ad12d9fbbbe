package org.masthead.wordpress;

import java.util.Optional;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.SectionStore;
import org.masthead.content.TagStore;

/**
 * Writes an export's people and terms before its items: authors as bylines (and, when asked,
 * newsroom accounts), categories as sections with their parents, tags. One found again (by an
 * earlier import's record or by its slug) is matched, not overwritten, as editors may have
 * changed it since. Each answers at its old WordPress addresses.
 */
final class TermWriter {
    private final WordPressStore store;
    private final SectionStore sections;
    private final TagStore tags;
    private final AuthorStore authors;
    private final UserStore users;

    TermWriter(WordPressStore store, SectionStore sections, TagStore tags, AuthorStore authors, UserStore users) {
        this.store = store;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.users = users;
    }

    void authors(WordPressImport.Run run) {
        for (Wxr.Author author : run.survey.authors) {
            String login = author.login().strip();
            if (login.isEmpty()) {
                run.report.skip("an author without a login", "no wp:author_login");
                continue;
            }
            String name = author.displayName().isBlank() ? login : author.displayName().strip();
            Optional<Long> mapped = mappedExisting(run, "author", login, "authors");
            long id;
            if (mapped.isPresent()) {
                id = mapped.get();
                run.report.updated("authors");
            } else {
                String slug = WordPressImport.slugOr(login, name, "author");
                Optional<Long> same = store.idBySlug(run.tx, "authors", slug);
                if (same.isPresent()) {
                    id = same.get();
                    run.report.updated("authors");
                } else {
                    id = authors.add(run.tx, slug, WordPressImport.truncate(name, 200), "", "", null);
                    run.report.created("authors");
                }
                store.remember(run.tx, run.source, "author", login, id, "");
            }
            run.authorByLogin.put(login, id);
            store.redirect(run.tx, "/author/" + login, "author", id);
            if (!author.id().isBlank()) {
                store.redirect(run.tx, "/?author=" + author.id().strip(), "author", id);
            }
        }
    }

    /** Newsroom accounts for the export's authors, without passwords until an admin sets them. */
    void accounts(WordPressImport.Run run, Role role) {
        for (Wxr.Author author : run.survey.authors) {
            String email = author.email().strip();
            String name = author.displayName().isBlank() ? author.login().strip() : author.displayName().strip();
            if (!email.contains("@") || name.isEmpty()) {
                run.report.skip("the account for author " + author.login(), "author without an email address");
            } else if (users.addWithoutPassword(run.tx, email, WordPressImport.truncate(name, 200), role).isPresent()) {
                run.report.created("accounts");
            } else {
                run.report.updated("accounts");
            }
        }
    }

    void categories(WordPressImport.Run run) {
        for (Wxr.Term term : run.survey.categories.values()) {
            long id = ensureSection(run, term.slug(), term.name(), term.description());
            run.sectionBySlug.put(term.slug(), id);
            if (!term.id().isBlank()) {
                store.redirect(run.tx, "/?cat=" + term.id().strip(), "section", id);
            }
        }
        // Parents once every section exists, as exports may list a child before its parent.
        for (Wxr.Term term : run.survey.categories.values()) {
            Long parent = term.parent().isBlank() ? null : run.sectionBySlug.get(term.parent().strip());
            long id = run.sectionBySlug.get(term.slug());
            NewSection made = run.createdSections.get(id);
            if (parent != null && parent != id && made != null) {
                sections.update(run.tx, id, made.slug(), made.name(), made.description(), parent, made.position());
            }
            store.redirect(run.tx, "/category/" + categoryPath(run, term), "section", id);
        }
    }

    /** A section this run made, as it was made (so its parent can be set once all exist). */
    record NewSection(String slug, String name, String description, int position) {
    }

    /** The category's old address below /category/: its ancestors' slugs and its own. */
    private static String categoryPath(WordPressImport.Run run, Wxr.Term term) {
        StringBuilder path = new StringBuilder(term.slug());
        java.util.Set<String> seen = new java.util.HashSet<>();
        Wxr.Term at = term;
        while (!at.parent().isBlank() && seen.add(at.slug())) {
            at = run.survey.categories.get(at.parent().strip());
            if (at == null) {
                break;
            }
            path.insert(0, at.slug() + "/");
        }
        return path.toString();
    }

    static long ensureSection(WordPressImport.Run run, String wpSlug, String name, String description) {
        Optional<Long> mapped = run.store.mapped(run.tx, run.source, "category", wpSlug)
                .filter(id -> run.store.exists(run.tx, "sections", id));
        if (mapped.isPresent()) {
            run.report.updated("sections");
            return mapped.get();
        }
        String slug = WordPressImport.slugOr(wpSlug, name, "section");
        Optional<Long> same = run.store.idBySlug(run.tx, "sections", slug);
        long id;
        if (same.isPresent()) {
            id = same.get();
            run.report.updated("sections");
        } else {
            NewSection made = new NewSection(slug, WordPressImport.truncate(WordPressImport.plainName(name, slug), 200), description.strip(),
                    run.store.nextSectionPosition(run.tx));
            id = run.sections.add(run.tx, made.slug(), made.name(), made.description(), null, made.position());
            run.report.created("sections");
            run.createdSections.put(id, made);
        }
        run.store.remember(run.tx, run.source, "category", wpSlug, id, "");
        return id;
    }

    void tags(WordPressImport.Run run) {
        for (Wxr.Term term : run.survey.tags.values()) {
            String slug = WordPressImport.slugOr(term.slug(), term.name(), "tag");
            Optional<Long> existing = store.idBySlug(run.tx, "tags", slug);
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                run.report.updated("tags");
            } else {
                id = tags.add(run.tx, slug, WordPressImport.truncate(WordPressImport.plainName(term.name(), slug), 200));
                run.report.created("tags");
            }
            store.remember(run.tx, run.source, "tag", term.slug(), id, "");
            store.redirect(run.tx, "/tag/" + term.slug(), "tag", id);
            store.redirect(run.tx, "/?tag=" + term.slug(), "tag", id);
        }
    }

    private Optional<Long> mappedExisting(WordPressImport.Run run, String kind, String key, String table) {
        return store.mapped(run.tx, run.source, kind, key).filter(id -> store.exists(run.tx, table, id));
    }
}
