package org.masthead.content;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Masthead's one addition to Markdown, the inline figure: an image alone in its paragraph,
 * whose title reads {@code "Caption | Credit"}, becomes
 * {@code <figure><img><figcaption>Caption <span class="credit">Credit</span></figcaption></figure>}.
 * Images of the media library get their responsive sizes.
 */
final class FigureSyntax {
    private FigureSyntax() {
    }

    /** Turns lone-image paragraphs into {@link Figure} blocks after parsing. */
    static final class Finder implements PostProcessor {
        @Override
        public Node process(Node document) {
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Paragraph paragraph) {
                    Image image = loneImage(paragraph);
                    if (image == null) {
                        return;
                    }
                    String title = image.getTitle() == null ? "" : image.getTitle();
                    int bar = title.lastIndexOf('|');
                    String caption = (bar < 0 ? title : title.substring(0, bar)).strip();
                    String credit = bar < 0 ? "" : title.substring(bar + 1).strip();
                    Figure figure = new Figure(image.getDestination(), altText(image), caption, credit);
                    paragraph.insertAfter(figure);
                    paragraph.unlink();
                }
            });
            return document;
        }

        private static Image loneImage(Paragraph paragraph) {
            Node only = paragraph.getFirstChild();
            if (only instanceof Image image && only.getNext() == null) {
                return image;
            }
            return null;
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            return alt.toString();
        }
    }

    /** Writes a {@link Figure}; asks the media library for the image's size and variants. */
    static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final MediaResolver media;

        Renderer(HtmlNodeRendererContext context, MediaResolver media) {
            this.context = context;
            this.media = media;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Figure.class);
        }

        @Override
        public void render(Node node) {
            Figure figure = (Figure) node;
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("figure", Map.of("class", "inline-figure"));
            html.tag("img", imageAttributes(figure), true);
            if (!figure.caption.isEmpty() || !figure.credit.isEmpty()) {
                html.tag("figcaption");
                html.text(figure.caption);
                if (!figure.credit.isEmpty()) {
                    html.raw(" ");
                    html.tag("span", Map.of("class", "credit"));
                    html.text(figure.credit);
                    html.tag("/span");
                }
                html.tag("/figcaption");
            }
            html.tag("/figure");
            html.line();
        }

        private Map<String, String> imageAttributes(Figure figure) {
            String src = context.encodeUrl(figure.src);
            var found = media.find(figure.src);
            if (found.isEmpty()) {
                return Map.of("src", src, "alt", figure.alt, "loading", "lazy");
            }
            Media image = found.get();
            return Map.of(
                    "src", image.url(960),
                    "srcset", image.srcset(),
                    "sizes", "(min-width: 760px) 700px, 100vw",
                    "width", Integer.toString(image.width()),
                    "height", Integer.toString(image.height()),
                    "alt", figure.alt,
                    "loading", "lazy");
        }
    }
}
