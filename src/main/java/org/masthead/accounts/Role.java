package org.masthead.accounts;

import java.util.Locale;

/**
 * What a newsroom account may do, with WordPress's meaning; each role can do everything
 * the ones before it can.
 */
public enum Role {
    /** Writes drafts and submits them for review. */
    CONTRIBUTOR,
    /** Also publishes their own articles. */
    AUTHOR,
    /** Also edits and publishes everyone's, and manages sections, tags and comments. */
    EDITOR,
    /** Also manages users and site settings. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Parses "editor", "Editor" or "EDITOR"; a clear error names the choices otherwise. */
    public static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "'; choose contributor, author, editor or admin");
        }
    }
}
