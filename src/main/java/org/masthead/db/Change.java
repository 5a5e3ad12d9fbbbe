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

    /** The tag naming the row {@code id} of {@code entity}, as {@link #tag()} and owners are written: {@code article:42}. */
    public static String tagOf(String entity, long id) {
        return entity + ":" + id;
    }

    /**
     * The id of the {@code entity} row this change's row belongs to, such as 42 for a comment
     * owned by {@code article:42}; null when it has no owner of that entity.
     */
    public Long ownerId(String entity) {
        String prefix = entity + ":";
        return owner != null && owner.startsWith(prefix) ? Long.valueOf(owner.substring(prefix.length())) : null;
    }

    /** The cache tag of the thing that changed, such as {@code article:42}. */
    public String tag() {
        return tagOf(entity, entityId);
    }
}
