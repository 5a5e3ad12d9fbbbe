package org.masthead.newsroom.articles;

import org.masthead.search.SearchIndex;
import io.javalin.config.RoutesConfig;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.db.Database;
import org.masthead.web.Templates;

/**
 * The newsroom's article desk: the list, the editor with its workflow and preview, and
 * revisions and translations. The app hands it the stores and queries, and the same Markdown pipeline the
 * public pages use; it puts its own routes together from them.
 */
public final class ArticleDesk {
    private final ListRoutes list;
    private final EditorRoutes editor;
    private final RevisionRoutes revisions;
    private final TranslationRoutes translations;

    public ArticleDesk(Database db, ArticleStore store, ArticleQueries articles, ArticleWorkflow workflow,
                       SettingsStore settings, SectionStore sections, Markdown markdown, SearchIndex search,
                       Templates templates) {
        this.list = new ListRoutes(articles, sections, templates);
        this.editor = new EditorRoutes(db, articles, store, markdown, settings, workflow,
                new EditorView(articles, settings, sections, search, templates));
        this.revisions = new RevisionRoutes(db, articles, store, settings, workflow.check(), editor, templates);
        this.translations = new TranslationRoutes(db, articles, new org.masthead.content.TranslationStore(db), editor,
                templates);
    }

    /** Called from the newsroom's routes, behind its guard. */
    public void register(RoutesConfig routes) {
        list.register(routes);
        editor.register(routes);
        revisions.register(routes);
        translations.register(routes);
    }
}
