package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The search page on the demo newspaper, as a reader uses it: relevance, syntax, filters, paging, help. */
class SearchPageTest {

    private static App demo(Kind kind) {
        App app = TestSites.demo(kind);
        app.searchIndex().awaitIdle();
        return app;
    }

    private static Document search(App app, String query) {
        HttpResponse<String> response = TestSites.get(app, "/search?q=" + encode(query));
        assertThat(response.statusCode()).as("status for " + query).isEqualTo(200);
        // What a reader searched for is theirs: never in a shared cache.
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        return Jsoup.parse(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> headlines(Document page) {
        return page.select(".search-headline a").eachText();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyHeadlineFindsItsOwnStoryFirst(Kind kind) {
        App app = demo(kind);
        Document home = Jsoup.parse(TestSites.get(app, "/section/city").body());
        List<String> stories = home.select(".card-headline a").eachText();
        assertThat(stories).isNotEmpty();
        for (String headline : stories) {
            assertThat(headlines(search(app, headline))).as("search for its headline").first().isEqualTo(headline);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void wordsAreFoundRankedAndMarked(Kind kind) {
        Document page = search(demo(kind), "harbour swimming");
        assertThat(headlines(page).getFirst()).isEqualTo("Harbour water clean enough for swimming, survey finds");
        assertThat(page.selectFirst(".search-result mark").text()).matches("(?i)harbour|swimming");
        assertThat(page.selectFirst(".search-count").text()).matches("(More than )?[\\d,]+ stor(y|ies).*");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void phrasesMustAppearAsWrittenAndAMinusExcludes(Kind kind) {
        App app = demo(kind);
        List<String> night = headlines(search(app, "\"night buses\""));
        assertThat(night).contains("Night buses return to four routes from December");
        List<String> withoutBuses = headlines(search(app, "night -buses"));
        assertThat(withoutBuses).doesNotContain("Night buses return to four routes from December");
        assertThat(headlines(search(app, "\"buses night\""))).doesNotContain("Night buses return to four routes from December");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMisspellingGetsADidYouMean(Kind kind) {
        Document page = search(demo(kind), "harbur");
        assertThat(page.selectFirst(".search-did-you-mean a").text()).isEqualTo("harbour");
        assertThat(page.selectFirst(".search-did-you-mean a").attr("href")).isEqualTo("/search?q=harbour");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nothingFoundGivesAHelpfulPage(Kind kind) {
        Document page = search(demo(kind), "xylophonequartet");
        assertThat(page.selectFirst(".search-empty h2").text()).isEqualTo("No stories found");
        assertThat(page.select(".search-empty li")).hasSizeGreaterThanOrEqualTo(2);
        Document filtered = Jsoup.parse(TestSites.get(demo(kind), "/search?q=harbour&section=culture&tag=buses").body());
        assertThat(filtered.select(".search-empty a").eachAttr("href")).contains("/search?q=harbour");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersSortAndPagesNarrowTheResults(Kind kind) {
        App app = demo(kind);
        Document all = search(app, "harbour");
        Document sport = Jsoup.parse(TestSites.get(app, "/search?q=harbour&section=sport").body());
        assertThat(sport.select(".search-result .card-section a").eachText()).isNotEmpty().allMatch("Sport"::equals);
        assertThat(sport.select(".search-result").size()).isLessThan(all.select(".search-result").size());

        Document newest = Jsoup.parse(TestSites.get(app, "/search?q=harbour&sort=date").body());
        List<String> dates = newest.select(".search-result time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));

        Document october = Jsoup.parse(TestSites.get(app, "/search?q=harbour&from=2026-10-01&to=2026-10-31").body());
        assertThat(october.select(".search-result time").eachAttr("datetime")).isNotEmpty().allMatch(d -> d.startsWith("2026-10"));

        Document second = Jsoup.parse(TestSites.get(app, "/search?q=harbour&page=2").body());
        assertThat(headlines(second)).isNotEmpty().doesNotContainAnyElementsOf(headlines(all));
        assertThat(all.select("a[rel=next]").attr("href")).isEqualTo("/search?q=harbour&page=2");

        assertThat(TestSites.get(app, "/search?q=harbour&page=101").statusCode()).isEqualTo(400);
        assertThat(TestSites.get(app, "/search?q=harbour&page=x").statusCode()).isEqualTo(400);
        assertThat(TestSites.get(app, "/search?q=harbour&from=2026-02-30").statusCode()).isEqualTo(400);
        assertThat(TestSites.get(app, "/search?q=harbour&section=%3Cscript%3E").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileAndMalformedQueriesAreJustText(Kind kind) {
        App app = demo(kind);
        List<String> queries = List.of("AND OR NOT", "headline:harbour", "harbour~2", "*", "?", "harb*", "\"unbalanced harbour",
                "harbour\"", "(((", ")", "\\", "a:b:c", "+-!(){}[]^\"~*?:\\/", "&&||", "-", "--", "\"\"", "- \"", "-\"\"",
                "harbour \u0000\u0007\u001b[31m", "<script>alert(1)</script>", "' or 1=1 --", "%00", "\uFEFF\u200B",
                "港口 天气", "ميناء", "נמל", "ท่าเรือ", "बंदरगाह", "гавань", "λιμάνι", "🚢⚓", "\uD83D", "ﷺ", "𝔥𝔞𝔯𝔟𝔬𝔲𝔯",
                "the", "the of and", "x".repeat(500), "harbour ".repeat(62));
        for (String q : queries) {
            HttpResponse<String> response = TestSites.get(app, "/search?q=" + encode(q));
            assertThat(response.statusCode()).as("status for " + q).isEqualTo(200);
            assertThat(response.body()).doesNotContain("<script>alert(1)");
        }
        assertThat(headlines(search(app, "harbour\""))).isNotEmpty();
        assertThat(headlines(search(app, "\"unbalanced harbour"))).isNotEmpty();
        HttpResponse<String> tooLong = TestSites.get(app, "/search?q=" + "x".repeat(501));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(tooLong.body()).selectFirst(".error-page").text()).contains("at most 500 characters");
        assertThat(TestSites.get(app, "/search?q=" + encode("harbour ".repeat(1280))).statusCode()).as("10 KB").isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void autocompleteOffersTopicsAndHeadlinesWithAndWithoutScript(Kind kind) {
        App app = demo(kind);
        HttpResponse<String> json = TestSites.get(app, "/search/suggest?q=bus");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        var items = com.google.gson.JsonParser.parseString(json.body()).getAsJsonArray();
        List<String> labels = items.asList().stream().map(e -> e.getAsJsonObject().get("label").getAsString()).toList();
        assertThat(labels).contains("Buses", "Night buses return to four routes from December");
        assertThat(items.get(0).getAsJsonObject().get("url").getAsString()).isEqualTo("/tag/buses");
        assertThat(TestSites.get(app, "/search/suggest?q=" + "y".repeat(600)).body()).isEqualTo("[]");
        // Headlines come newest first: "to" is in more headlines than are offered.
        List<String> stories = com.google.gson.JsonParser.parseString(TestSites.get(app, "/search/suggest?q=to").body())
                .getAsJsonArray().asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("kind").getAsString().equals("story")).map(o -> o.get("url").getAsString()).toList();
        assertThat(stories).hasSize(6);
        assertThat(stories.getFirst()).endsWith("/central-library-late-opening");
        assertThat(stories.stream().map(u -> u.substring(0, 12)).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Without script, the results page lists the matching topics.
        assertThat(search(app, "buses").select(".search-topics a").eachAttr("href")).contains("/tag/buses");
        // Every page's header has the search box.
        Document home = Jsoup.parse(TestSites.get(app, "/").body());
        assertThat(home.selectFirst("header form[role=search]").attr("action")).isEqualTo("/search");
    }

    @Test
    void theCountSaysMoreThanWhenTheSearchStoppedCounting() {
        assertThat(found(1, false).count()).isEqualTo("1 story");
        assertThat(found(999, false).count()).isEqualTo("999 stories");
        assertThat(found(1000, true).count()).isEqualTo("More than 1,000 stories");
    }

    private static SearchPage.Found found(long total, boolean moreThan) {
        return new SearchPage.Found(total, moreThan, List.of(), 1, 1, true, null);
    }
}
