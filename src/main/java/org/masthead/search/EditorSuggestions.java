package org.masthead.search;

import java.util.List;

/**
 * What the article editor offers: tags to add (from the article's telling words and the tags
 * of its most similar stories) and similar published stories to pin as "See also".
 */
public record EditorSuggestions(List<String> tags, List<Story> stories) {
    public static final EditorSuggestions NONE = new EditorSuggestions(List.of(), List.of());

    /** A story to pin: its slug (what the editor's See also field holds) and headline. */
    public record Story(String slug, String headline) {
    }

    public boolean isEmpty() {
        return tags.isEmpty() && stories.isEmpty();
    }
}
