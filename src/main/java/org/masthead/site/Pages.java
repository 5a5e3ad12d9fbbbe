package org.masthead.site;

import java.util.List;
import org.masthead.content.Author;
import org.masthead.content.Page;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.privacy.ReaderConsent;

/** The typed models of the reader pages, one per template. */
public final class Pages {
    private Pages() {
    }

    /** A block of stories under a section heading on the home page. */
    public record SectionBlock(String name, String url, List<ArticleSummary> stories) {
    }

    public record HomePage(Layout layout, ArticleSummary lead, List<ArticleSummary> topStories,
                           List<SectionBlock> sections) {
    }

    /** A piece of an article body: stored HTML, or a "See also" link placed between paragraphs. */
    public sealed interface BodyPart permits Html, SeeAlso {
    }

    public record Html(String html) implements BodyPart {
    }

    public record SeeAlso(ArticleSummary article) implements BodyPart {
    }

    public record ArticlePage(Layout layout, ArticleView article, List<BodyPart> body, List<ArticleSummary> related,
                              org.masthead.comments.CommentsView comments, List<Translation> translations) {
    }

    /** Section, tag and author pages: a heading, a line of introduction (an author's bio too) and a paged list. */
    public record ListingPage(Layout layout, String kind, String heading, String intro, Author author,
                              Tag tag, List<Section> parents, List<Section> subsections, Paged<ArticleSummary> articles,
                              String baseUrl) {
        public String pageUrl(int page) {
            return page <= 1 ? baseUrl : baseUrl + "?page=" + page;
        }
    }

    public record StaticPage(Layout layout, Page page) {
    }

    /** The cookie settings page: every category with what it does, the reader's current answer, and a form to change it. */
    public record CookieSettingsPage(Layout layout, ReaderConsent consent, boolean saved) {
    }

    public record ErrorPage(Layout layout, int status, String heading, String message, List<ArticleSummary> suggestions) {
    }
}
