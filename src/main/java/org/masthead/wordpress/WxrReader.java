package org.masthead.wordpress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a WordPress export (WXR 1.0, 1.1 or 1.2) with StAX and hands each author, term and
 * item to a {@link Wxr.Visitor} as soon as it is read, so memory stays bounded by the largest
 * single item. Elements of the {@code wp:} vocabulary are recognised by their namespace, not
 * their prefix. A file that is not well-formed, or that lacks a valid {@code wp:wxr_version},
 * is refused with a {@link BadExport} naming the line and column.
 */
final class WxrReader {
    private static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-2]/");
    private static final Pattern EXCERPT_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-2]/excerpt/");
    private static final String CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";
    private static final Pattern VERSION = Pattern.compile("1\\.[0-2]");

    private final XMLInputFactory factory;

    WxrReader() {
        factory = XMLInputFactory.newFactory();
        // An export is data: no DTDs, no external entities, CDATA sections joined to their text.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** Reads the whole file, calling the visitor for each part; returns the export's WXR version. */
    String read(Path file, Wxr.Visitor visitor) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return document(xml, visitor, file.getFileName().toString());
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new BadExport(where(file.getFileName().toString(), e.getLocation())
                    + "not well-formed XML: " + plainMessage(e));
        } catch (IOException e) {
            throw new BadExport(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private String document(XMLStreamReader xml, Wxr.Visitor visitor, String name) throws XMLStreamException {
        String version = null;
        boolean inChannel = false;
        Location channel = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                String ns = namespace(xml);
                if (ns.isEmpty() && local.equals("channel")) {
                    inChannel = true;
                    channel = copy(xml.getLocation());
                } else if (!inChannel) {
                    continue; // the rss element around the channel
                } else if (isWp(ns) && local.equals("wxr_version")) {
                    Location at = xml.getLocation();
                    String text = text(xml).strip();
                    if (!VERSION.matcher(text).matches()) {
                        throw new BadExport(where(name, at) + "wp:wxr_version is \"" + text
                                + "\"; this importer reads WordPress exports of version 1.0, 1.1 and 1.2");
                    }
                    version = text;
                } else if (isWp(ns) && local.equals("base_site_url")) {
                    visitor.site(text(xml).strip());
                } else if (isWp(ns) && local.equals("author")) {
                    Map<String, String> f = fields(xml);
                    visitor.author(new Wxr.Author(get(f, "author_id"), get(f, "author_login"), get(f, "author_email"),
                            get(f, "author_display_name")));
                } else if (isWp(ns) && local.equals("category")) {
                    Map<String, String> f = fields(xml);
                    visitor.term(new Wxr.Term("category", get(f, "term_id"), get(f, "category_nicename"),
                            get(f, "cat_name"), get(f, "category_description"), get(f, "category_parent")));
                } else if (isWp(ns) && local.equals("tag")) {
                    Map<String, String> f = fields(xml);
                    visitor.term(new Wxr.Term("post_tag", get(f, "term_id"), get(f, "tag_slug"), get(f, "tag_name"),
                            get(f, "tag_description"), ""));
                } else if (isWp(ns) && local.equals("term")) {
                    Map<String, String> f = fields(xml);
                    visitor.term(new Wxr.Term(get(f, "term_taxonomy"), get(f, "term_id"), get(f, "term_slug"),
                            get(f, "term_name"), get(f, "term_description"), get(f, "term_parent")));
                } else if (ns.isEmpty() && local.equals("item")) {
                    visitor.item(item(xml));
                } else {
                    skip(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("channel")) {
                inChannel = false;
            }
        }
        if (version == null) {
            throw new BadExport(where(name, channel) + "this is not a WordPress export: "
                    + (channel == null ? "it has no RSS channel" : "its channel has no wp:wxr_version element"));
        }
        return version;
    }

    private Wxr.Item item(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new HashMap<>();
        List<Wxr.ItemTerm> terms = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        while (nextChild(xml)) {
            String local = xml.getLocalName();
            String ns = namespace(xml);
            if (ns.isEmpty() && local.equals("category")) {
                String domain = attribute(xml, "domain");
                String slug = attribute(xml, "nicename");
                terms.add(new Wxr.ItemTerm(domain, slug, text(xml).strip()));
            } else if (isWp(ns) && local.equals("postmeta")) {
                Map<String, String> m = fields(xml);
                if (m.containsKey("meta_key")) {
                    meta.put(m.get("meta_key"), get(m, "meta_value"));
                }
            } else if (isWp(ns) && local.equals("comment")) {
                Map<String, String> c = fields(xml);
                comments.add(new Wxr.Comment(get(c, "comment_id"), get(c, "comment_author"), get(c, "comment_author_email"),
                        get(c, "comment_author_url"), get(c, "comment_date_gmt"), get(c, "comment_date"),
                        get(c, "comment_content"), get(c, "comment_approved"), get(c, "comment_type"),
                        get(c, "comment_parent")));
            } else {
                String key = prefixOf(ns) + local;
                String value = text(xml);
                f.putIfAbsent(key, value);
            }
        }
        return new Wxr.Item(get(f, "wp:post_id").strip(), get(f, "title"), get(f, "link").strip(), get(f, "guid").strip(),
                get(f, "pubDate").strip(), get(f, "dc:creator").strip(), get(f, "content:encoded"), get(f, "excerpt:encoded"),
                get(f, "wp:post_date_gmt").strip(), get(f, "wp:post_date").strip(), get(f, "wp:post_name").strip(),
                get(f, "wp:status").strip(), get(f, "wp:post_parent").strip(), get(f, "wp:post_type").strip(),
                get(f, "wp:post_password"), "1".equals(get(f, "wp:is_sticky").strip()),
                get(f, "wp:attachment_url").strip(), get(f, "wp:comment_status").strip(), terms, meta, comments, line);
    }

    /** The text of each child element of the wp: vocabulary, by local name (the first of each wins). */
    private Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (nextChild(xml)) {
            boolean wp = isWp(namespace(xml));
            String local = xml.getLocalName();
            String value = text(xml);
            if (wp) {
                fields.putIfAbsent(local, value);
            }
        }
        return fields;
    }

    /**
     * Moves to the next child element (true) or to the end of the current one (false), passing
     * over text between elements, which some exporters leave and which carries nothing.
     */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                return false;
            }
        }
    }

    /** The element's own text, up to its end tag; text inside nested elements is left out. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    private static String namespace(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static boolean isWp(String ns) {
        return WP_NAMESPACE.matcher(ns).matches();
    }

    private static String prefixOf(String ns) {
        if (ns.isEmpty()) {
            return "";
        } else if (isWp(ns)) {
            return "wp:";
        } else if (EXCERPT_NAMESPACE.matcher(ns).matches()) {
            return "excerpt:";
        } else if (ns.equals(CONTENT_NAMESPACE)) {
            return "content:";
        } else if (ns.equals(DC_NAMESPACE)) {
            return "dc:";
        }
        return "{" + ns + "}";
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    private static String get(Map<String, String> fields, String key) {
        String value = fields.get(key);
        return value == null ? "" : value;
    }

    /** The parser reuses its location object, so one kept for later is copied. */
    private static Location copy(Location at) {
        int line = at.getLineNumber();
        int column = at.getColumnNumber();
        return new Location() {
            public int getLineNumber() {
                return line;
            }

            public int getColumnNumber() {
                return column;
            }

            public int getCharacterOffset() {
                return -1;
            }

            public String getPublicId() {
                return null;
            }

            public String getSystemId() {
                return null;
            }
        };
    }

    private static String where(String file, Location at) {
        return at == null ? file + ": " : file + ", line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    }

    /** The parser's own words without the location it already prefixes (we give it once, our way). */
    private static String plainMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }
}
