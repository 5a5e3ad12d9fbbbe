package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;

/** Feeds of a fresh site: empty, then with a corrected story, an unsigned one, markup in headlines, and full text. */
class FeedContentTest {
    private final Markdown markdown = new Markdown(url -> Optional.empty());

    private static String body(App app, String path) {
        HttpResponse<String> response = TestSites.get(app, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storiesTravelWithTheirCorrectionsAndFullTextWhenTheSiteSaysSo(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            String empty = body(app, "/atom.xml");
            assertThat(XmlChecks.atomProblems(empty)).isEmpty();
            assertThat(parse(empty).getEntries()).isEmpty();
            assertThat(TestSites.get(app, "/rss.xml").headers().firstValue("last-modified")).isEmpty();

            Instant published = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            long author = app.database().write(tx -> {
                long section = new SectionStore(app.database()).add(tx, "city", "City", "", null, 1);
                long writer = new AuthorStore(markdown).add(tx, "ada-lind", "Ada Lind", "Reporter", "", null);
                ArticleStore articles = new ArticleStore(markdown);
                articles.create(tx, new ArticleEdit("bridge-reopens", "Bridge <reopens> & \"traffic\" flows",
                        "A dek with <b>angle brackets</b>", "The [council](/about) said so.\n\nSecond paragraph.", "en",
                        section, List.of(writer), List.of("bridges"), null, List.of(), "", "", ArticleStatus.PUBLISHED,
                        published, published.plus(1, ChronoUnit.HOURS), "Correction",
                        "An earlier version gave the wrong date.", true), ArticleEdit.By.SYSTEM);
                articles.create(tx, ArticleEdit.of("unsigned-notice", "Unsigned notice", "From the desk", "Text.",
                        section, ArticleStatus.PUBLISHED, published.minus(1, ChronoUnit.HOURS)), ArticleEdit.By.SYSTEM);
                articles.create(tx, ArticleEdit.of("draft-story", "A draft", "Not yet", "Text.", section,
                        ArticleStatus.DRAFT, null), ArticleEdit.By.SYSTEM);
                return writer;
            });
            assertThat(author).isPositive();

            String atomXml = body(app, "/atom.xml");
            assertThat(XmlChecks.atomProblems(atomXml)).isEmpty();
            // One story has no byline: the publication signs the feed, as RFC 4287 then requires.
            assertThat(Jsoup.parse(atomXml, "", org.jsoup.parser.Parser.xmlParser()).select("feed > author > name").text())
                    .isEqualTo("Masthead");
            SyndFeed atom = parse(atomXml);
            assertThat(atom.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly("Bridge <reopens> & \"traffic\" flows", "Unsigned notice");
            SyndEntry corrected = atom.getEntries().getFirst();
            assertThat(corrected.getPublishedDate().toInstant()).isEqualTo(published);
            assertThat(corrected.getUpdatedDate().toInstant()).isAfter(published);
            String summary = Jsoup.parse(corrected.getDescription().getValue()).text();
            assertThat(summary).startsWith("Correction (").contains("An earlier version gave the wrong date.")
                    .endsWith("A dek with <b>angle brackets</b>");
            assertThat(corrected.getContents()).isEmpty();
            Document page = Jsoup.parse(body(app, java.net.URI.create(corrected.getLink()).getPath()));
            assertThat(summary).startsWith(page.selectFirst(".story-note").text());

            app.database().write(tx -> {
                new SettingsStore(app.database()).savePublishing(tx, new PublishingSettings(true));
                return null;
            });
            String base = TestSites.baseUrl(app);
            for (String path : List.of("/rss.xml", "/atom.xml", "/section/city/rss.xml", "/tag/bridges/atom.xml",
                    "/author/ada-lind/rss.xml")) {
                SyndFeed full = parse(body(app, path));
                SyndEntry first = full.getEntries().getFirst();
                assertThat(first.getContents()).as(path).singleElement().satisfies(c -> {
                    Document text = Jsoup.parse(c.getValue());
                    assertThat(text.select("p").first().text()).startsWith("Correction (");
                    assertThat(text.select("a").attr("href")).isEqualTo(base + "/about");
                    assertThat(text.text()).contains("Second paragraph.");
                });
            }
        }
    }
}
