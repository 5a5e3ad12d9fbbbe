package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masthead.App;
import org.masthead.SharedData;
import org.masthead.TestSites;
import org.masthead.config.Config;
import org.masthead.db.Database;

/**
 * Search and related stories measured on the BBC News corpus (2,225 labelled articles, five
 * categories): the share of each article's five related stories in its own category, the
 * headline as a query finding its story (mean reciprocal rank), and the key words of the
 * first sentence finding it in the top three. Prints the figures BENCHMARKS.md records.
 */
@Tag(SharedData.GROUP)
class CorpusQualityTest {
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from",
            "has", "have", "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "said", "she", "that", "the",
            "their", "they", "this", "to", "was", "were", "which", "will", "with", "would", "been", "not", "who", "had");

    record Figures(double relatedPrecision, double headlineMrr, double firstSentenceTop3, int articles) {
    }

    @ParameterizedTest(name = "sections per category {0}, language {1}")
    @CsvSource({"true, en", "false, en", "true, de"})
    void measure(boolean sectionPerCategory, String language) throws IOException {
        List<NewsCorpus.Story> stories = NewsCorpus.read(SharedData.require("news/bbc/bbc-news.csv"));
        Config config = TestSites.config(TestSites.Kind.SQLITE);
        Map<Long, NewsCorpus.Story> loaded;
        try (Database db = Database.open(config.jdbcUrl())) {
            loaded = NewsCorpus.load(db, stories, sectionPerCategory, language);
        }
        long started = System.nanoTime();
        try (App app = App.create(config).start()) {
            app.searchIndex().awaitIdle();
            double buildSeconds = (System.nanoTime() - started) / 1e9;
            Figures f = figures(app, loaded);
            System.out.printf(Locale.ROOT, "BBC corpus, sections per category %s, %s analyser: %d articles; "
                            + "related precision@5 %.3f; headline MRR %.3f; first-sentence key words in top 3 %.3f; "
                            + "index and related lists built in %.1f s%n",
                    sectionPerCategory, language, f.articles(), f.relatedPrecision(), f.headlineMrr(), f.firstSentenceTop3(),
                    buildSeconds);
            assertThat(f.articles()).isEqualTo(2225);
            assertThat(f.headlineMrr()).isGreaterThanOrEqualTo(0.95);
            assertThat(f.firstSentenceTop3()).isGreaterThanOrEqualTo(0.90);
            assertThat(f.relatedPrecision()).isGreaterThanOrEqualTo(sectionPerCategory ? 0.95 : 0.90);
        }
    }

    private static Figures figures(App app, Map<Long, NewsCorpus.Story> loaded) {
        double precision = 0;
        double mrr = 0;
        int top3 = 0;
        for (Map.Entry<Long, NewsCorpus.Story> e : loaded.entrySet()) {
            NewsCorpus.Story story = e.getValue();
            List<Long> related = app.database().read(h -> h.createQuery(
                            "select target_id from article_related where article_id = :id order by position limit 5")
                    .bind("id", e.getKey()).mapTo(Long.class).list());
            long same = related.stream().filter(id -> loaded.get(id).category().equals(story.category())).count();
            precision += related.isEmpty() ? 0 : (double) same / 5;
            int rank = rank(app, loaded, story.title(), story.title());
            mrr += rank == 0 ? 0 : 1.0 / rank;
            int sentenceRank = rank(app, loaded, keyWords(story.text()), story.title());
            if (sentenceRank >= 1 && sentenceRank <= 3) {
                top3++;
            }
        }
        int n = loaded.size();
        return new Figures(precision / n, mrr / n, (double) top3 / n, n);
    }

    /** The 1-based rank of the first result with this headline (a duplicate counts as the story), 0 when not in the top 10. */
    private static int rank(App app, Map<Long, NewsCorpus.Story> loaded, String query, String title) {
        SearchResults results = app.searchIndex().search(new SearchRequest(QueryText.parse(query), null, null, null, null,
                null, false, 1), ZoneOffset.UTC);
        for (int i = 0; i < results.hits().size(); i++) {
            if (loaded.get(results.hits().get(i).id()).title().equals(title)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The first sentence's words, without the commonest English words. */
    static String keyWords(String text) {
        String first = text.split("(?<=[.!?])\\s", 2)[0];
        List<String> words = new ArrayList<>();
        for (String w : first.split("[^\\p{L}\\p{N}£$%']+")) {
            if (w.length() > 2 && !STOP.contains(w.toLowerCase(Locale.ROOT))) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }
}
