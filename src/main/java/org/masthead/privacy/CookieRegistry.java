package org.masthead.privacy;

import java.util.List;
import org.masthead.accounts.Guard;

/**
 * Every cookie and browser-storage key the site itself sets, in one list. The policy page
 * prints its table from here and a test fails when a response sets a cookie not listed, so
 * what readers are told cannot drift from what the code does.
 */
public final class CookieRegistry {

    /** Where the browser keeps it. */
    public enum Kind {
        COOKIE("Cookie"), LOCAL_STORAGE("Local storage"), SESSION_STORAGE("Session storage"),
        /** A frame from another site, loaded only with consent; that site may keep its own cookies and storage. */
        EMBEDDED("Embedded content from another site");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One cookie or storage key: what it is for, how long it lasts, which part of the site sets it. */
    public record Entry(String name, Kind kind, Category category, String purpose, String lifetime, String setBy) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(ConsentCookie.NAME, Kind.COOKIE, Category.NECESSARY,
                    "Remembers your cookie choice (a random consent id, the categories you allowed and the policy "
                            + "version you answered), so we do not ask again on every page.",
                    "6 months", "This site, when you answer the cookie question"),
            new Entry(Guard.SESSION_COOKIE, Kind.COOKIE, Category.NECESSARY,
                    "Keeps a member of staff signed in to the newsroom. Readers never get it.",
                    org.masthead.accounts.SessionStore.LIFETIME.toDays() + " days, or until signing out", "The newsroom, on sign-in"),
            new Entry(Guard.FORM_COOKIE, Kind.COOKIE, Category.NECESSARY,
                    "Protects the newsroom sign-in form against forged submissions from other sites.",
                    "Until the browser is closed", "The newsroom sign-in page"),
            embedded("www.youtube-nocookie.com", "YouTube videos"),
            embedded("player.vimeo.com", "Vimeo videos (with Vimeo's do-not-track setting)"),
            embedded("www.openstreetmap.org", "OpenStreetMap maps"));

    private CookieRegistry() {
    }

    private static Entry embedded(String host, String what) {
        return new Entry(host, Kind.EMBEDDED, Category.EXTERNAL_MEDIA,
                what + " shown inside a story. Until you allow external media, or load one yourself, only a link "
                        + "is shown and nothing is requested from " + host + ". Once loaded, that site receives your "
                        + "IP address and may keep its own cookies or storage under its own privacy policy.",
                "Set by that site", "The other site, when its frame loads");
    }

    /** The cookies and storage keys this site sets itself (not those of embedded sites). */
    public static List<Entry> ownStorage() {
        return ENTRIES.stream().filter(e -> e.kind() != Kind.EMBEDDED).toList();
    }

    /** The names of the cookies this site sets: a request carrying one is a reader's own, never shared. */
    public static java.util.Set<String> ownCookies() {
        return ENTRIES.stream().filter(e -> e.kind() == Kind.COOKIE).map(Entry::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static List<Entry> in(Category category) {
        return ENTRIES.stream().filter(e -> e.category() == category).toList();
    }

    public static boolean lists(Kind kind, String name) {
        return ENTRIES.stream().anyMatch(e -> e.kind() == kind && e.name().equals(name));
    }
}
