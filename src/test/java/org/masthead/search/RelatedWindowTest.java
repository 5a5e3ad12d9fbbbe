package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A related list is chosen from the stories published nearest in time to its article, so its
 * cost does not grow with the archive: half the window before the article and half after, or
 * the rest from one side at either end of the archive.
 */
class RelatedWindowTest {
    private static final long DAY = 86_400_000L;
    private static final long FIRST = 1_700_000_000_000L;
    private static final int STORIES = 30;
    private static final String TRAMS = "The tram depot on the harbour line changed its timetable, and the signals at the"
            + " stops were renewed for passengers who ride the tracks each morning.";
    private static final String MUSEUM = "The museum curator hung the gallery's paintings beside a sculpture collection"
            + " that drew visitors to the exhibition.";

    @TempDir
    Path folder;
    private final Analyzers analyzers = new Analyzers();
    private ArticleIndex index;

    /** Thirty tram stories a day apart; the first and the last are also about the museum, and alike. */
    @BeforeEach
    void thirtyStories() {
        index = ArticleIndex.open(folder, analyzers);
        for (int id = 1; id <= STORIES; id++) {
            boolean museum = id == 1 || id == STORIES;
            String body = TRAMS + " Story " + id + " of the series." + (museum ? "\n\n" + MUSEUM + " " + MUSEUM : "");
            index.add(new IndexedArticle(id, "story-" + id, "Story " + id + (museum ? " at the museum" : " on the trams"),
                    "", body, "en", new IndexedArticle.Named("city", "City"), List.of(), List.of(),
                    FIRST + (id - 1) * DAY, null));
        }
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void theWholeArchiveIsRankedWhenItFitsTheWindow() {
        RelatedStories whole = new RelatedStories(index, analyzers, true, STORIES);
        assertThat(whole.closest(STORIES, FIRST + STORIES * DAY).getFirst())
                .as("the other museum story, a month older, is the closest")
                .isEqualTo(1L);
    }

    @Test
    void aListIsChosenOnlyFromTheStoriesNearestInTime() {
        RelatedStories windowed = new RelatedStories(index, analyzers, true, 10);
        long now = FIRST + STORIES * DAY;
        // The newest story: the nine before it, not the museum story a month older.
        assertThat(windowed.closest(STORIES, now)).containsExactlyInAnyOrderElementsOf(ids(21, 29));
        // A story in the middle: five after it, and itself with four before it.
        assertThat(windowed.closest(15, now)).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(11, 20).filter(id -> id != 15).boxed().toList());
        // Near the oldest end: the one story before it, and the window's rest after it.
        assertThat(windowed.closest(2, now)).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 10).filter(id -> id != 2).boxed().toList());
        // The stories whose lists a publish recounts come from the same window.
        assertThat(windowed.nearest(STORIES, 20)).containsExactlyInAnyOrderElementsOf(ids(21, 29));
    }

    @Test
    void theWindowSpansSegmentsAndNeverOffersARemovedStory() {
        // Published later in a segment of its own, half a day after story 15; story 17 taken down.
        index.add(new IndexedArticle(31, "story-31", "Story 31 on the trams", "", TRAMS + " Story 31, a late one.", "en",
                new IndexedArticle.Named("city", "City"), List.of(), List.of(), FIRST + 14 * DAY + DAY / 2, null));
        index.remove(17);
        index.refresh();
        RelatedStories windowed = new RelatedStories(index, analyzers, true, 10);
        // Story 17 still takes its place in the window until its segment is merged, so the window
        // ends at story 19.
        assertThat(windowed.closest(15, FIRST + STORIES * DAY))
                .containsExactlyInAnyOrder(11L, 12L, 13L, 14L, 31L, 16L, 18L, 19L);
    }

    @Test
    void aWindowHoldsTheArticleAndAnotherStory() {
        assertThatThrownBy(() -> new RelatedStories(index, analyzers, true, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
