package org.masthead.wordpress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.masthead.content.SiteSettings;

/**
 * Writes the site as a WordPress export (WXR 1.2), streaming batch by batch: authors, sections
 * as categories (with their parents), tags, images as attachments, articles as posts with
 * their comments, and static pages as pages. Bodies are the HTML readers get. WordPress ids
 * must be unique across kinds, so articles, pages and images get ids 3n, 3n+1 and 3n+2.
 */
public final class WordPressExport {
    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RSS_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ExportQueries queries;

    public WordPressExport(ExportQueries queries) {
        this.queries = queries;
    }

    /** How many items the export will hold, for a progress bar. */
    public long items() {
        return queries.count("articles") + queries.count("pages") + queries.count("media");
    }

    /** Writes the export to {@code file} (through a temporary file beside it); {@code siteUrl} is the site's public address. */
    public void write(Path file, String siteUrl, SiteSettings settings, LongConsumer progress) {
        String base = siteUrl.replaceAll("/+$", "");
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Writer(xml, base, progress).document(settings);
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private final class Writer {
        private final XMLStreamWriter xml;
        private final String base;
        private final LongConsumer progress;

        Writer(XMLStreamWriter xml, String base, LongConsumer progress) {
            this.xml = xml;
            this.base = base;
            this.progress = progress;
        }

        void document(SiteSettings settings) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
            xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
            xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
            xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
            xml.writeNamespace("wp", WP);
            xml.writeCharacters("\n");
            xml.writeStartElement("channel");
            text("title", settings.name());
            text("link", base);
            text("description", settings.tagline());
            text("language", settings.language());
            wp("wxr_version", "1.2");
            wp("base_site_url", base);
            wp("base_blog_url", base);
            for (ExportQueries.AuthorRow author : queries.authors()) {
                start("wp", "author");
                wp("author_id", Long.toString(author.id()));
                cdataWp("author_login", author.slug());
                cdataWp("author_email", "");
                cdataWp("author_display_name", author.name());
                end();
            }
            for (ExportQueries.SectionRow section : queries.sections()) {
                start("wp", "category");
                wp("term_id", Long.toString(section.id()));
                cdataWp("category_nicename", section.slug());
                cdataWp("category_parent", section.parentSlug() == null ? "" : section.parentSlug());
                cdataWp("cat_name", html(section.name()));
                cdataWp("category_description", section.description());
                end();
            }
            for (ExportQueries.TagRow tag : queries.tags()) {
                start("wp", "tag");
                wp("term_id", Long.toString(tag.id()));
                cdataWp("tag_slug", tag.slug());
                cdataWp("tag_name", html(tag.name()));
                end();
            }
            text("generator", "Masthead");
            media();
            articles();
            pages();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void media() throws XMLStreamException {
            for (List<ExportQueries.MediaRow> batch = queries.media(0); !batch.isEmpty();
                 batch = queries.media(batch.getLast().id())) {
                for (ExportQueries.MediaRow m : batch) {
                    String url = base + "/media/" + m.fileName();
                    String id = Long.toString(m.id() * 3 + 2);
                    itemStart(m.fileName().substring(m.fileName().lastIndexOf('/') + 1), url, id, "");
                    cdata("content", "encoded", "");
                    cdata("excerpt", "encoded", m.caption());
                    itemFields(id, Instant.ofEpochMilli(m.createdAt()), slug(m.fileName()), "inherit", "attachment", "closed");
                    wp("attachment_url", url);
                    meta("_wp_attached_file", m.fileName());
                    meta("_wp_attachment_image_alt", m.alt());
                    if (!m.credit().isEmpty()) {
                        String credit = m.credit();
                        meta("_wp_attachment_metadata", "a:1:{s:10:\"image_meta\";a:1:{s:6:\"credit\";s:"
                                + credit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ":\"" + credit + "\";}}");
                    }
                    end();
                    progress.accept(1);
                }
            }
        }

        private void articles() throws XMLStreamException {
            for (List<ExportQueries.ArticleRow> batch = queries.articles(0); !batch.isEmpty();
                 batch = queries.articles(batch.getLast().id())) {
                for (ExportQueries.ArticleRow a : batch) {
                    String id = Long.toString(a.id() * 3);
                    Instant at = Instant.ofEpochMilli(a.publishedAt() == null ? a.createdAt() : a.publishedAt());
                    itemStart(html(a.headline()), base + "/?p=" + id, id, a.authorSlug() == null ? "" : a.authorSlug());
                    cdata("content", "encoded", a.bodyHtml());
                    cdata("excerpt", "encoded", html(a.dek()));
                    itemFields(id, at, a.slug(), status(a.status()), "post", a.commentsOpen() ? "open" : "closed");
                    category("category", a.sectionSlug(), a.sectionName());
                    for (ExportQueries.TagRow tag : queries.tagsOf(a.id())) {
                        category("post_tag", tag.slug(), tag.name());
                    }
                    if (a.featuredMediaId() != null) {
                        meta("_thumbnail_id", Long.toString(a.featuredMediaId() * 3 + 2));
                    }
                    for (ExportQueries.CommentRow c : queries.comments(a.id())) {
                        comment(c);
                    }
                    end();
                    progress.accept(1);
                }
            }
        }

        private void pages() throws XMLStreamException {
            for (List<ExportQueries.PageRow> batch = queries.pages(0); !batch.isEmpty();
                 batch = queries.pages(batch.getLast().id())) {
                for (ExportQueries.PageRow p : batch) {
                    String id = Long.toString(p.id() * 3 + 1);
                    itemStart(html(p.title()), base + "/" + p.slug(), id, "");
                    cdata("content", "encoded", p.bodyHtml());
                    cdata("excerpt", "encoded", "");
                    itemFields(id, Instant.ofEpochMilli(p.updatedAt()), p.slug(), "publish", "page", "closed",
                            p.parentId() == 0 ? "0" : Long.toString(p.parentId() * 3 + 1));
                    end();
                    progress.accept(1);
                }
            }
        }

        private void comment(ExportQueries.CommentRow c) throws XMLStreamException {
            start("wp", "comment");
            wp("comment_id", Long.toString(c.id()));
            cdataWp("comment_author", c.name());
            cdataWp("comment_author_email", c.email());
            cdataWp("comment_author_url", c.url());
            wp("comment_date", WP_DATE.format(Instant.ofEpochMilli(c.createdAt())));
            wp("comment_date_gmt", WP_DATE.format(Instant.ofEpochMilli(c.createdAt())));
            cdataWp("comment_content", html(c.body()).replace("\n", "<br />"));
            cdataWp("comment_approved", switch (c.status()) {
                case "APPROVED" -> "1";
                case "SPAM" -> "spam";
                case "TRASH" -> "trash";
                default -> "0";
            });
            cdataWp("comment_type", "comment");
            wp("comment_parent", c.parentId() == null ? "0" : Long.toString(c.parentId()));
            wp("comment_user_id", "0");
            end();
        }

        private void itemStart(String title, String link, String id, String creator) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement("item");
            text("title", title);
            text("link", link);
            xml.writeCharacters("\n");
            xml.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
            xml.writeCData(creator);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "false");
            xml.writeCharacters(base + "/?p=" + id);
            xml.writeEndElement();
            text("description", "");
        }

