package org.masthead.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;
import org.masthead.comments.CommentStore;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.PageStore;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.TagStore;
import org.masthead.db.Database;
import org.masthead.media.MediaStore;

/**
 * Hostile markup arriving by the WordPress import: html5lib's sanitizer cases and our own, each as
 * a post's body, excerpt and title, a tag's name and a comment's text, author and website, under a
 * hostile category and author name. Every way the story then leaves the site (its page with the
 * comments, the full-text RSS and Atom feeds of its tag, the API's article and the oEmbed card)
 * must carry nothing that could run. The sanitizer does not depend on the database, so this runs
 * on SQLite only.
 */
class HostileImportTest {
    private static final List<String> OURS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "\"><svg onload=window.__xss=1>",
            "<a href=\"javascript:window.__xss=1\">click</a>",
            "<a href=\"JaVaScRiPt&#58;alert(1)\">click</a>",
            "</textarea><script>window.__xss=1</script>",
            "</title><script>alert(1)</script>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "<details open ontoggle=window.__xss=1>",
            "<style>*{display:none}</style>",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"/x\"><input name=a><button formaction=\"javascript:alert(1)\">go</button></form>",
            "[caption id=\"a\" align=\"alignnone\"]<img src=\"javascript:alert(1)\" onerror=\"alert(1)\"> x\" onmouseover=\"alert(1)[/caption]",
            "[embed]javascript:alert(1)[/embed]",
            "[embed]https://www.youtube.com/watch?v=\"><script>alert(1)</script>[/embed]",
            "<!-- wp:html --><script>alert(1)</script><!-- /wp:html -->",
            "<!-- wp:image {\"url\":\"javascript:alert(1)\"} --><figure><img src=\"javascript:alert(1)\"/></figure><!-- /wp:image -->",
            "<p style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">styled</p>",
            "<svg><script>alert(1)</script></svg><math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<img src=x srcset=\"javascript:alert(1) 1x\"><table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "{{constructor.constructor('window.__xss=1')()}} ${7*7}",
            "Ana \u202Egnp.exe and zero\u200Bwidth");

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>Hostile\"><script>alert(1)</script>";

    @Test
    void nothingAnImportBringsCanRunWhereverTheStoryIsShown() throws Exception {
        List<String> payloads = payloads();
        Config config = TestSites.config(Kind.SQLITE);
        Path file = TestSites.tempDir().resolve("hostile.xml");
        writeExport(file, payloads);
        Files.createDirectories(config.mediaDir());
        try (Database db = Database.open(config.jdbcUrl())) {
            SettingsStore settings = new SettingsStore(db);
            db.write(tx -> {
                settings.savePublishing(tx, new PublishingSettings(true, "", "", "", "", "", ""));
                return null;
            });
            ImportReport report = importer(db, settings).run(file, new WordPressImport.Options(null, config.mediaDir(), false),
                    n -> { });
            assertThat(report.count("articles")).isEqualTo(payloads.size());
        }
        try (App app = App.create(config.withPort(0)).start()) {
            int checked = 0;
            for (int n = 0; n < payloads.size(); n++) {
                String what = "case " + n + ": " + payloads.get(n);
                JsonObject article = apiArticle(app, n, what);
                assertInertFragment(article.get("body_html").getAsString(), what + " (API body)");

                String url = article.get("url").getAsString();
                String path = url.substring(TestSites.baseUrl(app).length());
                HttpResponse<String> page = TestSites.get(app, path);
                assertThat(page.statusCode()).as(what).isEqualTo(200);
                Document doc = Jsoup.parse(page.body(), url);
                assertInertPage(doc, what + " (article page)");
                assertThat(doc.select(".comment, [id^=comment-]")).as(what + ": the imported comment is shown").isNotEmpty();

                HttpResponse<String> embed = TestSites.get(app, "/oembed?format=json&url="
                        + URLEncoder.encode(url, StandardCharsets.UTF_8));
                assertThat(embed.statusCode()).as(what).isEqualTo(200);
                assertInertFragment(JsonParser.parseString(embed.body()).getAsJsonObject().get("html").getAsString(),
                        what + " (oEmbed card)");

                for (String feed : List.of("/tag/case-" + n + "/rss.xml", "/tag/case-" + n + "/atom.xml")) {
                    HttpResponse<String> xml = TestSites.get(app, feed);
                    assertThat(xml.statusCode()).as(what + " " + feed).isEqualTo(200);
                    Document parsed = Jsoup.parse(xml.body(), "", Parser.xmlParser());
                    List<Element> bodies = parsed.select("description, content|encoded, summary, content");
                    assertThat(bodies).as(what + " " + feed).isNotEmpty();
                    for (Element body : bodies) {
                        assertInertFragment(body.text(), what + " (" + feed + ")");
                    }
                }
                checked++;
            }
            assertThat(checked).isEqualTo(payloads.size());
        }
    }

    private static WordPressImport importer(Database db, SettingsStore settings) {
        Markdown markdown = new Markdown(url -> Optional.empty());
        return new WordPressImport(db, settings, new SectionStore(db), new TagStore(), new AuthorStore(markdown),
                new PageStore(markdown), new ArticleStore(markdown), new MediaStore(db), new CommentStore(db),
                new org.masthead.accounts.UserStore(db), Markdown::embeddable);
    }

    /** The API's article whose headline starts with "Case n:" (the imported title). */
    private static JsonObject apiArticle(App app, int n, String what) {
        String slug = "case-" + n;
        HttpResponse<String> list = TestSites.get(app, "/api/v1/articles?tag=" + slug);
        assertThat(list.statusCode()).as(what + ": " + list.body()).isEqualTo(200);
        List<JsonElement> items = JsonParser.parseString(list.body()).getAsJsonObject().getAsJsonArray("items").asList();
        assertThat(items).as(what).hasSize(1);
        long id = items.getFirst().getAsJsonObject().get("id").getAsLong();
        HttpResponse<String> detail = TestSites.get(app, "/api/v1/articles/" + id);
        assertThat(detail.statusCode()).as(what).isEqualTo(200);
        JsonObject article = JsonParser.parseString(detail.body()).getAsJsonObject();
        assertThat(article.get("headline").getAsString()).as(what).startsWith("Case " + n + ":");
        return article;
    }

    /** html5lib's sanitizer cases and ours, leaving out those XML 1.0 cannot carry (a WXR file could not hold them). */
    private static List<String> payloads() throws Exception {
        List<String> all = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(
                ThirdPartyData.path("xss/html5lib-sanitizer-tests.json"))).getAsJsonArray()) {
            all.add(e.getAsJsonObject().get("input").getAsString());
        }
        all.addAll(OURS);
        return all.stream().filter(HostileImportTest::xmlCanCarry).toList();
    }

    private static boolean xmlCanCarry(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000);
    }

    /** A WXR 1.2 export: one hostile category and author, and per payload a post with its own tag and one comment. */
    private static void writeExport(Path file, List<String> payloads) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
            xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
            xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
            xml.writeNamespace("wp", "http://wordpress.org/export/1.2/");
            xml.writeStartElement("channel");
            text(xml, "title", "Hostile Gazette");
            text(xml, "wp:wxr_version", "1.2");
            text(xml, "wp:base_site_url", "https://hostile.example");
            xml.writeStartElement("wp:author");
            text(xml, "wp:author_id", "1");
            text(xml, "wp:author_login", "mallory");
            text(xml, "wp:author_email", "mallory@hostile.example");
            text(xml, "wp:author_display_name", HOSTILE_NAME);
            xml.writeEndElement();
            xml.writeStartElement("wp:category");
            text(xml, "wp:term_id", "2");
            text(xml, "wp:category_nicename", "hostile");
            text(xml, "wp:category_parent", "");
            text(xml, "wp:cat_name", HOSTILE_NAME);
            xml.writeEndElement();
            for (int n = 0; n < payloads.size(); n++) {
                String payload = payloads.get(n);
                xml.writeStartElement("item");
                text(xml, "title", "Case " + n + ": " + payload);
                text(xml, "link", "https://hostile.example/?p=" + (100 + n));
                text(xml, "dc:creator", "mallory");
                text(xml, "wp:post_id", String.valueOf(100 + n));
                text(xml, "wp:post_type", "post");
                text(xml, "wp:status", "publish");
                text(xml, "wp:post_date_gmt", "2024-05-01 08:" + String.format("%02d:%02d", n / 60, n % 60));
                text(xml, "wp:post_name", "case-" + n);
                term(xml, "category", "hostile", HOSTILE_NAME);
                term(xml, "post_tag", "case-" + n, "Case " + n + " " + payload);
                text(xml, "excerpt:encoded", payload);
                text(xml, "content:encoded", "Before.\n\n" + payload + "\n\nAfter.");
                xml.writeStartElement("wp:comment");
                text(xml, "wp:comment_id", String.valueOf(1000 + n));
                text(xml, "wp:comment_author", payload);
                text(xml, "wp:comment_author_email", "reader" + n + "@hostile.example");
                text(xml, "wp:comment_author_url", payload);
                text(xml, "wp:comment_content", "I read it. " + payload);
                text(xml, "wp:comment_approved", "1");
                text(xml, "wp:comment_parent", "0");
                text(xml, "wp:comment_date_gmt", "2024-05-02 09:00:00");
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void term(XMLStreamWriter xml, String domain, String slug, String name) throws XMLStreamException {
        xml.writeStartElement("category");
        xml.writeAttribute("domain", domain);
        xml.writeAttribute("nicename", slug);
        xml.writeCharacters(name);
        xml.writeEndElement();
    }

    /** Story HTML (a body, a feed entry's content, an embed card): no element or attribute that could run or restyle. */
    static void assertInertFragment(String html, String what) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, style, iframe, frame, object, embed, form, input, button, textarea, base, meta, link, "
                + "svg, math")).as(what + ": " + html).isEmpty();
        assertThat(doc.select("[style]")).as(what + ": " + html).isEmpty();
        assertAttributesInert(doc, what + ": " + html);
    }

    /**
     * A whole reader page: its only scripts are the site's own files and its JSON-LD (which must still
     * parse as JSON, so no payload broke out of it), and nothing carries a handler or a script address.
     */
    static void assertInertPage(Document doc, String what) {
        for (Element script : doc.select("script")) {
            if (script.attr("type").equals("application/ld+json")) {
                assertThat(script.attributesSize()).as(what).isEqualTo(1);
                JsonParser.parseString(script.data());
            } else {
                assertThat(script.attr("src")).as(what + ": " + script).startsWith("/static/");
                assertThat(script.data()).as(what).isBlank();
            }
        }
        assertThat(doc.select("iframe, frame, object, embed, base, meta[http-equiv=refresh], svg script, math"))
                .as(what).isEmpty();
        assertThat(doc.select("main style, main link, main form[action^=javascript], main form[action^=data]")).as(what).isEmpty();
        assertAttributesInert(doc, what);
    }

    private static void assertAttributesInert(Document doc, String what) {
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase();
                String value = attribute.getValue().toLowerCase().replaceAll("[\\s\\x00-\\x1f]", "");
                assertThat(key).as(what).doesNotStartWith("on").isNotEqualTo("srcdoc").isNotEqualTo("formaction");
                if (Map.of("href", 1, "src", 1, "srcset", 1, "action", 1, "background", 1, "xlink:href", 1, "poster", 1,
                        "data", 1).containsKey(key)) {
                    assertThat(value).as(what + ": " + element).doesNotContain("javascript:", "vbscript:", "data:text");
                }
            }
        }
    }
}
