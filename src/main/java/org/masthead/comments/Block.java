package org.masthead.comments;

import java.util.Locale;
import java.util.Optional;

/** One blocklist entry moderators keep: a word, a link domain, an email address or an IP address. */
public record Block(long id, Kind kind, String value) {

    public enum Kind {
        WORD("Word"), DOMAIN("Domain"), EMAIL("Email"), IP("IP address");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Kind> parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A value as it is stored: trimmed and lowercased, a domain without "www.". */
    public static String normalise(Kind kind, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return kind == Kind.DOMAIN && v.startsWith("www.") ? v.substring(4) : v;
    }
}
