package org.masthead.search;

import java.util.List;

/**
 * What a search found: how many stories in all (or that there are more than {@code total}),
 * this page's hits, whether every word had to match (false when none matched all of them and
 * stories with some are shown), and a spelling suggestion (null when none).
 */
record SearchResults(long total, boolean moreThan, List<Hit> hits, boolean allWords, String didYouMean) {

    /** One story found, with its headline and a passage of its text, both HTML with the matched words marked. */
    record Hit(long id, String slug, String headlineHtml, String snippetHtml, String sectionSlug, String sectionName,
               long publishedAt) {
    }
}
