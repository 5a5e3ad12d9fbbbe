package org.masthead.content;

import java.time.Instant;
import java.util.List;

/** Everything an editor sets on an article, as it goes into the store. */
public record ArticleDraft(String slug, String headline, String dek, String bodyMarkdown, String language,
                           ArticleStatus status, long sectionId, List<Long> authorIds, List<Long> tagIds,
                           Long featuredMediaId, List<Long> seeAlsoIds, Instant publishedAt, Instant updatedAt) {
    public ArticleDraft {
        authorIds = List.copyOf(authorIds);
        tagIds = List.copyOf(tagIds);
        seeAlsoIds = List.copyOf(seeAlsoIds);
    }
}
