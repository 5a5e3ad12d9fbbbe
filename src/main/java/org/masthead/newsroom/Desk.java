package org.masthead.newsroom;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.User;

/**
 * The newsroom's page frame: who is signed in, the token forms must carry, the page's
 * title and place in the navigation, a notice or errors to show at the top, and the
 * counts shown beside navigation entries (work waiting there), by entry key.
 */
public record Desk(User user, String csrfToken, String title, String active, String notice, List<String> errors,
                   Map<String, Badge> badges) {
    /** A request attribute: what gives the counts beside the navigation, asked only when a page is shown. */
    static final String BADGES = "masthead.badges";

    public Desk {
        errors = errors == null ? List.of() : List.copyOf(errors);
        badges = badges == null ? Map.of() : Map.copyOf(badges);
    }

    public Desk(User user, String csrfToken, String title, String active, String notice, List<String> errors) {
        this(user, csrfToken, title, active, notice, errors, Map.of());
    }

    /** The frame of a signed-in page: the session's user and token, and the navigation's badges. */
    public static Desk of(Context ctx, String title, String active) {
        SessionStore.Session session = Guard.session(ctx);
        Function<User, Map<String, Badge>> counts = ctx.attribute(BADGES);
        return new Desk(session.user(), session.csrfToken(), title, active, null, List.of(),
                counts == null ? Map.of() : counts.apply(session.user()));
    }

    /** A count beside a navigation entry and what it counts, such as "pending". */
    public record Badge(long count, String meaning) {
    }

    /** A navigation entry, shown to users who hold at least {@code role}. */
    public record NavItem(String key, String label, String url, Role role) {
    }

    /** Every newsroom area; each feature adds its entry here when it exists. */
    public static final List<NavItem> NAVIGATION = List.of(
            new NavItem("dashboard", "Dashboard", "/newsroom", Role.CONTRIBUTOR),
            new NavItem("articles", "Articles", "/newsroom/articles", Role.CONTRIBUTOR),
            new NavItem("media", "Media", "/newsroom/media", Role.CONTRIBUTOR),
            new NavItem("comments", "Comments", "/newsroom/comments", Role.EDITOR),
            new NavItem("commenters", "Commenters", "/newsroom/commenters", Role.EDITOR),
            new NavItem("sections", "Sections", "/newsroom/sections", Role.EDITOR),
            new NavItem("tags", "Tags", "/newsroom/tags", Role.EDITOR),
            new NavItem("authors", "Authors", "/newsroom/authors", Role.EDITOR),
            new NavItem("pages", "Pages", "/newsroom/pages", Role.EDITOR),
            new NavItem("users", "Users", "/newsroom/users", Role.ADMIN),
            new NavItem("settings", "Settings", "/newsroom/settings", Role.ADMIN),
            new NavItem("import", "Import", "/newsroom/import", Role.ADMIN),
            new NavItem("account", "Your account", "/newsroom/account", Role.CONTRIBUTOR),
            new NavItem("audit", "Audit log", "/newsroom/audit", Role.ADMIN),
            new NavItem("privacy", "Privacy", "/newsroom/privacy", Role.ADMIN));

    public List<NavItem> navigation() {
        if (user == null) {
            return List.of();
        }
        return NAVIGATION.stream().filter(item -> user.can(item.role())).toList();
    }

    /** The badge of a navigation entry, or null when nothing is waiting there. */
    public Badge badge(String key) {
        Badge badge = badges.get(key);
        return badge == null || badge.count() == 0 ? null : badge;
    }

    public Desk withNotice(String text) {
        return new Desk(user, csrfToken, title, active, text, errors, badges);
    }

    public Desk withErrors(List<String> problems) {
        return new Desk(user, csrfToken, title, active, notice, problems, badges);
    }
}
