package org.masthead.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The embed line: a paragraph of exactly {@code ::: embed URL} or {@code ::: embed URL Title}
 * becomes an {@link Embed}, written as a placeholder naming the provider and linking to the
 * video or map. No frame is written, so no request reaches the provider from the page
 * itself; consent.js adds the frame once the reader allows external media.
 */
final class EmbedSyntax {
    private static final Pattern LINE = Pattern.compile("::: embed (\\S+)(?: +(.{1,200}))?");

    private EmbedSyntax() {
    }

    static final class Finder implements PostProcessor {
        @Override
        public Node process(Node document) {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Paragraph paragraph) {
                    String text = plainText(paragraph);
                    Matcher m = text == null ? null : LINE.matcher(text.strip());
                    if (m != null && m.matches()) {
                        Embed.of(m.group(1), m.group(2)).ifPresent(embed -> {
                            paragraph.insertAfter(embed);
                            paragraph.unlink();
                        });
                    }
                }
            });
            return document;
        }

        /** The paragraph's text with links flattened (autolinks turn the URL into one), or null if it holds a line break. */
        private static String plainText(Paragraph paragraph) {
            if (!(paragraph.getFirstChild() instanceof Text first) || !first.getLiteral().startsWith(":::")) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            boolean[] multiline = {false};
            paragraph.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak b) {
                    multiline[0] = true;
                }
            });
            return multiline[0] ? null : text.toString();
        }
    }

    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Embed.class);
        }

        @Override
        public void render(Node node) {
            Embed embed = (Embed) node;
            HtmlWriter html = context.getWriter();
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "embed " + (embed.map ? "embed-map" : "embed-video"));
            attributes.put("data-embed-src", embed.frameSrc);
            attributes.put("data-embed-provider", embed.provider);
            html.line();
            html.tag("div", attributes);
            html.tag("p", Map.of("class", "embed-link"));
            html.text((embed.map ? "Map on " : "Video on ") + embed.provider + ": ");
            html.tag("a", Map.of("href", embed.link));
            html.text(embed.title);
            html.tag("/a");
            html.tag("/p");
            html.tag("/div");
            html.line();
        }
    }
}
