package org.masthead.comments;

/** Where a comment stands: shown to readers, waiting for a moderator, judged spam, or thrown away. */
public enum CommentStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    SPAM("Spam"),
    TRASH("Trash");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status named in a URL or form ({@code pending}, {@code spam}...), if it is one. */
    public static java.util.Optional<CommentStatus> parse(String name) {
        for (CommentStatus status : values()) {
            if (status.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }
}
