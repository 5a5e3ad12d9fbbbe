package org.masthead.search;

import java.util.List;

/** A published article as the index holds it: its words, where it belongs, and when it was published. */
record IndexedArticle(long id, String slug, String headline, String dek, String bodyText, String language,
                      Named section, List<Named> authors, List<Named> tags, long publishedAt, Long updatedAt) {

    /** A section, author or tag: the slug filters use and the name readers see. */
    record Named(String slug, String name) {
    }
}
