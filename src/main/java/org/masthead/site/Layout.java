package org.masthead.site;

import java.util.List;
import org.masthead.content.Section;
import org.masthead.content.SiteSettings;
import org.masthead.privacy.Notice;

/**
 * What the page frame needs besides the page itself: the site, its navigation, and the
 * head's title, description, canonical path, language, paging links and structured data,
 * and the consent notice (the cookie question) when the page is public. {@code feedList} is the
 * path of the list whose own feeds the page offers besides the site's (a section, tag or
 * author page), else null. {@code social} is what link previews show, or null on pages that are
 * not shared (cookie settings, errors). {@code searchQuery} is the words in the header's search
 * box (empty but on the search page).
 */
public record Layout(SiteSettings site, List<Section> navigation, String title, String description,
                     String canonicalPath, String language, String previousUrl, String nextUrl, String jsonLd,
                     String currentSectionSlug, boolean noindex, String banner, Notice privacy, String feedList,
                     String feedTitle, Social social, String searchQuery,
                     java.util.Map<String, String> alternates) {

    public String rss(String listPath) {
        return org.masthead.content.FeedPaths.rss(listPath);
    }

    public String atom(String listPath) {
        return org.masthead.content.FeedPaths.atom(listPath);
    }

    public String fullTitle() {
        return title == null || title.isEmpty() ? site.name() + " — " + site.tagline() : title + " — " + site.name();
    }

    /** Collects a layout's parts; everything but the site, navigation and path is optional. */
    public static final class Builder {
        private final SiteSettings site;
        private final List<Section> navigation;
        private String title = "";
        private String description = "";
        private String canonicalPath;
        private String language;
        private String previousUrl;
        private String nextUrl;
        private String jsonLd;
        private String currentSection;
        private boolean noindex;
        private String banner;
        private Notice privacy;
        private String feedList;
        private String feedTitle;
        private Social social;
        private String searchQuery = "";
        private java.util.Map<String, String> alternates = java.util.Map.of();

        public Builder(SiteSettings site, List<Section> navigation, String path) {
            this.site = site;
            this.navigation = navigation;
            this.canonicalPath = path;
            this.language = site.language();
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder canonical(String path) {
            canonicalPath = path;
            return this;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder paging(String previous, String next) {
            previousUrl = previous;
            nextUrl = next;
            return this;
        }

        public Builder jsonLd(String value) {
            jsonLd = value;
            return this;
        }

        public Builder currentSection(String slug) {
            currentSection = slug;
            return this;
        }

        public Builder noindex() {
            noindex = true;
            return this;
        }

        /** A line above the page, such as the notice that a preview is not published. */
        public Builder banner(String text) {
            banner = text;
            return this;
        }

        /** The consent notice to show; public pages always set it (see SiteRoutes.layout). */
        public Builder privacy(Notice value) {
            privacy = value;
            return this;
        }

        /** The page lists a section's, tag's or author's stories, which have feeds of their own at {@code listPath}. */
        public Builder feeds(String listPath, String name) {
            feedList = listPath;
            feedTitle = name;
            return this;
        }

        public Builder social(Social value) {
            social = value;
            return this;
        }

        /** The words the header's search box shows: the search page's own query. */
        public Builder searchQuery(String value) {
            searchQuery = value;
            return this;
        }

        /** The same page in other languages: language tag to absolute address, this page's own included. */
        public Builder alternates(java.util.Map<String, String> byLanguage) {
            alternates = byLanguage;
            return this;
        }

        public Layout build() {
            return new Layout(site, navigation, title, description, canonicalPath, language, previousUrl, nextUrl,
                    jsonLd, currentSection, noindex, banner, privacy, feedList, feedTitle, social, searchQuery, alternates);
        }
    }
}
