package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown(MediaResolver.NONE);

    private Document render(String source) {
        return Jsoup.parseBodyFragment(markdown.render(source).html());
    }

    @Test
    void loneImageWithCaptionAndCreditBecomesAFigure() {
        Document doc = render("""
                Before.

                ![Two ferries at the quay](/media/demo/ferry-1.jpg "The morning ferries wait. | Photo: Lena Ward")

                After.""");
        Element figure = doc.selectFirst("figure.inline-figure");
        assertThat(figure).isNotNull();
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Two ferries at the quay");
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/media/demo/ferry-1.jpg");
        assertThat(figure.selectFirst("figcaption").ownText()).isEqualTo("The morning ferries wait.");
        assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo("Photo: Lena Ward");
        assertThat(doc.select("p")).hasSize(2);
    }

    @Test
    void figureOfAMediaLibraryImageGetsItsResponsiveSizes() {
        Media media = new Media(1, "demo/ferry-1.jpg", "image/jpeg", 1600, 900, List.of(480, 960, 1600), "", "", "");
        Markdown withMedia = new Markdown(url -> url.equals("/media/demo/ferry-1.jpg") ? Optional.of(media) : Optional.empty());
        Element img = Jsoup.parseBodyFragment(withMedia.render("![Ferry](/media/demo/ferry-1.jpg \"Caption\")").html())
                .selectFirst("figure img");
        assertThat(img.attr("srcset").split("\\s*,\\s*")).containsExactly(
                "/media/demo/ferry-1-480.jpg 480w", "/media/demo/ferry-1-960.jpg 960w", "/media/demo/ferry-1-1600.jpg 1600w");
        assertThat(img.attr("width")).isEqualTo("1600");
        assertThat(img.attr("sizes")).isNotBlank();
    }

    @Test
    void imageInsideTextStaysInline() {
        Document doc = render("Text with ![icon](/x.png) inside.");
        assertThat(doc.select("figure")).isEmpty();
        assertThat(doc.select("p img")).hasSize(1);
    }

    @Test
    void headingsGetAnchorsAndTheHeadlineStaysTheOnlyH1() {
        Document doc = render("# Top\n\n## The vote\n\n### What next");
        assertThat(doc.select("h1")).isEmpty();
        assertThat(doc.select("h2")).hasSize(2);
        assertThat(doc.selectFirst("h2:contains(The vote)").id()).isEqualTo("the-vote");
        assertThat(doc.selectFirst("h3").id()).isEqualTo("what-next");
    }

    @Test
    void tablesAutolinksAndLanguagePassagesSurvive() {
        Document doc = render("""
                | Line | Trams |
                |------|-------|
                | Harbour | 12 |

                See https://example.org/report for more.

                <p lang="pt">Bom dia, Port Alder.</p>
                """);
        assertThat(doc.select("table th")).hasSize(2);
        assertThat(doc.select("td").eachText()).containsExactly("Harbour", "12");
        assertThat(doc.selectFirst("a[href=https://example.org/report]")).isNotNull();
        assertThat(doc.selectFirst("p[lang=pt]").text()).isEqualTo("Bom dia, Port Alder.");
    }

    @Test
    void scriptsHandlersAndDangerousUrlsAreRemoved() {
        String html = markdown.render("""
                Hello <script>alert(1)</script> <img src=x onerror="alert(2)">

                [click](javascript:alert(3))

                <iframe src="https://evil.example"></iframe>
                <a href="/ok" onclick="steal()">ok</a>
                """).html();
        assertThat(html).doesNotContain("<script", "onerror", "javascript:", "<iframe", "onclick");
        assertThat(html).contains("Hello").contains("href=\"/ok\"");
    }

    @Test
    void breaksLieBetweenTwoParagraphsOnly() {
        Markdown.Rendered rendered = markdown.render("One.\n\nTwo.\n\n## Head\n\nThree.\n\nFour.");
        assertThat(rendered.paragraphBreaks()).hasSize(2);
        for (int at : rendered.paragraphBreaks()) {
            assertThat(rendered.html().substring(0, at)).endsWith("</p>\n");
            assertThat(rendered.html().substring(at)).startsWith("<p>");
        }
    }
}
