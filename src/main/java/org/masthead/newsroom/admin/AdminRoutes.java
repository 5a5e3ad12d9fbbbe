package org.masthead.newsroom.admin;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.masthead.accounts.ApiTokenStore;
import org.masthead.accounts.UserStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.TagStore;
import org.masthead.db.Database;
import org.masthead.web.Templates;

/**
 * The newsroom's management pages: sections, tags, authors and static pages for editors
 * (each a {@link Managed} kind on the shared {@link ManagementRoutes}); accounts and site
 * settings for admins. Each area checks its role in every handler.
 */
public final class AdminRoutes {
    private final List<ManagementRoutes<?, ?>> managed;
    private final UserRoutes users;
    private final TokenRoutes tokens;
    private final SettingsRoutes settings;

    public AdminRoutes(Database db, AdminQueries queries, SectionStore sections, TagStore tags, AuthorStore authors,
                       PageStore pages, SettingsStore settings, UserStore users, ApiTokenStore tokens,
                       Templates templates) {
        this.managed = List.of(
                new ManagementRoutes<>(new SectionAdmin(sections, queries), db, templates),
                new ManagementRoutes<>(new TagAdmin(tags, queries), db, templates),
                new ManagementRoutes<>(new AuthorAdmin(authors, queries), db, templates),
                new ManagementRoutes<>(new PageAdmin(pages, queries), db, templates));
        this.users = new UserRoutes(users, templates);
        this.tokens = new TokenRoutes(db, users, tokens, templates);
        this.settings = new SettingsRoutes(db, settings, queries, templates);
    }

    public void register(RoutesConfig routes) {
        managed.forEach(kind -> kind.register(routes));
        users.register(routes);
        tokens.register(routes);
        settings.register(routes);
    }
}
