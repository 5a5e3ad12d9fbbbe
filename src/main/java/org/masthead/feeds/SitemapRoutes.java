package org.masthead.feeds;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.masthead.content.ArticlePaths;
import org.masthead.content.SiteSettings;
import org.masthead.db.Database;
import org.masthead.db.Remembered;
import org.masthead.web.HttpError;
import org.masthead.web.KeptBytes;
import org.masthead.web.Origin;

/**
 * robots.txt and the sitemaps: /sitemap.xml, an index of the list sitemap, one sitemap per run of
 * {@value #URLS_PER_SITEMAP} article ids (with their pictures), and the news sitemap of the last
 * two days. The index is kept, written, until the figures it is written from change (each article
 * sitemap's last change, see {@link SitemapFigures}); the news sitemap until an article changes or
 * its oldest story turns two days old; the list sitemap's addresses until a story or a list
 * changes. The kept index and news sitemap hold their gzip copy and answer with an ETag and 304.
 * The article sitemaps are written with an XMLStreamWriter straight to the response while the rows
 * stream from the database.
 */
public final class SitemapRoutes {
    /**
     * Article ids per sitemap file. The protocol allows 50,000 addresses; a smaller file is what a
     * crawler re-reads when one story in it changes (a new story goes to the last file, an edit
     * moves its own file's lastmod), costs the site a tenth of the writing, and keeps every file
     * the size of a small site's, however large the archive. A million stories make an index of
     * 200 lines, which is kept rather than written per request.
     */
    static final int URLS_PER_SITEMAP = 5_000;
    /** The protocol's limit on the addresses of one file, which the list sitemap may fill. */
    static final int MOST_URLS = 50_000;
    /**
     * Origins whose index, and news sitemap, are kept at once: one or two in practice (a configured
     * base URL, or http and https); a flood of made-up Host headers cannot grow them.
     */
    private static final int KEPT_ORIGINS = 8;
    /** Google News reads at most 1,000 stories of the last 48 hours. */
    static final int NEWS_STORIES = 1_000;
    static final Duration NEWS_AGE = Duration.ofHours(48);
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final Pattern ARTICLES = Pattern.compile("articles-([1-9][0-9]{0,8})\\.xml");
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final int BUFFER = 32 * 1024;
    private static final String XML_TYPE = "application/xml; charset=utf-8";
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final SitemapQueries queries;
    private final Supplier<SiteSettings> site;
    private final int perFile;

    /** Each article sitemap's last change, kept and brought up to date file by file. */
    private final SitemapFigures figures;
    /**
     * The index as written for each origin (at most {@value #KEPT_ORIGINS}), with the figures it was
     * written from: it is answered while those are still the kept ones.
     */
    private final Map<String, KeptIndex> indexes = new ConcurrentHashMap<>();

    private record KeptIndex(NavigableMap<Long, Instant> files, KeptBytes xml) {
    }

    /**
     * The list sitemap's addresses (at most {@value #MOST_URLS}), kept until a story or a list
     * changes: finding each writer's and tag's newest story is a query worth keeping (see
     * {@link SitemapQueries#lists}).
     */
    private final Remembered<List<SitemapQueries.Url>> listed;
    /**
     * The news sitemap's stories and the sitemap as written from them, until an article changes.
     * Google News reads it every few minutes, and a site that publishes a few hundred stories a
     * day would otherwise read and write a thousand of them each time.
     */
    private final Remembered<KeptNews> news;
    private final Supplier<Instant> clock;

    /**
     * The stories of the last {@link #NEWS_AGE} when they were read, newest first, and the sitemap
     * as written from them for each origin, site name and time zone. Until an article changes the
     * stories of a later moment are a beginning of this list: no story can join it without a
     * change, and the oldest leave it as time passes.
     */
    private record KeptNews(List<SitemapQueries.NewsStory> stories, Map<String, WrittenNews> written) {
    }

    /** A written news sitemap and the moment its oldest story turns {@link #NEWS_AGE} old. */
    private record WrittenNews(KeptBytes xml, Instant until) {
    }

    public SitemapRoutes(Database db, Supplier<SiteSettings> site) {
        this(db, site, URLS_PER_SITEMAP, Instant::now);
    }

