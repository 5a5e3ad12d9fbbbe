package org.masthead.search;

import java.time.LocalDate;

/**
 * One search as the page asks for it: the reader's text, the filters (null when unset), the
 * order and the page number.
 */
record SearchRequest(QueryText text, String section, String author, String tag, LocalDate from, LocalDate to,
                     boolean newestFirst, int page) {
    static final int PAGE_SIZE = 10;
    /** Deeper pages cost more to collect and nobody reads them: refine the query instead. */
    static final int MAX_PAGE = 100;
}
