package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The oEmbed provider: found from an article's head, answers a safe story card, refuses other addresses clearly. */
class OEmbedTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArticleNamesItsCardAndTheCardIsTheStory(Kind kind) {
        App app = TestSites.demo(kind);
        Document home = Jsoup.parse(TestSites.get(app, "/").body());
        String path = home.selectFirst(".lead-headline a").attr("href");
        Document article = Jsoup.parse(TestSites.get(app, path).body());
        String discovery = article.selectFirst("head link[rel=alternate][type=application/json+oembed]").attr("href");
        HttpResponse<String> response = TestSites.get(app, discovery);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject embed = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(embed.get("version").getAsString()).isEqualTo("1.0");
        assertThat(embed.get("type").getAsString()).isEqualTo("rich");
        assertThat(embed.get("title").getAsString()).isEqualTo(article.selectFirst("h1").text());
        assertThat(embed.get("provider_name").getAsString()).isEqualTo(home.selectFirst(".brand").text());
        assertThat(embed.get("author_name").getAsString()).isEqualTo(String.join(", ", article.select(".byline a").eachText()));
        assertThat(embed.get("width").getAsInt()).isPositive();
        assertThat(embed.get("height").getAsInt()).isPositive();
        Document card = Jsoup.parse(embed.get("html").getAsString());
        assertThat(card.select("script, style, iframe, [style], [onclick]")).isEmpty();
        assertThat(card.selectFirst("blockquote a").attr("href")).isEqualTo(TestSites.baseUrl(app) + path);
        assertThat(embed.get("thumbnail_url").getAsString()).startsWith(TestSites.baseUrl(app) + "/media/");

        JsonObject small = JsonParser.parseString(TestSites.get(app, discovery + "&maxwidth=500&maxheight=300").body()).getAsJsonObject();
        assertThat(small.get("width").getAsInt()).isLessThanOrEqualTo(500);
        assertThat(small.get("thumbnail_width").getAsInt()).isLessThanOrEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void otherAddressesAndBadParametersAreRefusedClearly(Kind kind) {
        App app = TestSites.demo(kind);
        String base = TestSites.baseUrl(app);
        String path = URI.create(Jsoup.parse(TestSites.get(app, "/").body()).selectFirst(".lead-headline a").attr("href")).getPath();
        record Case(String query, int status, String field) {
        }
        for (Case c : List.of(new Case("", 400, "url"),
                new Case("url=" + enc("https://elsewhere.example" + path), 404, null),
                new Case("url=" + enc(base + "/section/city"), 404, null),
                new Case("url=" + enc(base + "/2026/01/01/no-such-story"), 404, null),
                new Case("url=" + enc(base + path) + "&format=xml", 501, "format"),
                new Case("url=" + enc(base + path) + "&maxwidth=-5", 400, "maxwidth"),
                new Case("url=" + enc(base + path) + "&maxwidth=99999999999", 400, "maxwidth"),
                new Case("url=" + enc(base + path) + "&callback=x", 400, "callback"),
                new Case("url=" + enc("javascript:alert(1)"), 404, null),
                new Case("url=" + enc("%%%"), 400, "url"))) {
            HttpResponse<String> response = TestSites.get(app, "/oembed?" + c.query());
            assertThat(response.statusCode()).as(c.query()).isEqualTo(c.status());
            JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error");
            assertThat(error.get("message").getAsString()).isNotBlank();
            if (c.field() != null) {
                assertThat(error.get("field").getAsString()).as(c.query()).isEqualTo(c.field());
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
