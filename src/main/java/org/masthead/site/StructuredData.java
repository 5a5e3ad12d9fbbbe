package org.masthead.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.Author;
import org.masthead.content.Section;
import org.masthead.content.SiteSettings;
import org.masthead.web.Dates;
import org.masthead.web.Json;

/** schema.org JSON-LD for search engines: the site, a news article with its breadcrumb, a person. */
final class StructuredData {

    String website(SiteSettings site, String origin) {
        return Json.write(ordered("@context", "https://schema.org", "@type", "WebSite",
                "name", site.name(), "description", site.tagline(), "url", origin + "/"));
    }

    String article(SiteSettings site, ArticleView article, String origin) {
        List<Object> crumbs = new ArrayList<>();
        crumbs.add(crumb(1, "Home", origin + "/"));
        for (Section section : article.sectionTrail()) {
            crumbs.add(crumb(crumbs.size() + 1, section.name(), origin + section.url()));
        }
        crumbs.add(crumb(crumbs.size() + 1, article.headline(), origin + article.url()));
        List<Object> authors = article.authors().stream()
                .map(a -> (Object) ordered("@type", "Person", "name", a.name(), "url", origin + a.url())).toList();
        Map<String, Object> news = ordered("@type", "NewsArticle",
                "headline", article.headline(),
                "description", article.dek(),
                "inLanguage", article.language(),
                "datePublished", Dates.machine(article.publishedAt(), site.zone()),
                "dateModified", Dates.machine(article.wasUpdated() ? article.updatedAt() : article.publishedAt(), site.zone()),
                "author", authors,
                "articleSection", article.section().name(),
                "keywords", article.tags().stream().map(t -> (Object) t.name()).toList(),
                "image", article.image() == null ? null : List.of(origin + article.image().url(1600)),
                "mainEntityOfPage", origin + article.url(),
                "publisher", ordered("@type", "NewsMediaOrganization", "name", site.name(), "url", origin + "/"));
        Map<String, Object> breadcrumb = ordered("@type", "BreadcrumbList", "itemListElement", crumbs);
        return Json.write(ordered("@context", "https://schema.org", "@graph", List.of(news, breadcrumb)));
    }

    String person(Author author, String origin) {
        return Json.write(ordered("@context", "https://schema.org", "@type", "Person", "name", author.name(),
                "jobTitle", author.role(), "url", origin + author.url(),
                "image", author.photo() == null ? null : origin + author.photo().url(480)));
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
