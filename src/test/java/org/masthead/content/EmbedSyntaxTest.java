package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The embed line: a placeholder with a link, never a frame, for the three supported providers only. */
class EmbedSyntaxTest {
    private final Markdown markdown = new Markdown(url -> Optional.empty());

    private Element embed(String line) {
        Document doc = Jsoup.parseBodyFragment(markdown.toHtml("Before.\n\n" + line + "\n\nAfter."));
        assertThat(doc.select("iframe, script")).isEmpty();
        return doc.selectFirst("div.embed");
    }

    @Test
    void youTubeBecomesAPlaceholderForTheNoCookieFrame() {
        Element embed = embed("::: embed https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42 Council debate, in full");
        assertThat(embed.attr("data-embed-src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(embed.attr("data-embed-provider")).isEqualTo("YouTube");
        assertThat(embed.className()).isEqualTo("embed embed-video");
        assertThat(embed.text()).isEqualTo("Video on YouTube: Council debate, in full");
        assertThat(embed.selectFirst("a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(embed("::: embed https://youtu.be/dQw4w9WgXcQ").attr("data-embed-src")).endsWith("/embed/dQw4w9WgXcQ");
    }

    @Test
    void vimeoAndOpenStreetMapToo() {
        Element vimeo = embed("::: embed https://vimeo.com/76979871");
        assertThat(vimeo.attr("data-embed-src")).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
        assertThat(vimeo.text()).isEqualTo("Video on Vimeo: Video");
        Element map = embed("::: embed https://www.openstreetmap.org/#map=16/53.5461/-2.1095 The new flood wall");
        assertThat(map.className()).isEqualTo("embed embed-map");
        assertThat(map.attr("data-embed-src")).startsWith("https://www.openstreetmap.org/export/embed.html?bbox=-2.11499,53.54335,-2.10401,53.54885")
                .endsWith("&layer=mapnik&marker=53.54610,-2.10950");
        assertThat(map.selectFirst("a").attr("href")).isEqualTo("https://www.openstreetmap.org/?mlat=53.54610&mlon=-2.10950#map=16/53.54610/-2.10950");
    }

    @Test
    void otherAddressesAndHandWrittenFramesStayInert() {
        assertThat(embed("::: embed https://evil.example/watch?v=dQw4w9WgXcQ")).isNull();
        assertThat(embed("Watch ::: embed https://youtu.be/dQw4w9WgXcQ")).isNull();
        assertThat(embed("<div class=\"embed\" data-embed-src=\"https://evil.example/x\" data-embed-provider=\"Evil\">x</div>")
                .attributes().hasKey("data-embed-src")).isFalse();
        assertThat(embed("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"></iframe>")).isNull();
    }
}
