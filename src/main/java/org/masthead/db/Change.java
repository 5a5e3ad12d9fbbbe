package org.masthead.db;

/**
 * One committed write, as recorded in the change log: which entity, which row, what happened,
 * and the tag of what the row belongs to ({@code owner}, such as {@code article:42} for a
 * comment), or null when it stands alone.
 */
public record Change(long sequence, String entity, long entityId, Kind kind, String owner) {
    public enum Kind { CREATED, UPDATED, DELETED }

    public Change(long sequence, String entity, long entityId, Kind kind) {
        this(sequence, entity, entityId, kind, null);
    }

    /** The cache tag of the thing that changed, such as {@code article:42}. */
    public String tag() {
        return entity + ":" + entityId;
    }
}
