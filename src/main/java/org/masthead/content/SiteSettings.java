package org.masthead.content;

import java.time.ZoneId;

/** The site's identity and locale, editable by its admins. */
public record SiteSettings(String name, String tagline, String language, ZoneId zone) {
    public static final SiteSettings DEFAULTS =
            new SiteSettings("Masthead", "An independent news site", "en", ZoneId.of("UTC"));
}
