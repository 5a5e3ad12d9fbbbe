package org.masthead.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.masthead.content.Markdown;

/** WordPress post HTML turned into article Markdown, and that Markdown as readers get it. */
class PostHtmlTest {
    private static final PostHtml.Picture HARBOUR = new PostHtml.Picture("/media/wp/2024/06/harbour.jpg", "Boats at dawn",
            "The harbour", "Ann Lee");
    private final PostHtml converter = new PostHtml(new PostHtml.Pictures() {
        @Override
        public Optional<PostHtml.Picture> byUrl(String url) {
            return url.contains("/uploads/2024/06/harbour") ? Optional.of(HARBOUR) : Optional.empty();
        }

        @Override
        public Optional<PostHtml.Picture> byId(String id) {
            return id.equals("7") ? Optional.of(HARBOUR) : Optional.empty();
        }

        @Override
        public List<PostHtml.Picture> attachedTo(String postId) {
            return List.of(HARBOUR);
        }
    }, Markdown::embeddable);
    private final Markdown markdown = new Markdown(url -> Optional.empty());

    private String html(String wordpress) {
        return markdown.toHtml(converter.convert("1", wordpress).markdown());
    }

    @Test
    void classicTextGetsItsParagraphsAndLineBreaks() {
        String html = html("First line\nsecond line\n\nA *literal* star & <em>emphasis</em>\n\n<ul><li>one</li></ul>");
        assertThat(html).contains("<p>First line<br /> second line</p>")
                .contains("A *literal* star &amp; <em>emphasis</em>").contains("<ul><li>one</li></ul>");
    }

    @Test
    void blockCommentsGoAndEmbedBlocksBecomeConsentGatedEmbeds() {
        String html = html("""
                <!-- wp:paragraph -->
                <p>Before</p>
                <!-- /wp:paragraph -->
                <!-- wp:embed {"url":"https:\\/\\/www.youtube.com\\/watch?v=dQw4w9WgXcQ","providerNameSlug":"youtube"} -->
                <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
                https://www.youtube.com/watch?v=dQw4w9WgXcQ
                </div></figure>
                <!-- /wp:embed -->
                <!-- wp:latest-posts /-->""");
        assertThat(html).doesNotContain("wp:").contains("<p>Before</p>")
                .contains("data-embed-provider=\"YouTube\"").contains("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
                .doesNotContain("<iframe");
    }

    @Test
    void captionsAndGalleriesBecomeFiguresOfTheLibrary() {
        PostHtml.Converted converted = converter.convert("1", "[caption id=\"attachment_7\" width=\"300\"]"
                + "<img src=\"https://old.example/wp-content/uploads/2024/06/harbour-300x200.jpg\" /> Boats leave at six[/caption]"
                + "\n\n[gallery ids=\"7\"]\n\n[embed]https://vimeo.com/76979871[/embed]\n\n[contact-form-7 id=\"3\"]");
        assertThat(converted.markdown()).contains("![Boats at dawn](</media/wp/2024/06/harbour.jpg> \"Boats leave at six | Ann Lee\")")
                .contains("![Boats at dawn](</media/wp/2024/06/harbour.jpg> \"The harbour | Ann Lee\")")
                .contains("::: embed https://vimeo.com/76979871")
                .contains("\\[contact-form-7 id=\"3\"\\]");
        assertThat(converted.unknownShortcodes()).containsExactly("contact-form-7");
        String html = markdown.toHtml(converted.markdown());
        assertThat(html).contains("<figcaption>Boats leave at six <span class=\"credit\">Ann Lee</span></figcaption>")
                .contains("[contact-form-7 id&#61;&#34;3&#34;]");
    }

    @Test
    void moreGivesATeaserNextpageARuleAndScriptsAndForeignFramesGo() {
        PostHtml.Converted converted = converter.convert("1", "<p>Lead words.</p><!--more--><p>Rest</p><!--nextpage-->"
                + "<p>Page two</p><script>alert(1)</script><iframe src=\"https://evil.example/x\"></iframe>");
        assertThat(converted.teaser()).isEqualTo("Lead words.");
        assertThat(converted.pages()).isEqualTo(2);
        String html = markdown.toHtml(converted.markdown());
        assertThat(html).contains("<hr").contains("Page two").doesNotContain("script").doesNotContain("alert")
                .doesNotContain("iframe");
        assertThat(converted.notes()).anyMatch(n -> n.contains("<script>")).anyMatch(n -> n.contains("evil.example"));
    }

    @Test
    void preformattedTextKeepsItsBlankLines() {
        String html = html("<pre>line one\n\nline three</pre>\n\n<p>After</p>");
        assertThat(html).contains("line one\n\nline three").contains("<p>After</p>");
    }
}
