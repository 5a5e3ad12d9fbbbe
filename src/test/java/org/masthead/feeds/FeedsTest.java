package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The feeds of the demo site over HTTP: valid Atom and RSS, the right stories, caching and discovery. */
class FeedsTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static HttpResponse<String> fetch(App app, String path) {
        HttpResponse<String> response = TestSites.get(app, path);
        assertThat(response.statusCode()).as("status of " + path).isEqualTo(200);
        return response;
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyAtomFeedIsValidRfc4287(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        for (String path : List.of("/atom.xml", "/section/city-hall/atom.xml", "/section/city/atom.xml",
                "/author/mara-okonjo/atom.xml", "/tag/" + someTag(app) + "/atom.xml")) {
            HttpResponse<String> response = fetch(app, path);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(XmlChecks.atomProblems(response.body())).as(path).isEmpty();
            Document feed = Jsoup.parse(response.body(), "", Parser.xmlParser());
            Element root = feed.selectFirst("feed");
            assertThat(root.attr("xmlns")).isEqualTo(ATOM);
            boolean feedHasAuthor = !root.select("> author > name").isEmpty();
            Set<String> ids = new HashSet<>();
            for (Element entry : root.select("> entry")) {
                // RFC 4287 4.1.1: an author on the feed or on every entry; 4.1.2: an alternate link or content.
                assertThat(feedHasAuthor || !entry.select("> author > name").isEmpty()).as("author of " + entry.selectFirst("title").text()).isTrue();
                assertThat(!entry.select("> link[rel=alternate], > link:not([rel])").isEmpty() || !entry.select("> content").isEmpty()).isTrue();
                assertThat(ids.add(entry.selectFirst("> id").text())).as("ids are unique").isTrue();
                assertThat(URI.create(entry.selectFirst("> id").text()).isAbsolute()).isTrue();
            }
            assertThat(ids).as(path + " lists stories").isNotEmpty();
        }
    }

    private static String someTag(App app) {
        Document article = Jsoup.parse(fetch(app, firstArticle(app)).body());
        return article.selectFirst("a[href^=/tag/]").attr("href").substring("/tag/".length());
    }

