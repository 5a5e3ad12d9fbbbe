package org.masthead.newsroom.articles;

import org.masthead.search.EditorSuggestions;
import org.masthead.search.SearchIndex;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.ArticleStatus;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.newsroom.Desk;
import org.masthead.accounts.Guard;
import org.masthead.accounts.User;
import org.masthead.content.ArticlePaths;
import org.masthead.web.Templates;

/** Renders the editor page: the form as typed, the choices it offers, the buttons this user may press. */
final class EditorView {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EditorView.class);
    private final ArticleQueries articles;
    private final SearchIndex search;
    private final SettingsStore settings;
    private final SectionStore sections;
    private final Templates templates;

    EditorView(ArticleQueries articles, SettingsStore settings, SectionStore sections, SearchIndex search,
               Templates templates) {
        this.articles = articles;
        this.search = search;
        this.settings = settings;
        this.sections = sections;
        this.templates = templates;
    }

    /** What to show besides the form: a notice, errors, a preview, a conflicting version. */
    record Extras(String notice, List<String> errors, String previewHtml, DeskPages.Conflict conflict, boolean unsaved) {
        static final Extras NONE = new Extras(null, List.of(), null, null, false);
    }

    static Desk desk(Context ctx, String title) {
        return Desk.of(ctx, title, "articles");
    }

    void render(Context ctx, int status, ArticleQueries.Stored stored, ArticleForm form, Extras extras) {
        User user = Guard.session(ctx).user();
        ArticleStatus current = stored == null ? null : stored.status();
        Long createdBy = stored == null ? Long.valueOf(user.id()) : stored.createdBy();
        Desk desk = desk(ctx, stored == null ? "New article" : "Edit article").withErrors(extras.errors());
        if (extras.notice() != null) {
            desk = desk.withNotice(extras.notice());
        }
        List<DeskPages.Button> buttons = Workflow.available(user, createdBy, current).stream()
                .map(a -> new DeskPages.Button(a.value(), a.label)).toList();
        String previewUrl = stored != null && stored.previewToken() != null && current != ArticleStatus.PUBLISHED
                ? "/preview/" + stored.previewToken() : null;
        java.time.ZoneId zone = settings.current().zone();
        String publicUrl = current == ArticleStatus.PUBLISHED && stored.publishedAt() != null
                ? ArticlePaths.url(stored.slug(), stored.publishedAt(), zone) : null;
        DeskPages.EditorPage page = new DeskPages.EditorPage(desk, stored == null ? null : stored.id(),
                DeskPages.statusLabel(current), form, sections.all(), authorChoices(form), mediaChoices(),
                FormCheck.NOTE_KINDS, buttons, extras.previewHtml(), previewUrl, publicUrl, extras.conflict(),
                zone.getId(), extras.unsaved(), suggestions(stored, form));
        ctx.status(status);
        templates.render(ctx, "newsroom/articles/editor.jte", page);
        ctx.status(status);
    }

    /** Tags and "See also" stories the search index finds for the text in the form; none when it fails. */
    private EditorSuggestions suggestions(ArticleQueries.Stored stored, ArticleForm form) {
        try {
            return search.suggestionsFor(stored == null ? null : stored.id(), form.language(), form.headline(),
                    form.body(), ArticleForm.list(form.tags()), ArticleForm.list(form.seeAlso()));
        } catch (RuntimeException e) {
            LOG.warn("no suggestions for the editor", e);
            return EditorSuggestions.NONE;
        }
    }

    /** Chosen authors first, in byline order, then everyone else by name. */
    private List<DeskPages.AuthorChoice> authorChoices(ArticleForm form) {
        List<ArticleQueries.Byline> all = articles.bylines();
        List<DeskPages.AuthorChoice> choices = new ArrayList<>();
        for (long id : form.authors()) {
            all.stream().filter(a -> a.id() == id).findFirst()
                    .ifPresent(a -> choices.add(new DeskPages.AuthorChoice(a.id(), a.name(), true, form.position(a.id()))));
        }
        for (ArticleQueries.Byline a : all) {
            if (!form.hasAuthor(a.id())) {
                choices.add(new DeskPages.AuthorChoice(a.id(), a.name(), false, ""));
            }
        }
        return choices;
    }

    private List<DeskPages.MediaChoice> mediaChoices() {
        return articles.media().stream().map(m -> new DeskPages.MediaChoice(m.id(),
                m.fileName() + " — " + (m.alt() == null || m.alt().isBlank() ? "(no alt text)" : m.alt()))).toList();
    }
}
