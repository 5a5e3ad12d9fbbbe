package org.masthead.wordpress;

import java.net.URI;
import java.util.List;

/**
 * The one way an old WordPress address is written as a key of {@code legacy_paths}, both when
 * an import stores it and when a request looks it up: the path without its trailing slash,
 * plus the first query parameter WordPress addresses by ({@code ?p=12}, {@code ?cat=3}…).
 */
public final class LegacyPaths {
    /** Query parameters of WordPress's plain permalinks. */
    static final List<String> PARAMETERS = List.of("p", "page_id", "attachment_id", "cat", "tag", "author");

    private LegacyPaths() {
    }

    /** The key of a full address from the export, or null when it has no usable path. */
    static String ofUrl(String url) {
        try {
            URI uri = URI.create(url.strip().replace(" ", "%20"));
            return of(uri.getRawPath(), uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The key of a request's path and raw query string (either may be null). */
    public static String of(String path, String query) {
        String p = path == null || path.isEmpty() ? "/" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String parameter = parameter(query);
        String key = parameter == null ? p : p + "?" + parameter;
        return key.length() > 500 ? null : key;
    }

    /** Whether a request's query names one of WordPress's addressing parameters (only such requests on / are looked up). */
    public static boolean addressesByQuery(String query) {
        return parameter(query) != null;
    }

    private static String parameter(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && PARAMETERS.contains(pair.substring(0, eq)) && eq < pair.length() - 1) {
                return pair;
            }
        }
        return null;
    }
}
