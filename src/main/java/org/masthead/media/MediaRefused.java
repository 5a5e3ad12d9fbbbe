package org.masthead.media;

/**
 * Something the media library will not do (an upload, an edit, a deletion), with the HTTP
 * status that fits and a message that tells the person what to do instead.
 */
public final class MediaRefused extends RuntimeException {
    private final int status;

    public MediaRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