        private void itemFields(String id, Instant at, String slug, String status, String type, String comments)
                throws XMLStreamException {
            itemFields(id, at, slug, status, type, comments, "0");
        }

        /** {@code parent}: the WordPress id of the item's parent (a page's parent page), "0" for none. */
        private void itemFields(String id, Instant at, String slug, String status, String type, String comments,
                                String parent) throws XMLStreamException {
            wp("post_id", id);
            text("pubDate", RSS_DATE.format(at));
            cdataWp("post_date", WP_DATE.format(at));
            cdataWp("post_date_gmt", WP_DATE.format(at));
            cdataWp("comment_status", comments);
            cdataWp("ping_status", "closed");
            cdataWp("post_name", slug);
            cdataWp("status", status);
            wp("post_parent", parent);
            wp("menu_order", "0");
            cdataWp("post_type", type);
            cdataWp("post_password", "");
            wp("is_sticky", "0");
        }

        private void category(String domain, String slug, String name) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement("category");
            xml.writeAttribute("domain", domain);
            xml.writeAttribute("nicename", slug);
            writeCdata(html(name));
            xml.writeEndElement();
        }

        private void meta(String key, String value) throws XMLStreamException {
            start("wp", "postmeta");
            cdataWp("meta_key", key);
            cdataWp("meta_value", value);
            end();
        }

        private void start(String prefix, String name) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement(prefix, name, WP);
        }

        private void end() throws XMLStreamException {
            xml.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            xml.writeCharacters(value == null ? "" : value);
            xml.writeEndElement();
        }

        private void wp(String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement("wp", name, WP);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void cdataWp(String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement("wp", name, WP);
            writeCdata(value);
            xml.writeEndElement();
        }

        private void cdata(String prefix, String name, String value) throws XMLStreamException {
            xml.writeCharacters("\n");
            xml.writeStartElement(prefix, name, prefix.equals("content") ? "http://purl.org/rss/1.0/modules/content/"
                    : "http://wordpress.org/export/1.2/excerpt/");
            writeCdata(value);
            xml.writeEndElement();
        }

        /** CDATA cannot hold "]]>", so such text is split over two sections, as WordPress itself does. */
        private void writeCdata(String value) throws XMLStreamException {
            String[] parts = (value == null ? "" : value).split("]]>", -1);
            for (int i = 0; i < parts.length; i++) {
                String piece = (i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : "");
                xml.writeCData(piece);
            }
        }
    }

    /** Plain text as the HTML WordPress keeps in titles, excerpts, term names and comments. */
    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String status(String status) {
        return switch (status) {
            case "PUBLISHED" -> "publish";
            case "SCHEDULED" -> "future";
            case "PENDING" -> "pending";
            case "UNPUBLISHED" -> "private";
            case "TRASH" -> "trash";
            default -> "draft";
        };
    }

    private static String slug(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return org.masthead.content.Slugs.of(dot > 0 ? name.substring(0, dot) : name);
    }
}
