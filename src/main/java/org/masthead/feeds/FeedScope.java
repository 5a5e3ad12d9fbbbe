package org.masthead.feeds;

import java.util.List;

/**
 * Which stories a feed lists: all of them, or one section (with its subsections), tag or
 * author's. {@code listPath} is the list page's path ("" for the whole site).
 */
record FeedScope(Kind kind, String title, String description, String listPath, List<Long> ids) {
    enum Kind { SITE, SECTION, TAG, AUTHOR }

    static FeedScope site(String title, String description) {
        return new FeedScope(Kind.SITE, title, description, "", List.of());
    }
}
