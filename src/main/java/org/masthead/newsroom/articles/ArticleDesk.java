package org.masthead.newsroom.articles;

import io.javalin.config.RoutesConfig;
import org.masthead.content.ContentStore;
import org.masthead.content.Markdown;
import org.masthead.db.Database;
import org.masthead.site.SiteQueries;
import org.masthead.web.Templates;

/**
 * The newsroom's article desk: the list, the editor with its workflow and preview, and
 * revisions. Built once by the app with the same Markdown pipeline the public pages use.
 */
public final class ArticleDesk {
    private final ListRoutes list;
    private final EditorRoutes editor;
    private final RevisionRoutes revisions;

    public ArticleDesk(Database db, ContentStore store, Markdown markdown, SiteQueries site, Templates templates) {
        ArticleQueries articles = new ArticleQueries(db);
        FormCheck check = new FormCheck(articles, site, new AltText(articles, markdown));
        this.list = new ListRoutes(articles, site, templates);
        this.editor = new EditorRoutes(articles, store, markdown, site, check, new EditorView(articles, site, templates));
        this.revisions = new RevisionRoutes(articles, store, site, check, editor, templates);
    }

    /** Called from the newsroom's routes, behind its guard. */
    public void register(RoutesConfig routes) {
        list.register(routes);
        editor.register(routes);
        revisions.register(routes);
    }
}
