package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.Author;
import org.masthead.content.Media;
import org.masthead.content.PublishingSettings;
import org.masthead.content.Section;
import org.masthead.content.SiteSettings;
import org.masthead.web.Dates;
import org.masthead.web.Json;

/**
 * schema.org JSON-LD for search engines: the site, a news article (typed by its label) with its
 * publisher, corrections and breadcrumb, and a writer's profile page.
 */
final class StructuredData {

    /** The publisher's logo: a media-library image, or the site's icon when none was chosen. */
    record Logo(String path, int width, int height) {
        static final Logo ICON = new Logo("/static/favicon.svg", 0, 0);

        static Logo of(Media media) {
            return media == null ? ICON : new Logo(Media.URL_PREFIX + media.fileName(), media.width(), media.height());
        }
    }

    String website(SiteSettings site, String origin) {
        // The SearchAction tells search engines how to search the site from their own results page.
        return Json.write(ordered("@context", "https://schema.org", "@type", "WebSite",
                "name", site.name(), "description", site.tagline(), "url", origin + "/", "inLanguage", site.language(),
                "potentialAction", ordered("@type", "SearchAction",
                        "target", ordered("@type", "EntryPoint", "urlTemplate", origin + "/search?q={search_term_string}"),
                        "query-input", "required name=search_term_string")));
    }

    String article(SiteSettings site, PublishingSettings publishing, Logo logo, ArticleView article, String origin) {
        List<Object> crumbs = new ArrayList<>();
        crumbs.add(crumb(1, "Home", origin + "/"));
        for (Section section : article.sectionTrail()) {
            crumbs.add(crumb(crumbs.size() + 1, section.name(), origin + section.url()));
        }
        crumbs.add(crumb(crumbs.size() + 1, article.headline(), origin + article.url()));
        List<Object> authors = article.authors().stream()
                .map(a -> (Object) ordered("@type", "Person", "name", a.name(), "url", origin + a.url())).toList();
        Map<String, Object> news = ordered("@type", schemaType(article.label()),
                "headline", article.headline(),
                "description", article.pageDescription(),
                "inLanguage", article.language(),
                "datePublished", Dates.machine(article.publishedAt(), site.zone()),
                "dateModified", Dates.machine(article.lastChanged(), site.zone()),
                "author", authors,
                "articleSection", article.section().name(),
                "keywords", article.tags().stream().map(t -> (Object) t.name()).toList(),
                "image", article.image() == null ? null : images(article.image(), origin),
                "url", origin + article.url(),
                "mainEntityOfPage", origin + article.url(),
                "publisher", publisher(site, publishing, logo, origin));
        if (article.isSponsored()) {
            news.put("sponsor", ordered("@type", "Organization", "name", article.sponsor()));
        }
        if (article.hasNote() && "Correction".equals(article.noteKind())) {
            news.put("correction", List.of(ordered("@type", "CorrectionComment", "text", article.noteText(),
                    "datePublished", Dates.machine(article.noteAt(), site.zone()))));
        }
        Map<String, Object> breadcrumb = ordered("@type", "BreadcrumbList", "itemListElement", crumbs);
        return Json.write(ordered("@context", "https://schema.org", "@graph", List.of(news, breadcrumb)));
    }

    /** schema.org's type for each label: reporting, opinion, analysis, review, or paid content. */
    static String schemaType(String label) {
        return switch (label) {
            case "Opinion" -> "OpinionNewsArticle";
            case "Analysis" -> "AnalysisNewsArticle";
            case "Review" -> "ReviewNewsArticle";
            case "Sponsored" -> "AdvertiserContentArticle";
            default -> "NewsArticle";
        };
    }

    /** Every size the picture exists in, each with its real width and height. */
    private static List<Object> images(Media image, String origin) {
        if (image.widths().isEmpty()) {
            return List.of(imageObject(origin + Media.URL_PREFIX + image.fileName(), image.width(), image.height()));
        }
        return image.widths().stream()
                .map(w -> (Object) imageObject(origin + image.variantUrl(w), w, image.heightAt(w))).toList();
    }

    private static Map<String, Object> imageObject(String url, int width, int height) {
        return width > 0 ? ordered("@type", "ImageObject", "url", url, "width", width, "height", height)
                : ordered("@type", "ImageObject", "url", url);
    }

    private static Map<String, Object> publisher(SiteSettings site, PublishingSettings publishing, Logo logo, String origin) {
        Map<String, Object> publisher = ordered("@type", "NewsMediaOrganization", "name", site.name(), "url", origin + "/",
                "logo", imageObject(origin + logo.path(), logo.width(), logo.height()));
        publishing.policies().forEach((property, slug) -> {
            if (!slug.isEmpty()) {
                publisher.put(property, origin + "/" + slug);
            }
        });
        return publisher;
    }

    String profile(Author author, String origin) {
        Map<String, Object> person = ordered("@type", "Person", "name", author.name(),
                "jobTitle", author.role().isBlank() ? null : author.role(), "url", origin + author.url(),
                "image", author.photo() == null ? null : origin + author.photo().url(480));
        return Json.write(ordered("@context", "https://schema.org", "@type", "ProfilePage", "url", origin + author.url(),
                "mainEntity", person));
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        return ordered("@type", "ListItem", "position", position, "name", name, "item", url);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
