package org.masthead.newsroom.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.content.TranslationStore;
import org.masthead.db.Database;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * An article's translations (editors and admins): the articles linked as the same story in other
 * languages, linking one more by its number or address, and unlinking. Reader pages name every
 * published translation (hreflang alternates and a language switcher).
 */
final class TranslationRoutes {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern DESK_ADDRESS = Pattern.compile("/newsroom/articles/(\\d{1,18})(?:/.*)?");
    private static final Pattern READER_ADDRESS = Pattern.compile("/\\d{4}/\\d{2}/\\d{2}/([a-z0-9-]+)/?");

    private final Database db;
    private final ArticleQueries articles;
    private final TranslationStore translations;
    private final EditorRoutes editor;
    private final Templates templates;

    TranslationRoutes(Database db, ArticleQueries articles, TranslationStore translations, EditorRoutes editor,
                      Templates templates) {
        this.db = db;
        this.articles = articles;
        this.translations = translations;
        this.editor = editor;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsroom/articles/{id}/translations", ctx -> page(ctx, 200, "", List.of()));
        routes.post("/newsroom/articles/{id}/translations", this::link);
        routes.post("/newsroom/articles/{id}/translations/{other}/unlink", this::unlink);
    }

    private ArticleQueries.Stored article(Context ctx) {
        ArticleQueries.Stored stored = editor.load(ctx);
        Guard.require(ctx, Role.EDITOR);
        return stored;
    }

    private void page(Context ctx, int status, String typed, List<String> problems) {
        ArticleQueries.Stored stored = article(ctx);
        List<DeskPages.TranslationRow> rows = translations.translationsOf(stored.id()).stream()
                .map(m -> new DeskPages.TranslationRow(m.id(), m.language(), TranslationStore.languageName(m.language()),
                        m.headline(), m.status().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        String notice = ctx.queryParam("linked") != null ? "Linked: readers of either article now see the other."
                : ctx.queryParam("unlinked") != null ? "Unlinked." : null;
        var desk = EditorView.desk(ctx, "Translations of “" + stored.headline() + "”").withErrors(problems);
        ctx.status(status);
        templates.render(ctx, "newsroom/articles/translations.jte", new DeskPages.TranslationsPage(desk, stored.id(),
                stored.headline(), stored.language(), TranslationStore.languageName(stored.language()), rows, typed, notice));
        ctx.status(status);
    }

    private void link(Context ctx) {
        ArticleQueries.Stored stored = article(ctx);
        User user = Guard.session(ctx).user();
        String typed = Optional.ofNullable(ctx.formParam("other")).orElse("").strip();
        Optional<Long> other = find(typed);
        if (other.isEmpty()) {
            page(ctx, 422, typed, List.of(typed.isEmpty()
                    ? "Give the number or the address of the article to link."
                    : "There is no article “" + (typed.length() > 200 ? typed.substring(0, 200) + "…" : typed)
                    + "”: give its number (as in /newsroom/articles/12) or its address on the site."));
            return;
        }
        try {
            db.write(tx -> {
                translations.link(tx, stored.id(), other.get());
                AuditStore.record(tx, user, "linked a translation", "article:" + stored.id(), "article:" + other.get());
                return null;
            });
        } catch (TranslationStore.Refused e) {
            page(ctx, 422, typed, List.of(e.getMessage()));
            return;
        }
        ctx.redirect("/newsroom/articles/" + stored.id() + "/translations?linked", HttpStatus.SEE_OTHER);
    }

    private void unlink(Context ctx) {
        ArticleQueries.Stored stored = article(ctx);
        User user = Guard.session(ctx).user();
        String raw = ctx.pathParam("other");
        if (!NUMBER.matcher(raw).matches()) {
            throw HttpError.notFound("There is no article with that number.");
        }
        long other = Long.parseLong(raw);
        if (other != stored.id() && translations.translationsOf(stored.id()).stream().noneMatch(m -> m.id() == other)) {
            throw HttpError.notFound("That article is not a translation of this one.");
        }
        db.write(tx -> {
            translations.unlink(tx, other);
            AuditStore.record(tx, user, "unlinked a translation", "article:" + stored.id(), "article:" + other);
            return null;
        });
        ctx.redirect("/newsroom/articles/" + stored.id() + "/translations?unlinked", HttpStatus.SEE_OTHER);
    }

    /** An article by its number, its newsroom address or its reader address (absolute or not). */
    private Optional<Long> find(String typed) {
        if (typed.isEmpty() || typed.length() > 2_000) {
            return Optional.empty();
        }
        if (NUMBER.matcher(typed).matches()) {
            long id = Long.parseLong(typed);
            return articles.find(id).map(ArticleQueries.Stored::id);
        }
        String path;
        try {
            URI uri = URI.create(typed);
            path = uri.getRawPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        Matcher desk = DESK_ADDRESS.matcher(path);
        if (desk.matches()) {
            return articles.find(Long.parseLong(desk.group(1))).map(ArticleQueries.Stored::id);
        }
        Matcher reader = READER_ADDRESS.matcher(path);
        return reader.matches() ? articles.idBySlug(reader.group(1)) : Optional.empty();
    }
}
