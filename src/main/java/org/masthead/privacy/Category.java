package org.masthead.privacy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The kinds of cookie and storage a reader can allow; only the first is on without asking. */
public enum Category {
    NECESSARY("necessary", "Necessary",
            "Keep the site working: remember your cookie choice, keep staff signed in, protect forms. Always on."),
    PREFERENCES("preferences", "Preferences",
            "Remember settings you choose on this site, such as your name for the comment form."),
    STATISTICS("statistics", "Statistics",
            "Count visits to pages, without identifying you, so we know which stories are read."),
    EXTERNAL_MEDIA("media", "External media",
            "Show videos and maps from other sites (YouTube, Vimeo, OpenStreetMap) inside our pages. "
                    + "Those sites then receive your IP address and may set their own cookies.");

    private final String key;
    private final String label;
    private final String description;

    Category(String key, String label, String description) {
        this.key = key;
        this.label = label;
        this.description = description;
    }

    /** The short name used in forms, the consent cookie and the consent log. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean optional() {
        return this != NECESSARY;
    }

    public static Optional<Category> byKey(String key) {
        for (Category c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The categories a reader may switch on or off. */
    public static Set<Category> optionalOnes() {
        return EnumSet.complementOf(EnumSet.of(NECESSARY));
    }
}
