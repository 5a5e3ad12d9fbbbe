package org.masthead.feeds;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.content.Media;
import org.masthead.content.SiteSettings;
import org.masthead.web.Dates;

/**
 * Turns a list of articles into RSS 2.0 or Atom 1.0 bytes with Rome. Every link is absolute;
 * so are the links and pictures inside the stories' HTML, which feed readers show away from
 * the site. A correction or update note leads the story's text and moves its updated time.
 */
final class FeedWriter {
    enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String romeType;
        final String contentType;

        Format(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    /** Width of the picture a feed encloses: large enough for a reader's lead image. */
    static final int ENCLOSURE_WIDTH = 1200;
    private static final Pattern LOCAL_URL = Pattern.compile("(\\s(?:src|href|poster)=\")(/(?!/))");
    private static final Pattern SRCSET = Pattern.compile("(\\ssrcset=\")([^\"]*)\"");

    private final ToLongFunction<String> fileSize;

    /** {@code fileSize} gives the bytes of a media file by its path under /media/ (0 when unknown). */
    FeedWriter(ToLongFunction<String> fileSize) {
        this.fileSize = fileSize;
    }

    /** Sizes read from the media folder on disk. */
    static FeedWriter reading(Path mediaDir) {
        return new FeedWriter(relative -> {
            try {
                Path file = mediaDir.resolve(relative).normalize();
                return file.startsWith(mediaDir) && Files.isRegularFile(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                return 0;
            }
        });
    }

    byte[] write(Format format, SiteSettings site, FeedScope scope, List<FeedEntry> entries, String origin,
                 String selfPath) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding("UTF-8");
        feed.setTitle(scope.kind() == FeedScope.Kind.SITE ? site.name() : scope.title() + " — " + site.name());
        String description = scope.description() == null || scope.description().isBlank()
                ? (scope.kind() == FeedScope.Kind.SITE ? site.tagline() : "The latest stories: " + scope.title())
                : scope.description();
        feed.setDescription(description);
        String home = origin + (scope.listPath().isEmpty() ? "/" : scope.listPath());
        feed.setLink(home);
        feed.setUri(origin + selfPath);
        feed.setLinks(List.of(link("alternate", home, "text/html"), link("self", origin + selfPath, format.contentType.split(";")[0])));
        feed.setLanguage(site.language());
        feed.setGenerator("Masthead");
        // The feed changed when its newest change did; an empty feed has never changed.
        feed.setPublishedDate(Date.from(newest(entries)));
        if (entries.isEmpty() || entries.stream().anyMatch(e -> e.authors().isEmpty())) {
            // Atom wants an author on the feed when any entry lacks one: the publication itself.
            SyndPerson publication = new SyndPersonImpl();
            publication.setName(site.name());
            publication.setUri(origin + "/");
            feed.setAuthors(List.of(publication));
        }
        List<SyndEntry> items = new ArrayList<>();
        for (FeedEntry entry : entries) {
            items.add(entry(entry, site.zone(), origin, format == Format.RSS));
        }
        feed.setEntries(items);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new SyndFeedOutput().output(feed, writer, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        return bytes.toByteArray();
    }

    static Instant newest(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::lastChanged).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private SyndEntry entry(FeedEntry article, ZoneId zone, String origin, boolean rss) {
        SyndEntry entry = new SyndEntryImpl();
        String url = origin + article.path();
        entry.setTitle(article.headline());
        entry.setLink(url);
        entry.setUri(tagUri(origin, article));
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.lastChanged()));
        String note = article.hasNote()
                ? "<p><strong>" + escape(article.noteKind() == null ? "Update" : article.noteKind()) + "</strong> ("
                  + escape(Dates.dayAndTime(article.noteAt(), zone)) + "): " + escape(article.noteText()) + "</p>\n"
                : "";
        entry.setDescription(content("html", note + "<p>" + escape(article.dek()) + "</p>"));
        if (article.bodyHtml() != null) {
            entry.setContents(List.of(content("html", note + absolute(article.bodyHtml(), origin))));
        }
        List<SyndPerson> authors = new ArrayList<>();
        for (FeedEntry.Byline byline : article.authors()) {
            SyndPerson person = new SyndPersonImpl();
            person.setName(byline.name());
            person.setUri(origin + byline.path());
            authors.add(person);
        }
        entry.setAuthors(authors);
        if (rss) {
            // RSS's own author element wants an email address; the byline travels as Dublin Core creators.
            DCModule dc = (DCModule) entry.getModule(DCModule.URI);
            dc.setCreators(article.authors().stream().map(FeedEntry.Byline::name).toList());
        }
        SyndCategory section = new SyndCategoryImpl();
        section.setName(article.sectionName());
        entry.setCategories(List.of(section));
        if (article.image() != null) {
            entry.setEnclosures(List.of(enclosure(article.image(), origin)));
        }
        return entry;
    }

    private SyndEnclosure enclosure(Media image, String origin) {
        String path = image.url(ENCLOSURE_WIDTH);
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(origin + path);
        enclosure.setType(image.contentType());
        enclosure.setLength(fileSize.applyAsLong(path.substring(Media.URL_PREFIX.length())));
        return enclosure;
    }

    /**
     * A permanent id that survives a change of slug or host name spelling: RFC 4151's tag URI
     * with the host and the day the story was first published.
     */
    static String tagUri(String origin, FeedEntry article) {
        String host = origin.substring(origin.indexOf("://") + 3).replaceFirst(":\\d+$", "");
        return "tag:" + host + "," + article.publishedAt().toString().substring(0, 10) + ":article-" + article.id();
    }

    /** Makes the site-relative src, href, poster and srcset addresses of stored HTML absolute. */
    static String absolute(String html, String origin) {
        String withLinks = LOCAL_URL.matcher(html).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + origin + m.group(2)));
        return SRCSET.matcher(withLinks).replaceAll(m -> {
            StringBuilder set = new StringBuilder();
            for (String candidate : m.group(2).split(",")) {
                String c = candidate.strip();
                set.append(set.isEmpty() ? "" : ", ").append(c.startsWith("/") && !c.startsWith("//") ? origin + c : c);
            }
            return Matcher.quoteReplacement(m.group(1) + set + "\"");
        });
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
