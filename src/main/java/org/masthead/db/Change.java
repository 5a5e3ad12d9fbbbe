package org.masthead.db;

/** One committed write, as recorded in the change log: which entity, which row, what happened. */
public record Change(long sequence, String entity, long entityId, Kind kind) {
    public enum Kind { CREATED, UPDATED, DELETED }

    /** The cache tag of the thing that changed, such as {@code article:42}. */
    public String tag() {
        return entity + ":" + entityId;
    }
}
