package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search for words that more than {@value StorySearch#RESCORED} headlines hold: its pages start
 * with those stories, equally good ones newest first, then go on through the stories that hold
 * the words elsewhere, none twice; the count covers every match, and filters and excluded words
 * hold throughout.
 */
class HeadlinesFirstTest {
    private static final long DAY = 86_400_000L;
    private static final long FIRST = 1_700_000_000_000L;
    /** Stories 1 to 420 have both words in the headline (a third in the islands section, half of them in winter); 421 to 460 only in the text. */
    private static final int IN_HEADLINE = 420;
    private static final int IN_TEXT = 40;

    @TempDir
    Path folder;
    private ArticleIndex index;
    private StorySearch search;

    @BeforeEach
    void stories() {
        Analyzers analyzers = new Analyzers();
        index = ArticleIndex.open(folder, analyzers);
        for (int id = 1; id <= IN_HEADLINE + IN_TEXT; id++) {
            boolean inHeadline = id <= IN_HEADLINE;
            String season = id % 2 == 0 ? "winter" : "summer";
            String headline = inHeadline ? "Ferry timetable for " + season : "Island notes for " + season;
            // The text-only stories say the words again and again, so by the text alone they would lead.
            String body = inHeadline ? "Sailings change on Monday."
                    : "The ferry timetable, the ferry timetable and once more the ferry timetable.";
            IndexedArticle.Named section = id % 3 == 0 ? new IndexedArticle.Named("islands", "Islands")
                    : new IndexedArticle.Named("city", "City");
            index.add(new IndexedArticle(id, "story-" + id, headline, "", body, "en", section, List.of(), List.of(),
                    FIRST + id * DAY, null));
        }
        index.refresh();
        search = new StorySearch(index, analyzers);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchResults page(String words, String section, int page) {
        return search.search(new SearchRequest(QueryText.parse(words), section, null, null, null, null, false, page),
                ZoneOffset.UTC);
    }

    /** Every page's hits, in order, until a page comes back empty. */
    private List<SearchResults.Hit> allPages(String words, String section) {
        List<SearchResults.Hit> all = new ArrayList<>();
        for (int page = 1; page <= SearchRequest.MAX_PAGE; page++) {
            List<SearchResults.Hit> hits = page(words, section, page).hits();
            if (hits.isEmpty()) {
                break;
            }
            all.addAll(hits);
        }
        return all;
    }

    private static List<Long> ids(List<SearchResults.Hit> hits) {
        return hits.stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void headlinesComeFirstNewestFirstAndTheCountHoldsEveryMatch() {
        SearchResults first = page("ferry timetable", null, 1);
        assertThat(first.total()).isEqualTo(IN_HEADLINE + IN_TEXT);
        assertThat(first.moreThan()).isFalse();
        assertThat(ids(first.hits())).as("the newest of the equally good headlines")
                .containsExactlyElementsOf(LongStream.iterate(IN_HEADLINE, id -> id - 1).limit(10).boxed().toList());
    }

    @Test
    void thePagesPastTheHeadlinesShowEveryOtherMatchOnce() {
        List<Long> all = ids(allPages("ferry timetable", null));
        assertThat(all).doesNotHaveDuplicates().hasSize(IN_HEADLINE + IN_TEXT);
        assertThat(all.subList(0, StorySearch.RESCORED)).as("the first ten pages: headlines only")
                .allMatch(id -> id <= IN_HEADLINE);
    }

    @Test
    void filtersAndExcludedWordsHoldOnEveryPage() {
        List<SearchResults.Hit> islands = allPages("ferry timetable", "islands");
        assertThat(islands).hasSize((IN_HEADLINE + IN_TEXT) / 3).allMatch(hit -> hit.sectionSlug().equals("islands"));

        List<SearchResults.Hit> summer = allPages("ferry timetable -winter", null);
        assertThat(summer).hasSize((IN_HEADLINE + IN_TEXT) / 2).allMatch(hit -> hit.id() % 2 == 1);
        assertThat(page("ferry timetable -winter", null, 1).total()).isEqualTo((IN_HEADLINE + IN_TEXT) / 2);
    }

    @Test
    void pastTheCountedMatchesTheCountSaysMoreThan() {
        for (int id = 1_000; id < 2_100; id++) {
            index.add(new IndexedArticle(id, "more-" + id, "Ferry timetable news", "", "Sailings.", "en",
                    new IndexedArticle.Named("city", "City"), List.of(), List.of(), FIRST - id * DAY, null));
        }
        index.refresh();
        SearchResults first = page("ferry timetable", null, 1);
        assertThat(first.moreThan()).isTrue();
        assertThat(first.total()).isEqualTo(StorySearch.COUNTED);
        assertThat(first.hits()).hasSize(SearchRequest.PAGE_SIZE);
    }
}
