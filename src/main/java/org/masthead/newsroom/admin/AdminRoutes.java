package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import org.masthead.content.ContentStore;
import org.masthead.db.Database;
import org.masthead.accounts.UserStore;
import org.masthead.site.SiteQueries;
import org.masthead.web.Templates;

/**
 * The newsroom's management pages: sections, tags, authors and static pages for editors;
 * accounts and site settings for admins. Each area checks its role in every handler.
 */
public final class AdminRoutes {
    private final SectionRoutes sections;
    private final TagRoutes tags;
    private final AuthorRoutes authors;
    private final PageRoutes pages;
    private final UserRoutes users;
    private final SettingsRoutes settings;

    public AdminRoutes(Database db, ContentStore store, SiteQueries site, UserStore users, Templates templates) {
        AdminQueries queries = new AdminQueries(db);
        this.sections = new SectionRoutes(store, queries, templates);
        this.tags = new TagRoutes(store, queries, templates);
        this.authors = new AuthorRoutes(store, queries, templates);
        this.pages = new PageRoutes(store, queries, templates);
        this.users = new UserRoutes(users, templates);
        this.settings = new SettingsRoutes(store, site, templates);
    }

    public void register(RoutesConfig routes) {
        sections.register(routes);
        tags.register(routes);
        authors.register(routes);
        pages.register(routes);
        users.register(routes);
        settings.register(routes);
    }
}
