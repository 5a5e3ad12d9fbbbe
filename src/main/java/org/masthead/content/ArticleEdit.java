package org.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * An article as the newsroom's editor saves it: checked values ready for the store. Tags
 * come as names (unknown ones are created); the public note is a correction or update.
 */
public record ArticleEdit(String slug, String headline, String dek, String bodyMarkdown, String language,
                          long sectionId, List<Long> authorIds, List<String> tagNames, Long featuredMediaId,
                          List<Long> seeAlsoIds, String seoTitle, String seoDescription, ArticleStatus status,
                          Instant publishedAt, String noteKind, String noteText) {
    public ArticleEdit {
        authorIds = List.copyOf(authorIds);
        tagNames = List.copyOf(tagNames);
        seeAlsoIds = List.copyOf(seeAlsoIds);
    }

    /** Who saves, as the revision history names them. */
    public record By(long userId, String userName) {
    }
}
