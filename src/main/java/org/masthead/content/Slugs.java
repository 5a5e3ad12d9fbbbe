package org.masthead.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for the URL names of articles, sections, tags, authors and pages: lowercase
 * a-z, digits and single hyphens between them, at most {@link #MAX_LENGTH} characters (the
 * width of every slug column). The newsroom's forms, the reader routes and the templates'
 * input patterns all read it from here.
 */
public final class Slugs {
    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 200;

    private Slugs() {
    }

    /** "Café crowds on Bridge St." is {@code cafe-crowds-on-bridge-st}; long ones end at a word. */
    public static String of(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "").replaceAll("-+$", "");
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }
}
