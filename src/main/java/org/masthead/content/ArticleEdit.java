package org.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * An article as it goes into the store, from the newsroom's editor, the demo loader or a
 * test: checked values. Tags come as names (unknown ones are created); the public note is a
 * correction or update. {@code updatedAt} is the "Updated" time readers see when the writer
 * sets it (the demo does); null lets the store decide: none for a new article, now for an
 * edit to a live one.
 */
public record ArticleEdit(String slug, String headline, String dek, String bodyMarkdown, String language,
                          long sectionId, List<Long> authorIds, List<String> tagNames, Long featuredMediaId,
                          List<Long> seeAlsoIds, String seoTitle, String seoDescription, ArticleStatus status,
                          Instant publishedAt, Instant updatedAt, String noteKind, String noteText,
                          boolean commentsOpen) {
    public ArticleEdit {
        authorIds = List.copyOf(authorIds);
        tagNames = List.copyOf(tagNames);
        seeAlsoIds = List.copyOf(seeAlsoIds);
    }

    /**
     * An article with only what every article has, as fixtures begin one: in English, with
     * no byline, tags, image, links, search-engine words or note, and open to comments.
     */
    public static ArticleEdit of(String slug, String headline, String dek, String bodyMarkdown, long sectionId,
                                 ArticleStatus status, Instant publishedAt) {
        return new ArticleEdit(slug, headline, dek, bodyMarkdown, "en", sectionId, List.of(), List.of(), null, List.of(),
                "", "", status, publishedAt, null, null, null, true);
    }

    public ArticleEdit withByline(List<Long> newAuthorIds) {
        return new ArticleEdit(slug, headline, dek, bodyMarkdown, language, sectionId, newAuthorIds, tagNames,
                featuredMediaId, seeAlsoIds, seoTitle, seoDescription, status, publishedAt, updatedAt, noteKind, noteText,
                commentsOpen);
    }

    public ArticleEdit withTags(List<String> newTagNames) {
        return new ArticleEdit(slug, headline, dek, bodyMarkdown, language, sectionId, authorIds, newTagNames,
                featuredMediaId, seeAlsoIds, seoTitle, seoDescription, status, publishedAt, updatedAt, noteKind, noteText,
                commentsOpen);
    }

    public ArticleEdit withImage(Long newFeaturedMediaId) {
        return new ArticleEdit(slug, headline, dek, bodyMarkdown, language, sectionId, authorIds, tagNames,
                newFeaturedMediaId, seeAlsoIds, seoTitle, seoDescription, status, publishedAt, updatedAt, noteKind,
                noteText, commentsOpen);
    }

    /** Who saves, as the revision history names them; {@link #SYSTEM} for the site itself (the demo, fixtures). */
    public record By(Long userId, String userName) {
        public static final By SYSTEM = new By(null, "system");
    }
}
