package org.masthead.wordpress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a WordPress post's HTML into an article body in Masthead's Markdown: block-editor
 * comments dropped (embed blocks kept as embeds), the shortcodes [caption], [gallery] and
 * [embed] rewritten, classic-editor text given its paragraphs (as WordPress's wpautop would),
 * lone images made figures of the media library, and everything else kept as paragraphs or
 * HTML blocks, which the site's one sanitizer cleans when the article is saved. Unknown
 * shortcodes stay in the text and are reported.
 */
final class PostHtml {
    private static final Pattern MORE = Pattern.compile("<!--more(.*?)?-->", Pattern.DOTALL);
    private static final Pattern NEXTPAGE = Pattern.compile("<!--nextpage-->");
    private static final Pattern EMBED_BLOCK = Pattern.compile(
            "<!-- wp:(?:core-)?embed(?:/[a-z0-9-]+)?\\s+(\\{.*?\\})\\s*-->(.*?)<!-- /wp:(?:core-)?embed(?:/[a-z0-9-]+)?\\s*-->",
            Pattern.DOTALL);
    private static final Pattern JSON_URL = Pattern.compile("\"url\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SELF_CLOSING_BLOCK = Pattern.compile("<!-- wp:([a-z0-9/-]+)(?:\\s+\\{.*?\\})?\\s*/-->", Pattern.DOTALL);
    private static final Pattern BLOCK_DELIMITER = Pattern.compile("<!-- /?wp:[a-z0-9/-]+(?:\\s+\\{.*?\\})?\\s*-->", Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTCODE = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_-]*)(?:\\s[^\\]]*)?/?\\]");
    private static final Pattern IDS = Pattern.compile("\\bids\\s*=\\s*[\"']?([0-9, ]+)");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("\\bcaption\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BLOCK_START = Pattern.compile(
            "(?i)^<(?:p|div|h[1-6]|ul|ol|li|dl|blockquote|pre|table|thead|tbody|tr|figure|hr|address|section|article|aside|form|fieldset|iframe|script|style|masthead-embed)\\b");
    private static final Pattern PRE = Pattern.compile("<pre\\b.*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern KEPT_PRE = Pattern.compile("<pre data-kept=\"(\\d+)\"></pre>");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
            "blockquote", "pre", "table", "figure", "hr", "address", "section", "article", "aside", "header", "footer",
            "nav", "main", "form", "fieldset", "details", "masthead-embed");
    private static final Set<String> WRAPPERS = Set.of("div", "section", "article", "aside", "header", "footer", "nav",
            "main", "center", "font");
    private static final Set<String> VOID = Set.of("br", "img", "hr", "wbr");
    private static final Set<String> KEPT_ATTRIBUTES = Set.of("href", "title", "lang", "alt", "src", "start", "colspan",
            "rowspan", "id");

    /** A picture of the media library as the body should show it: a local /media/ address, or the old one if missing. */
    record Picture(String src, String alt, String caption, String credit) {
    }

    /** Where the converter finds the export's images: by address, by attachment id, attached to a post. */
    interface Pictures {
        Optional<Picture> byUrl(String url);

        Optional<Picture> byId(String attachmentId);

        List<Picture> attachedTo(String postId);
    }

    /** The body, the text before {@code <!--more-->} (empty without one), and what the report should say. */
    record Converted(String markdown, String teaser, int pages, Set<String> unknownShortcodes, List<String> notes) {
    }

    private final Pictures pictures;
    private final Predicate<String> embeddable;
    /** The pictures of the body being converted, by the local address they were given. */
    private final java.util.Map<String, Picture> resolved = new java.util.HashMap<>();

    PostHtml(Pictures pictures, Predicate<String> embeddable) {
        this.pictures = pictures;
        this.embeddable = embeddable;
    }

    Converted convert(String postId, String wordpressHtml) {
        List<String> notes = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        resolved.clear();
        String html = wordpressHtml.replace("\r\n", "\n").replace('\r', '\n');
        boolean blocks = html.contains("<!-- wp:");
        String teaser = "";
        Matcher more = MORE.matcher(html);
        if (more.find()) {
            teaser = Jsoup.parseBodyFragment(html.substring(0, more.start())).text().strip();
            html = more.replaceAll("");
        }
        String[] pageParts = NEXTPAGE.split(html, -1);
        html = String.join("\n\n<hr>\n\n", pageParts);
        html = embedBlocks(html);
        html = replace(SELF_CLOSING_BLOCK, html, m -> {
            notes.add("the dynamic block wp:" + m.group(1) + " has no content of its own and was left out");
            return "";
        });
        html = BLOCK_DELIMITER.matcher(html).replaceAll("");
        html = shortcodes(postId, html);
        Matcher shortcode = SHORTCODE.matcher(html);
        while (shortcode.find()) {
            unknown.add(shortcode.group(1).toLowerCase(Locale.ROOT));
        }
        if (!blocks) {
            html = autop(html);
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        clean(document.body(), notes);
        return new Converted(markdown(document.body()), teaser, pageParts.length, unknown, notes);
    }

    private static String embedBlocks(String html) {
        return replace(EMBED_BLOCK, html, m -> {
            Matcher url = JSON_URL.matcher(m.group(1));
            String address = url.find() ? url.group(1).replace("\\/", "/") : Jsoup.parseBodyFragment(m.group(2)).text().strip();
            return "\n\n<masthead-embed data-url=\"" + attribute(address) + "\"></masthead-embed>\n\n";
        });
    }

    private String shortcodes(String postId, String html) {
        html = replace(CAPTION, html, m -> "\n\n" + captionFigure(m.group(1), m.group(2)) + "\n\n");
        html = replace(GALLERY, html, m -> "\n\n" + gallery(postId, m.group(1)) + "\n\n");
        return replace(EMBED, html, m -> "\n\n<masthead-embed data-url=\"" + attribute(m.group(1).strip())
                + "\"></masthead-embed>\n\n");
    }

    /** [caption]<img> Words[/caption]: the image with the words after it (or its caption attribute) as caption. */
    private static String captionFigure(String attributes, String inner) {
        Element body = Jsoup.parseBodyFragment(inner).body();
        Element img = body.selectFirst("img");
        if (img == null) {
            return inner;
        }
        img.remove();
        String caption = body.text().strip();
        Matcher attribute = CAPTION_ATTRIBUTE.matcher(attributes);
        if (caption.isEmpty() && attribute.find()) {
            caption = Jsoup.parseBodyFragment(attribute.group(1)).text();
        }
        return "<figure>" + img.outerHtml() + "<figcaption>" + org.jsoup.nodes.Entities.escape(caption) + "</figcaption></figure>";
    }

    private String gallery(String postId, String attributes) {
        List<Picture> shown = new ArrayList<>();
        Matcher ids = IDS.matcher(attributes);
        if (ids.find()) {
            for (String id : ids.group(1).split("[ ,]+")) {
                pictures.byId(id.strip()).ifPresent(shown::add);
            }
        } else {
            shown.addAll(pictures.attachedTo(postId));
        }
        StringBuilder figures = new StringBuilder();
        for (Picture picture : shown) {
            resolved.put(picture.src(), picture);
            figures.append("<figure><img src=\"").append(attribute(picture.src())).append("\" alt=\"")
                    .append(attribute(picture.alt())).append("\"><figcaption>")
                    .append(org.jsoup.nodes.Entities.escape(picture.caption())).append("</figcaption></figure>\n\n");
        }
        return figures.toString();
    }

    /**
     * WordPress's classic editor stores text with blank lines between paragraphs and single
     * line breaks inside them; its wpautop adds the tags when showing it. This does the same
     * for text that is not already in a block-level element.
     */
    static String autop(String html) {
        // Preformatted text keeps its blank lines: set aside while the rest is split.
        List<String> kept = new ArrayList<>();
        String protectedHtml = replace(PRE, html, m -> {
            kept.add(m.group());
            return "\n\n<pre data-kept=\"" + (kept.size() - 1) + "\"></pre>\n\n";
        });
        StringBuilder out = new StringBuilder();
        for (String chunk : protectedHtml.strip().split("\n\\s*\n")) {
            String part = chunk.strip();
            if (part.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(part).find()) {
                out.append(part);
            } else {
                out.append("<p>").append(part.replace("\n", "<br>\n")).append("</p>");
            }
            out.append("\n\n");
        }
        return replace(KEPT_PRE, out.toString(), m -> kept.get(Integer.parseInt(m.group(1))));
    }

    /** Removes what a body may not carry, turns frames of known players into embeds, and points images at the library. */
    private void clean(Element body, List<String> notes) {
        for (Element e : body.select("script, style, noscript, object, applet, form")) {
            notes.add("a <" + e.tagName() + "> element was left out");
            e.remove();
        }
        for (Element credit : body.select("figcaption .credit")) {
            credit.tagName("masthead-credit");
        }
        // Masthead's own embed placeholders (an export of a Masthead site) become embeds again.
        for (Element placeholder : body.select("div[data-embed-src]")) {
            Element link = placeholder.selectFirst("a[href]");
            if (link != null) {
                placeholder.replaceWith(new Element("masthead-embed").attr("data-url", link.attr("href")));
            }
        }
        for (Element frame : body.select("iframe")) {
            String src = frame.attr("src");
            if (embeddable.test(src)) {
                frame.replaceWith(new Element("masthead-embed").attr("data-url", src));
            } else {
                notes.add("a frame from " + host(src) + " was left out (not a video or map provider the site embeds)");
                frame.remove();
            }
        }
        for (Element img : body.select("img")) {
            Optional<Picture> picture = pictures.byUrl(img.attr("src"));
            if (picture.isPresent()) {
                resolved.put(picture.get().src(), picture.get());
                img.attr("src", picture.get().src());
                if (img.attr("alt").isBlank()) {
                    img.attr("alt", picture.get().alt());
                }
            }
        }
        // Layout wrappers (block groups, columns, old <center>s) carry nothing readers need.
        for (Element wrapper : body.select(String.join(", ", WRAPPERS))) {
            wrapper.unwrap();
        }
        for (Element figure : body.select("figure")) {
            if (figure.selectFirst("img") == null) {
                // A table's or quote's figure: keep what it wraps, the caption as a paragraph.
                for (Element caption : figure.select("figcaption")) {
                    caption.tagName("p");
                }
                figure.unwrap();
            }
        }
        for (Element e : body.getAllElements()) {
            List<String> names = e.attributes().asList().stream().map(a -> a.getKey()).toList();
            for (String name : names) {
                if (!KEPT_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && !(e.tagName().equals("masthead-embed"))) {
                    e.removeAttr(name);
                }
            }
        }
    }

    /** Writes the body's top-level nodes as Markdown blocks: paragraphs, figures, embeds, HTML blocks. */
    private String markdown(Element body) {
        List<String> blocks = new ArrayList<>();
        StringBuilder loose = new StringBuilder();
        for (Node node : new ArrayList<>(body.childNodes())) {
            if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                flush(loose, blocks);
                String block = block(e);
                if (!block.isBlank()) {
                    blocks.add(block);
                }
            } else {
                inline(node, loose);
            }
        }
        flush(loose, blocks);
        return String.join("\n\n", blocks) + (blocks.isEmpty() ? "" : "\n");
    }

    private String block(Element e) {
        Element lone = loneImage(e);
        if (lone != null) {
            String caption = "";
            String written = "";
            Element figcaption = e.tagName().equals("figure") ? e.selectFirst("figcaption") : null;
            if (figcaption != null) {
                Element words = figcaption.clone();
                Element credit = words.selectFirst("masthead-credit");
                if (credit != null) {
                    written = credit.text();
                    credit.remove();
                }
                caption = words.text();
            }
            return figure(lone, caption, written);
        }
        return switch (e.tagName()) {
            case "masthead-embed" -> embed(e.attr("data-url"));
            case "p" -> {
                String url = e.text().strip();
                if (e.children().size() <= 1 && url.matches("https?://\\S+") && e.select("img").isEmpty()
                        && embeddable.test(url)) {
                    yield embed(url);
                }
                StringBuilder text = new StringBuilder();
                for (Node child : e.childNodes()) {
                    inline(child, text);
                }
                yield paragraph(text.toString());
            }
            default -> htmlBlock(e);
        };
    }

    /** The image when the element is a figure or paragraph showing one image (maybe linked) and nothing else but a caption. */
    private static Element loneImage(Element e) {
        if (!e.tagName().equals("figure") && !e.tagName().equals("p")) {
            return null;
        }
        List<Element> images = e.select("img");
        if (images.size() != 1) {
            return null;
        }
        Element copy = e.clone();
        copy.select("img, figcaption").remove();
        return copy.text().isBlank() ? images.getFirst() : null;
    }

    private String figure(Element img, String captionText, String writtenCredit) {
        String src = img.attr("src");
        Optional<Picture> picture = Optional.ofNullable(resolved.get(src)).or(() -> pictures.byUrl(src));
        String alt = img.attr("alt").strip();
        String caption = captionText.isBlank() ? picture.map(Picture::caption).orElse("") : captionText.strip();
        String credit = picture.map(Picture::credit).filter(c -> !c.isBlank()).orElse(writtenCredit.strip());
        String title = credit.isEmpty() && !caption.contains("|") ? caption : caption + " | " + credit;
        String escapedAlt = alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replaceAll("\\s+", " ");
        String escapedTitle = title.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s+", " ").strip();
        String destination = src.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20");
        return "![" + escapedAlt + "](<" + destination + ">" + (escapedTitle.isEmpty() ? "" : " \"" + escapedTitle + "\"") + ")";
    }

    private String embed(String url) {
        if (embeddable.test(url)) {
            return "::: embed " + url;
        }
        return url.matches("https?://\\S+") ? "<p><a href=\"" + attribute(url) + "\">" + org.jsoup.nodes.Entities.escape(url)
                + "</a></p>" : "";
    }

    private static void flush(StringBuilder loose, List<String> blocks) {
        String text = paragraph(loose.toString());
        if (!text.isBlank()) {
            blocks.add(text);
        }
        loose.setLength(0);
    }

    /** One Markdown paragraph on one line; a start that Markdown would read as a list or heading is escaped. */
    private static String paragraph(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        while (line.startsWith("<br>")) {
            line = line.substring(4).strip();
        }
        if (line.matches("^(\\d+)[.)](\\s.*|$)") || line.matches("^[-+=:](.*)$")) {
            int at = line.matches("^\\d.*") ? line.indexOf(line.matches("^\\d+\\..*") ? '.' : ')') : 0;
            line = line.substring(0, at) + "\\" + line.substring(at);
        }
        return line;
    }

    /** Inline content for a Markdown paragraph: text escaped for Markdown, elements as inline HTML. */
    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(escapeText(text.getWholeText()));
        } else if (node instanceof Element e) {
            if (BLOCKS.contains(e.tagName())) {
                // A block inside inline content: keep its text.
                for (Node child : e.childNodes()) {
                    inline(child, out);
                }
                out.append(' ');
                return;
            }
            out.append('<').append(e.tagName());
            e.attributes().forEach(a -> out.append(' ').append(a.getKey()).append("=\"").append(attribute(a.getValue())).append('"'));
            out.append('>');
            if (!VOID.contains(e.tagName())) {
                for (Node child : e.childNodes()) {
                    inline(child, out);
                }
                out.append("</").append(e.tagName()).append('>');
            }
        }
    }

    /** An HTML block on lines without blank ones (which would end it early); newlines in preformatted text as entities. */
    private static String htmlBlock(Element e) {
        for (TextNode text : e.textNodes()) {
            collapse(text);
        }
        for (Element child : e.getAllElements()) {
            for (TextNode text : child.textNodes()) {
                collapse(text);
            }
        }
        return e.outerHtml().replace("\n", "&#10;");
    }

    private static void collapse(TextNode text) {
        boolean preformatted = false;
        for (Node at = text.parent(); at != null; at = at.parent()) {
            preformatted |= at instanceof Element e && e.tagName().equals("pre");
        }
        if (!preformatted) {
            text.text(text.getWholeText().replaceAll("\\s+", " "));
        }
    }

    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~', '!' -> out.append('\\').append(c);
                case '\n', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String host(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? "another site" : host;
        } catch (IllegalArgumentException e) {
            return "another site";
        }
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
