package org.masthead.search;

import java.util.Locale;

/** The names of the index's fields; the headline, dek and body fields are per language (see {@link Analyzers}). */
final class Fields {
    static final String ID = "id";
    static final String LANGUAGE = "lang";
    static final String SLUG = "slug";
    static final String HEADLINE_WORDS = "headline_words";
    static final String SPELLING = "spelling";
    static final String SECTION = "section";
    static final String SECTION_NAME = "section_name";
    static final String SECTION_WORDS = "section_words";
    static final String AUTHOR = "author";
    static final String AUTHOR_WORDS = "author_words";
    static final String TAG = "tag";
    static final String TAG_WORDS = "tag_words";
    /** Lowercased tag name, a tab, then the slug: autocomplete walks these terms by prefix. */
    static final String TAG_KEY = "tag_key";
    static final String PUBLISHED = "published";
    static final String SAME_HEADLINE = "same_headline";
    static final String SAME_BODY = "same_body";

    private Fields() {
    }

    static String tagKey(IndexedArticle.Named tag) {
        return tag.name().toLowerCase(Locale.ROOT) + "\t" + tag.slug() + "\t" + tag.name();
    }
}