    /**
     * With {@code perFile} article ids per sitemap file and the time from {@code clock}: tests use a
     * few ids to see several files, and move the clock to see the news sitemap's stories age.
     */
    SitemapRoutes(Database db, Supplier<SiteSettings> site, int perFile, Supplier<Instant> clock) {
        this.queries = new SitemapQueries(db);
        this.site = site;
        this.perFile = perFile;
        this.clock = clock;
        this.news = Remembered.of(db, () -> new KeptNews(queries.news(clock.get().minus(NEWS_AGE), NEWS_STORIES),
                new ConcurrentHashMap<>()), "article");
        this.figures = new SitemapFigures(queries, perFile);
        db.addListener(figures);
        this.listed = Remembered.of(db, () -> queries.lists(MOST_URLS - 1, SitemapQueries.RECENT), "article", "section", "tag", "author", "page");
    }

    public void register(RoutesConfig routes) {
        getAndHead(routes, "/robots.txt", this::robots);
        getAndHead(routes, "/sitemap.xml", this::index);
        getAndHead(routes, "/sitemaps/lists.xml", this::lists);
        getAndHead(routes, "/sitemaps/news.xml", this::news);
        getAndHead(routes, "/sitemaps/{file}", this::articles);
    }

    private static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    void robots(Context ctx) {
        String origin = Origin.of(ctx);
        ctx.contentType("text/plain; charset=utf-8").header("Cache-Control", "public, max-age=3600").result("""
                User-agent: *
                Disallow: /newsroom
                Disallow: /preview/
                Disallow: /comments/

                Sitemap: %s/sitemap.xml
                Sitemap: %s/sitemaps/news.xml
                """.formatted(origin, origin));
    }

    void index(Context ctx) {
        String origin = Origin.of(ctx);
        NavigableMap<Long, Instant> files = figures.files();
        KeptIndex index = indexes.get(origin);
        if (index == null || index.files() != files) {
            index = new KeptIndex(files, KeptBytes.of(index(origin, files), XML_TYPE));
            if (indexes.size() < KEPT_ORIGINS || indexes.containsKey(origin)) {
                indexes.put(origin, index);
            }
        }
        send(ctx, index.xml());
    }

