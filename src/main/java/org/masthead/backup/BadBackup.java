package org.masthead.backup;

/** A file that cannot be imported, or a site that cannot take it, said in a sentence; nothing was written. */
public final class BadBackup extends RuntimeException {
    BadBackup(String message) {
        super(message);
    }

    BadBackup(String message, Throwable cause) {
        super(message, cause);
    }
}
