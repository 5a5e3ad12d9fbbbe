package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SettingsStore;

/**
 * Every kind of reader page tells search engines and link previews what it is: canonical,
 * description, Open Graph and Twitter tags, and JSON-LD of the right schema.org types with the
 * properties and value types those types call for.
 */
class HeadMetadataTest {

    private static Document page(App app, String path) {
        var response = TestSites.get(app, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), TestSites.baseUrl(app) + path);
    }

    private static String meta(Document page, String key) {
        Element tag = page.selectFirst("head meta[property=" + key + "], head meta[name=" + key + "]");
        assertThat(tag).as(key).isNotNull();
        return tag.attr("content");
    }

    private static List<JsonObject> jsonLd(Document page) {
        List<JsonObject> nodes = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonObject root = JsonParser.parseString(script.data()).getAsJsonObject();
            assertThat(root.get("@context").getAsString()).isEqualTo("https://schema.org");
            if (root.has("@graph")) {
                root.getAsJsonArray("@graph").forEach(n -> nodes.add(n.getAsJsonObject()));
            } else {
                nodes.add(root);
            }
        }
        return nodes;
    }

    private static JsonObject node(List<JsonObject> nodes, String type) {
        return nodes.stream().filter(n -> n.get("@type").getAsString().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + nodes));
    }

    private static void absoluteUrl(JsonElement value) {
        assertThat(URI.create(value.getAsString()).isAbsolute()).as(value.toString()).isTrue();
    }

    private static void text(JsonObject node, String property) {
        assertThat(node.has(property)).as(property + " of " + node.get("@type")).isTrue();
        assertThat(node.get(property).isJsonPrimitive() && node.get(property).getAsJsonPrimitive().isString()).as(property).isTrue();
        assertThat(node.get(property).getAsString()).as(property).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyPublicPageHasCanonicalDescriptionAndPreviewTags(Kind kind) {
        App app = TestSites.demo(kind);
        String base = TestSites.baseUrl(app);
        String article = URI.create(page(app, "/").selectFirst(".lead-headline a").absUrl("href")).getPath();
        Map<String, String> types = Map.of("/", "website", article, "article", "/section/city-hall", "website",
                "/tag/" + page(app, article).selectFirst("a[href^=/tag/]").attr("href").substring(5), "website",
                "/author/mara-okonjo", "profile", "/about", "website");
        types.forEach((path, type) -> {
            Document doc = page(app, path);
            assertThat(doc.select("head link[rel=canonical]")).as(path).hasSize(1);
            assertThat(doc.selectFirst("head link[rel=canonical]").attr("href")).isEqualTo(path);
            assertThat(meta(doc, "description")).as(path).isNotBlank();
            assertThat(meta(doc, "og:type")).as(path).isEqualTo(type);
            assertThat(meta(doc, "og:url")).isEqualTo(base + path);
            assertThat(meta(doc, "og:title")).isNotBlank();
            assertThat(meta(doc, "og:site_name")).isEqualTo(doc.selectFirst(".brand").text());
            assertThat(meta(doc, "twitter:card")).isIn("summary", "summary_large_image");
            assertThat(meta(doc, "twitter:title")).isEqualTo(meta(doc, "og:title"));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void articlePreviewsShowThePictureAtItsRealSizeWithTimesAndSection(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        String article = URI.create(page(app, "/").selectFirst(".lead-headline a").absUrl("href")).getPath();
        Document doc = page(app, article);
        String image = meta(doc, "og:image");
        assertThat(image).startsWith(TestSites.baseUrl(app) + "/media/");
        byte[] bytes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(image)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        assertThat(Integer.parseInt(meta(doc, "og:image:width"))).isEqualTo(picture.getWidth());
        assertThat(Integer.parseInt(meta(doc, "og:image:height"))).isEqualTo(picture.getHeight());
        assertThat(meta(doc, "og:image:alt")).isEqualTo(doc.selectFirst("figure.featured img").attr("alt"));
        assertThat(meta(doc, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(doc, "twitter:image")).isEqualTo(image);
        OffsetDateTime published = OffsetDateTime.parse(meta(doc, "article:published_time"));
        assertThat(OffsetDateTime.parse(meta(doc, "article:modified_time"))).isAfterOrEqualTo(published);
        assertThat(published.toInstant()).isEqualTo(OffsetDateTime.parse(doc.selectFirst(".dateline time").attr("datetime")).toInstant());
        assertThat(meta(doc, "article:section")).isEqualTo(doc.select("nav[aria-label=Breadcrumb] li").get(doc.select("nav[aria-label=Breadcrumb] li").size() - 2).text());
        assertThat(doc.select("meta[property=article:author]").eachAttr("content"))
                .containsExactlyElementsOf(doc.select(".byline a").eachAttr("abs:href"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void articleJsonLdIsANewsArticleWithItsPublisherAndBreadcrumb(Kind kind) {
        App app = TestSites.demo(kind);
        String article = URI.create(page(app, "/").selectFirst(".lead-headline a").absUrl("href")).getPath();
        Document doc = page(app, article);
        List<JsonObject> nodes = jsonLd(doc);
        JsonObject news = node(nodes, "NewsArticle");
        for (String property : List.of("headline", "description", "datePublished", "dateModified", "articleSection", "inLanguage")) {
            text(news, property);
        }
        assertThat(news.get("headline").getAsString()).isEqualTo(doc.selectFirst("h1").text());
        OffsetDateTime.parse(news.get("datePublished").getAsString());
        OffsetDateTime.parse(news.get("dateModified").getAsString());
        absoluteUrl(news.get("url"));
        absoluteUrl(news.get("mainEntityOfPage"));
        JsonArray authors = news.getAsJsonArray("author");
        assertThat(authors).isNotEmpty();
        for (JsonElement author : authors) {
            assertThat(author.getAsJsonObject().get("@type").getAsString()).isEqualTo("Person");
            text(author.getAsJsonObject(), "name");
            absoluteUrl(author.getAsJsonObject().get("url"));
        }
        JsonArray images = news.getAsJsonArray("image");
        assertThat(images.size()).isGreaterThan(1);
        for (JsonElement image : images) {
            JsonObject object = image.getAsJsonObject();
            assertThat(object.get("@type").getAsString()).isEqualTo("ImageObject");
            absoluteUrl(object.get("url"));
            assertThat(object.get("width").getAsInt()).isPositive();
            assertThat(object.get("height").getAsInt()).isPositive();
        }
        JsonObject publisher = news.getAsJsonObject("publisher");
        assertThat(publisher.get("@type").getAsString()).isEqualTo("NewsMediaOrganization");
        text(publisher, "name");
        absoluteUrl(publisher.get("url"));
        assertThat(publisher.getAsJsonObject("logo").get("@type").getAsString()).isEqualTo("ImageObject");
        absoluteUrl(publisher.getAsJsonObject("logo").get("url"));
        JsonObject breadcrumb = node(nodes, "BreadcrumbList");
        JsonArray items = breadcrumb.getAsJsonArray("itemListElement");
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i).getAsJsonObject();
            assertThat(item.get("@type").getAsString()).isEqualTo("ListItem");
            assertThat(item.get("position").getAsInt()).isEqualTo(i + 1);
            text(item, "name");
            absoluteUrl(item.get("item"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void homeIsAWebSiteAndAuthorPagesAreProfilePages(Kind kind) {
        App app = TestSites.demo(kind);
        JsonObject website = node(jsonLd(page(app, "/")), "WebSite");
        text(website, "name");
        absoluteUrl(website.get("url"));
        JsonObject search = website.getAsJsonObject("potentialAction");
        assertThat(search.get("@type").getAsString()).isEqualTo("SearchAction");
        String template = search.getAsJsonObject("target").get("urlTemplate").getAsString();
        assertThat(template).startsWith(website.get("url").getAsString() + "search?q=").endsWith("{search_term_string}");
        assertThat(search.get("query-input").getAsString()).isEqualTo("required name=search_term_string");
        String searched = template.replace("{search_term_string}", "harbour").replaceFirst("^https?://[^/]+", "");
        assertThat(TestSites.get(app, searched).statusCode()).as("the template leads to the search page").isEqualTo(200);
        JsonObject profile = node(jsonLd(page(app, "/author/mara-okonjo")), "ProfilePage");
        absoluteUrl(profile.get("url"));
        JsonObject person = profile.getAsJsonObject("mainEntity");
        assertThat(person.get("@type").getAsString()).isEqualTo("Person");
        assertThat(person.get("name").getAsString()).isEqualTo("Mara Okonjo");
        absoluteUrl(person.get("url"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePublisherNamesThePolicyPagesAndLogoChosenInSettings(Kind kind) {
        App app = TestSites.demo(kind);
        SettingsStore settings = new SettingsStore(app.database());
        String logo = app.database().read(h -> h.createQuery("select file_name from media order by id limit 1")
                .mapTo(String.class).one());
        String article = URI.create(page(app, "/").selectFirst(".lead-headline a").absUrl("href")).getPath();
        try {
            app.database().write(tx -> {
                settings.savePublishing(tx, new PublishingSettings(false, logo, "about", "privacy", "about", "", "about"));
                return null;
            });
            JsonObject publisher = node(jsonLd(page(app, article)), "NewsArticle").getAsJsonObject("publisher");
            String base = TestSites.baseUrl(app);
            assertThat(publisher.get("correctionsPolicy").getAsString()).isEqualTo(base + "/about");
            assertThat(publisher.get("ethicsPolicy").getAsString()).isEqualTo(base + "/privacy");
            assertThat(publisher.get("masthead").getAsString()).isEqualTo(base + "/about");
            assertThat(publisher.get("ownershipFundingInfo").getAsString()).isEqualTo(base + "/about");
            assertThat(publisher.has("actionableFeedbackPolicy")).isFalse();
            JsonObject logoObject = publisher.getAsJsonObject("logo");
            assertThat(logoObject.get("url").getAsString()).isEqualTo(base + "/media/" + logo);
            assertThat(logoObject.get("width").getAsInt()).isPositive();
        } finally {
            app.database().write(tx -> {
                settings.savePublishing(tx, PublishingSettings.DEFAULTS);
                return null;
            });
        }
    }
}
