package org.masthead.content;

/**
 * Where the feeds of a list live: the whole site at /rss.xml and /atom.xml, a section, tag or
 * author below its own page (/section/world/rss.xml). Pages name them for autodiscovery.
 */
public final class FeedPaths {
    private FeedPaths() {
    }

    /** {@code listPath} is "" for the whole site, else the list page's path, such as /tag/climate. */
    public static String rss(String listPath) {
        return listPath + "/rss.xml";
    }

    public static String atom(String listPath) {
        return listPath + "/atom.xml";
    }
}
