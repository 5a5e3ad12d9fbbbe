package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.ThirdPartyData;

/**
 * Hostile markup pasted into an article body (html5lib's sanitizer cases and our own) comes
 * out of the Markdown pipeline with nothing that could run: no script, no handler, no
 * dangerous URL, no style, no embedded document.
 */
class HostileMarkupTest {
    private static final List<String> OURS = List.of(
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "[x](javascript&#58;alert(1))",
            "[x](  JaVaScRiPt:alert(1))",
            "![x](javascript:alert(1) \"cap | credit\")",
            "![x\" onerror=\"alert(1)](/media/a.jpg \"c\\\" onload=\\\"alert(1) | x\")",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<p lang=\"en\" style=\"background:url(javascript:alert(1))\">x</p>",
            "<h2 id=\"x\" onmouseover=\"alert(1)\">Heading</h2>",
            "<img src=x srcset=\"javascript:alert(1) 1x\">",
            "<form action=\"/x\"><input name=a><button>go</button></form>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<style>body{display:none}</style><link rel=stylesheet href=//evil.example/x.css>",
            "<details open ontoggle=alert(1)>x</details>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>");

    /**
     * CommonMark: an HTML block opened by script, style, textarea or pre runs until its
     * closing tag, so an unclosed one takes the rest of the body with it (docs/markdown.md).
     */
    private static final java.util.regex.Pattern UNCLOSED_RAW_TEXT =
            java.util.regex.Pattern.compile("(?is)^<(script|style|textarea|pre)\\b(?!.*</\\1>)");

    static Stream<Arguments> cases() throws Exception {
        JsonArray html5lib = JsonParser.parseString(Files.readString(
                ThirdPartyData.path("xss/html5lib-sanitizer-tests.json"))).getAsJsonArray();
        Stream<Arguments> theirs = html5lib.asList().stream().map(JsonElement::getAsJsonObject)
                .map(o -> Arguments.of(o.get("name").getAsString(), o.get("input").getAsString()));
        Stream<Arguments> ours = OURS.stream().map(input -> Arguments.of("ours: " + input, input));
        return Stream.concat(theirs, ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nothingThatCouldRunSurvives(String name, String input) {
        String html = new Markdown(MediaResolver.NONE).render("Before.\n\n" + input + "\n\nAfter.").html();
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, style, iframe, object, embed, form, input, button, base, meta, link, svg, math"))
                .as(html).isEmpty();
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase();
                String value = attribute.getValue().toLowerCase().replaceAll("\\s", "");
                assertThat(key).as(html).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
                if (List.of("href", "src", "srcset", "action", "background", "xlink:href").contains(key)) {
                    assertThat(value).as(html).doesNotContain("javascript:", "vbscript:", "data:");
                }
            }
        }
        assertThat(doc.text()).startsWith("Before.");
        if (!UNCLOSED_RAW_TEXT.matcher(input).find()) {
            assertThat(doc.text()).as(html).endsWith("After.");
        }
    }
}