    private static String firstArticle(App app) {
        Document home = Jsoup.parse(fetch(app, "/").body());
        return home.selectFirst(".lead-headline a").attr("href");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bothFormatsReadBackWithTheNewestStoriesTheirAuthorsAndPictures(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        String base = TestSites.baseUrl(app);
        SyndFeed rss = parse(fetch(app, "/rss.xml").body());
        SyndFeed atom = parse(fetch(app, "/atom.xml").body());
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        Document home = Jsoup.parse(fetch(app, "/").body());
        assertThat(rss.getTitle()).isEqualTo(home.selectFirst(".brand").text());
        for (SyndFeed feed : List.of(rss, atom)) {
            assertThat(feed.getEntries()).hasSize(FeedRoutes.ENTRIES);
            SyndEntry newest = feed.getEntries().getFirst();
            assertThat(newest.getLink()).isEqualTo(base + firstArticle(app));
            assertThat(newest.getTitle()).isEqualTo(home.selectFirst(".lead-headline a").text());
            for (SyndEntry entry : feed.getEntries()) {
                assertThat(entry.getPublishedDate()).isNotNull();
                assertThat(entry.getDescription().getValue()).isNotBlank();
                assertThat(bylineOf(entry)).isNotEmpty().allSatisfy(name -> assertThat(name).isNotBlank());
                assertThat(entry.getEnclosures()).singleElement().satisfies(picture -> {
                    assertThat(picture.getUrl()).startsWith(base + "/media/");
                    assertThat(picture.getType()).startsWith("image/");
                    assertThat(picture.getLength()).isPositive();
                    assertThat(TestSites.get(app, picture.getUrl().substring(base.length())).statusCode()).isEqualTo(200);
                });
            }
            for (int i = 1; i < feed.getEntries().size(); i++) {
                assertThat(feed.getEntries().get(i).getPublishedDate())
                        .isBeforeOrEqualTo(feed.getEntries().get(i - 1).getPublishedDate());
            }
        }
        // The byline of a story's page is the feed's author list.
        SyndEntry first = atom.getEntries().getFirst();
        Document article = Jsoup.parse(fetch(app, firstArticle(app)).body());
        assertThat(bylineOf(first)).isEqualTo(article.select(".byline a[href^=/author/]").eachText());
        assertThat(bylineOf(rss.getEntries().getFirst())).isEqualTo(bylineOf(first));
    }

    /** The names of an entry's writers: Atom's authors, RSS's Dublin Core creators. */
    static List<String> bylineOf(SyndEntry entry) {
        if (!entry.getAuthors().isEmpty()) {
            return entry.getAuthors().stream().map(SyndPerson::getName).toList();
        }
        return ((DCModule) entry.getModule(DCModule.URI)).getCreators();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sectionTagAndAuthorFeedsHoldOnlyTheirStories(Kind kind) throws Exception {
        App app = TestSites.demo(kind);
        SyndFeed author = parse(fetch(app, "/author/mara-okonjo/rss.xml").body());
        assertThat(author.getTitle()).startsWith("Mara Okonjo — ");
        assertThat(author.getEntries()).isNotEmpty().allSatisfy(e -> assertThat(bylineOf(e)).contains("Mara Okonjo"));
        SyndFeed section = parse(fetch(app, "/section/city-hall/atom.xml").body());
        assertThat(section.getEntries()).isNotEmpty().allSatisfy(e ->
                assertThat(e.getCategories().getFirst().getName()).isEqualTo("City Hall"));
        // The section's page lists the same stories, newest first.
        Document page = Jsoup.parse(fetch(app, "/section/city-hall").body());
        List<String> listed = page.select("main .card-headline a, main .lead-headline a").eachText();
        assertThat(listed).startsWith(section.getEntries().stream().map(SyndEntry::getTitle)
                .limit(Math.min(listed.size(), section.getEntries().size())).toArray(String[]::new));
        String tag = someTag(app);
        SyndFeed tagged = parse(fetch(app, "/tag/" + tag + "/rss.xml").body());
        assertThat(tagged.getEntries().stream().map(SyndEntry::getLink))
                .contains(TestSites.baseUrl(app) + firstArticle(app));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownListsAndHostileSlugsHaveNoFeed(Kind kind) {
        App app = TestSites.demo(kind);
        for (String path : List.of("/section/nowhere/rss.xml", "/tag/nothing/atom.xml", "/author/nobody/rss.xml",
                "/section/%27%3B--/rss.xml", "/tag/" + "a".repeat(500) + "/atom.xml", "/author/..%2F..%2Fetc/rss.xml")) {
            assertThat(TestSites.get(app, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void conditionalRequestsGet304(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> first = fetch(app, "/rss.xml");
        String etag = first.headers().firstValue("etag").orElseThrow();
        String modified = first.headers().firstValue("last-modified").orElseThrow();
        assertThat(conditional(app, "/rss.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(conditional(app, "/rss.xml", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(conditional(app, "/rss.xml", "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(conditional(app, "/rss.xml", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(conditional(app, "/rss.xml", "If-Modified-Since", "yesterday, more or less").statusCode()).isEqualTo(200);
        // The second answer came from the page cache: the same bytes.
        assertThat(fetch(app, "/rss.xml").body()).isEqualTo(first.body());
    }

    private static HttpResponse<String> conditional(App app, String path, String header, String value) {
        return TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + path)).header(header, value));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pagesNameTheirFeeds(Kind kind) {
        App app = TestSites.demo(kind);
        for (String path : List.of("/", firstArticle(app), "/section/city-hall", "/author/mara-okonjo", "/about")) {
            Document page = Jsoup.parse(fetch(app, path).body());
            assertThat(page.select("head link[rel=alternate][type=application/rss+xml][href=/rss.xml]")).hasSize(1);
            assertThat(page.select("head link[rel=alternate][type=application/atom+xml][href=/atom.xml]")).hasSize(1);
        }
        Document section = Jsoup.parse(fetch(app, "/section/city-hall").body());
        for (Element link : section.select("head link[rel=alternate][href^=/section/]")) {
            HttpResponse<String> feed = fetch(app, link.attr("href"));
            assertThat(feed.headers().firstValue("content-type").orElseThrow()).startsWith(link.attr("type"));
        }
        assertThat(section.select("head link[rel=alternate][href^=/section/city-hall/]")).hasSize(2);
    }
}