    private static byte[] index(String origin, NavigableMap<Long, Instant> files) {
        Instant newest = SitemapFigures.newest(files);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(200 + 120 * files.size());
        render(bytes, xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            sitemap(xml, origin + "/sitemaps/lists.xml", newest);
            for (Map.Entry<Long, Instant> file : files.entrySet()) {
                sitemap(xml, origin + "/sitemaps/articles-" + file.getKey() + ".xml", file.getValue());
            }
            sitemap(xml, origin + "/sitemaps/news.xml", newest);
            xml.writeEndElement();
        });
        return bytes.toByteArray();
    }

    private static void sitemap(XMLStreamWriter xml, String loc, Instant lastmod) throws XMLStreamException {
        xml.writeStartElement("sitemap");
        element(xml, "loc", loc);
        if (lastmod != null) {
            element(xml, "lastmod", W3C.format(lastmod));
        }
        xml.writeEndElement();
    }

    void lists(Context ctx) {
        String origin = Origin.of(ctx);
        Instant newest = SitemapFigures.newest(figures.files());
        write(ctx, xml -> {
            urlset(xml, false);
            url(xml, origin, new SitemapQueries.Url("/", newest, null));
            for (SitemapQueries.Url url : listed.get()) {
                url(xml, origin, url);
            }
            xml.writeEndElement();
        });
    }

    void articles(Context ctx) {
        Matcher name = ARTICLES.matcher(ctx.pathParam("file"));
        if (!name.matches()) {
            throw HttpError.notFound("There is no sitemap at this address.");
        }
        long file = Long.parseLong(name.group(1));
        // Not from the kept figures of the index: their first read after start is a scan of every published story.
        if (queries.lastChange(file, perFile) == null) {
            throw HttpError.notFound("There is no sitemap at this address: no published article belongs in it.");
        }
        String origin = Origin.of(ctx);
        write(ctx, xml -> {
            urlset(xml, true);
            queries.articles(file, perFile, site.get().zone(), url -> unchecked(() -> url(xml, origin, url)));
            xml.writeEndElement();
        });
    }

    void news(Context ctx) {
        String origin = Origin.of(ctx);
        SiteSettings settings = site.get();
        String key = origin + ' ' + settings.zone().getId() + ' ' + settings.name();
        Instant now = clock.get();
        KeptNews kept = news.get();
        WrittenNews written = kept.written().get(key);
        if (written == null || !now.isBefore(written.until())) {
            written = news(origin, settings, kept.stories(), now);
            if (kept.written().size() < KEPT_ORIGINS || kept.written().containsKey(key)) {
                kept.written().put(key, written);
            }
        }
        send(ctx, written.xml());
    }

    /** The news sitemap of the stories no older than {@link #NEWS_AGE} at {@code now}. */
    private static WrittenNews news(String origin, SiteSettings settings, List<SitemapQueries.NewsStory> stories, Instant now) {
        Instant since = now.minus(NEWS_AGE);
        int count = 0;
        while (count < stories.size() && !stories.get(count).publishedAt().isBefore(since)) {
            count++;
        }
        List<SitemapQueries.NewsStory> shown = stories.subList(0, count);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(200 + 400 * count);
        render(bytes, xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            for (SitemapQueries.NewsStory story : shown) {
                xml.writeStartElement("url");
                element(xml, "loc", origin + ArticlePaths.url(story.slug(), story.publishedAt(), settings.zone()));
                xml.writeStartElement(NEWS_NS, "news");
                xml.writeStartElement(NEWS_NS, "publication");
                xml.writeStartElement(NEWS_NS, "name");
                xml.writeCharacters(settings.name());
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "language");
                xml.writeCharacters(newsLanguage(story.language()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "publication_date");
                xml.writeCharacters(W3C.format(story.publishedAt()));
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "title");
                xml.writeCharacters(story.headline());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
        // Written again once the oldest story shown is older than NEWS_AGE; with none, only after a change.
        Instant until = count == 0 ? Instant.MAX : shown.getLast().publishedAt().plus(NEWS_AGE).plusMillis(1);
        return new WrittenNews(KeptBytes.of(bytes.toByteArray(), XML_TYPE), until);
    }

    /** Google News wants ISO 639 codes, with the script or region only for Chinese (zh-cn, zh-tw). */
    static String newsLanguage(String tag) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("zh-")) {
            return lower.contains("tw") || lower.contains("hant") || lower.contains("hk") ? "zh-tw" : "zh-cn";
        }
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    private static void urlset(XMLStreamWriter xml, boolean images) throws XMLStreamException {
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(SITEMAP_NS);
        if (images) {
            xml.writeNamespace("image", IMAGE_NS);
        }
    }

    private static void url(XMLStreamWriter xml, String origin, SitemapQueries.Url url) throws XMLStreamException {
        xml.writeStartElement("url");
        element(xml, "loc", origin + url.path());
        if (url.lastChanged() != null) {
            element(xml, "lastmod", W3C.format(url.lastChanged()));
        }
        if (url.image() != null) {
            xml.writeStartElement(IMAGE_NS, "image");
            xml.writeStartElement(IMAGE_NS, "loc");
            xml.writeCharacters(origin + url.image());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private interface XmlWork {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private interface XmlStep {
        void run() throws XMLStreamException;
    }

    private static void unchecked(XmlStep step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /**
     * Streams the document to the client as it is written; nothing is kept but a buffer of
     * {@value #BUFFER} bytes. The writer hands its stream one byte at a time, and the server's
     * stream takes a lock for each; the buffer also lets the response be compressed, which the
     * server decides on the first write it sees.
     */
    private static void write(Context ctx, XmlWork work) {
        headers(ctx);
        try {
            OutputStream out = new BufferedOutputStream(ctx.outputStream(), BUFFER);
            render(out, work);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headers(Context ctx) {
        ctx.contentType(XML_TYPE);
        ctx.header("Cache-Control", CACHE_CONTROL);
    }

    /** A kept sitemap: its gzip copy made when it was written, with an ETag and 304. */
    private static void send(Context ctx, KeptBytes kept) {
        try {
            kept.send(ctx, CACHE_CONTROL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void render(OutputStream out, XmlWork work) {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartDocument("UTF-8", "1.0");
            work.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
