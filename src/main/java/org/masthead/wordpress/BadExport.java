package org.masthead.wordpress;

/** A file that is not a WordPress export we can read: not well-formed XML, or not WXR 1.0 to 1.2. */
public final class BadExport extends RuntimeException {
    public BadExport(String message) {
        super(message);
    }
}
