package org.masthead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an editor's Markdown into the HTML readers get: CommonMark with tables, autolinks,
 * heading anchors, inline figures and embed placeholders, then sanitized by a policy of what articles may
 * contain. Runs once per save; pages only print the stored result.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            AutolinkExtension.create(),
            HeadingAnchorExtension.create());
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9_-]{1,120}");
    private static final String VARIANT = Media.URL_PREFIX + Media.FILE_NAME_PATTERN + " \\d+w";
    private static final Pattern SRCSET = Pattern.compile("(" + VARIANT + ")(\\s*,\\s*" + VARIANT + ")*");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9 _-]{1,60}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** What an article body may contain; anything else is dropped, its text kept. */
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del", "s", "sub", "sup",
                    "ul", "ol", "li", "a", "span", "div", "figure", "figcaption", "img",
                    "table", "thead", "tbody", "tr", "th", "td", "caption", "h2", "h3", "h4", "h5", "h6",
                    "abbr", "cite", "q", "small", "mark", "dl", "dt", "dd")
            // The page's own headline is its only h1.
            .allowElements((name, attributes) -> "h2", "h1")
            .allowAttributes("id").matching(ANCHOR).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("lang").matching(LANGUAGE).globally()
            .allowAttributes("class").matching(WORDS).onElements("figure", "span", "div", "code", "pre")
            .allowAttributes("title").matching(Pattern.compile("[^<>]{0,300}")).onElements("abbr", "a")
            .allowAttributes("href").onElements("a")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,5}")).onElements("img")
            .allowAttributes("loading").matching(Pattern.compile("lazy|eager")).onElements("img")
            .allowAttributes("srcset").matching(SRCSET).onElements("img")
            .allowAttributes("sizes").matching(Pattern.compile("[a-z0-9(): ,.-]{1,120}")).onElements("img")
            // Embed placeholders (EmbedSyntax): only frames of the allowed providers, loaded by consent.js.
            .allowAttributes("data-embed-src").matching(Embed.FRAME_SRC).onElements("div")
            .allowAttributes("data-embed-provider").matching(Embed.PROVIDER).onElements("div")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown(MediaResolver media) {
        this.parser = Parser.builder()
                .extensions(EXTENSIONS)
                .postProcessor(new FigureSyntax.Finder())
                .postProcessor(new EmbedSyntax.Finder())
                .build();
        this.renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .nodeRendererFactory(context -> new FigureSyntax.Renderer(context, media))
                .nodeRendererFactory(EmbedSyntax.Renderer::new)
                .build();
    }

    /** The rendered, sanitized HTML and the offsets in it that fall between two paragraphs. */
    public record Rendered(String html, List<Integer> paragraphBreaks) {
        public Rendered {
            paragraphBreaks = List.copyOf(paragraphBreaks);
        }
    }

    public Rendered render(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        StringBuilder html = new StringBuilder();
        List<Integer> breaks = new ArrayList<>();
        boolean previousWasParagraph = false;
        // Each top-level block is rendered and sanitized on its own, so the places between
        // paragraphs are known exactly (the article page puts "See also" links there).
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            boolean paragraph = block instanceof Paragraph;
            if (paragraph && previousWasParagraph) {
                breaks.add(html.length());
            }
            html.append(POLICY.sanitize(renderer.render(block)).strip()).append('\n');
            previousWasParagraph = paragraph;
        }
        return new Rendered(html.toString(), breaks);
    }

    /** Whether {@code ::: embed URL} makes a consent-gated embed of this address (a provider the site knows). */
    public static boolean embeddable(String url) {
        return url != null && Embed.of(url.strip(), null).isPresent();
    }

    /** Markdown to sanitized HTML, for bios and static pages where breaks do not matter. */
    public String toHtml(String markdown) {
        return render(markdown).html();
    }
}
