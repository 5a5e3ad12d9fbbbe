package org.masthead.privacy;

import java.util.regex.Pattern;

/** Where to send a reader back after a form: a path on this site, never another site's address. */
final class ReturnPath {
    // One slash then not a second slash or backslash (which browsers read as "//host"), printable ASCII only.
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e&&[^\\\\]]*");

    private ReturnPath() {
    }

    static String safe(String path) {
        if (path == null || path.length() > 2000 || !LOCAL.matcher(path).matches()) {
            return "/";
        }
        return path;
    }
}
