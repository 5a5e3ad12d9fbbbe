package org.masthead.newsroom;

import java.util.List;

/**
 * The newsroom's page frame: who is signed in, the token forms must carry, the page's
 * title and place in the navigation, and a notice or errors to show at the top.
 */
public record Desk(User user, String csrfToken, String title, String active, String notice, List<String> errors) {
    public Desk {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A navigation entry, shown to users who hold at least {@code role}. */
    public record NavItem(String key, String label, String url, Role role) {
    }

    /** Every newsroom area; each feature adds its entry here when it exists. */
    public static final List<NavItem> NAVIGATION = List.of(
            new NavItem("dashboard", "Dashboard", "/newsroom", Role.CONTRIBUTOR),
            new NavItem("articles", "Articles", "/newsroom/articles", Role.CONTRIBUTOR),
            new NavItem("media", "Media", "/newsroom/media", Role.CONTRIBUTOR),
            new NavItem("sections", "Sections", "/newsroom/sections", Role.EDITOR),
            new NavItem("tags", "Tags", "/newsroom/tags", Role.EDITOR),
            new NavItem("authors", "Authors", "/newsroom/authors", Role.EDITOR),
            new NavItem("pages", "Pages", "/newsroom/pages", Role.EDITOR),
            new NavItem("commenters", "Commenters", "/newsroom/commenters", Role.EDITOR),
            new NavItem("users", "Users", "/newsroom/users", Role.ADMIN),
            new NavItem("settings", "Settings", "/newsroom/settings", Role.ADMIN),
            new NavItem("account", "Your account", "/newsroom/account", Role.CONTRIBUTOR),
            new NavItem("audit", "Audit log", "/newsroom/audit", Role.ADMIN),
            new NavItem("privacy", "Privacy", "/newsroom/privacy", Role.ADMIN));

    public List<NavItem> navigation() {
        if (user == null) {
            return List.of();
        }
        return NAVIGATION.stream().filter(item -> user.can(item.role())).toList();
    }

    public Desk withNotice(String text) {
        return new Desk(user, csrfToken, title, active, text, errors);
    }

    public Desk withErrors(List<String> problems) {
        return new Desk(user, csrfToken, title, active, notice, problems);
    }
}
