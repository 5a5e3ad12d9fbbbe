package org.masthead.content;

/** A save based on an older version of the article than the stored one; nothing was written. */
public final class EditConflict extends RuntimeException {
    private final int storedVersion;

    public EditConflict(int storedVersion) {
        super("the article was saved by someone else meanwhile (now version " + storedVersion + ")", null, false, false);
        this.storedVersion = storedVersion;
    }

    public int storedVersion() {
        return storedVersion;
    }
}
