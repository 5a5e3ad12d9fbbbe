package org.masthead.search;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * What drawing a page from the headlines first ({@code StorySearch.headlinesFirst}) changes on a
 * grown site: for each search of several words, page one as the search page gives it against page
 * one with every match ranked ({@code StorySearch.everyMatchRanked}: the words pass's best 100, put
 * in order by the same ranking), each
 * story scored by that ranking. Prints, per search, both lists of scores and whether the pages are
 * the same, differ only among equal scores, or score higher or lower; then the totals. The searches
 * are those given, then {@code sample} more made of two or three neighbouring words of headlines
 * spread over the index (a fixed seed, so a run can be repeated). A figure, not a test: run it
 * with bench/headlines-first.sh on a stopped site.
 */
public final class HeadlinesFirstCheck {
    private HeadlinesFirstCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: HeadlinesFirstCheck INDEX-FOLDER SAMPLE [SEARCH...]");
        }
        Analyzers analyzers = new Analyzers();
        try (ArticleIndex index = GrownIndex.open(args[0])) {
            StorySearch search = new StorySearch(index, analyzers);
            List<String> searches = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
            searches.addAll(sampled(index, Integer.parseInt(args[1])));
            int same = 0;
            int ties = 0;
            int higher = 0;
            int lower = 0;
            for (String words : searches) {
                QueryText text = QueryText.parse(QueryText.clean(words));
                IndexSearcher searcher = index.acquire();
                try {
                    List<String> languages = StorySearch.languages(searcher.getIndexReader());
                    Query ranking = search.ranking(text, languages);
                    if (ranking == null) {
                        continue;
                    }
                    ScoreDoc[] before = StorySearch.everyMatchRanked(searcher, search.matching(text, languages), ranking,
                            SearchRequest.PAGE_SIZE).scoreDocs;
                    List<ScoreDoc> shown = new ArrayList<>();
                    for (SearchResults.Hit hit : search.search(new SearchRequest(text, null, null, null, null, null,
                            false, 1), ZoneOffset.UTC).hits()) {
                        shown.addAll(Arrays.asList(searcher.search(new TermQuery(ArticleIndex.idTerm(hit.id())), 1).scoreDocs));
                    }
                    ScoreDoc[] after = StorySearch.rescored(searcher, shown.toArray(ScoreDoc[]::new), ranking);
                    // The page's own order, with each story's ranking score.
                    float[] afterScores = new float[shown.size()];
                    for (int i = 0; i < shown.size(); i++) {
                        for (ScoreDoc d : after) {
                            if (d.doc == shown.get(i).doc) {
                                afterScores[i] = d.score;
                            }
                        }
                    }
                    float[] beforeScores = new float[before.length];
                    for (int i = 0; i < before.length; i++) {
                        beforeScores[i] = before[i].score;
                    }
                    String verdict;
                    if (Arrays.equals(docs(before), shown.stream().mapToInt(d -> d.doc).toArray())) {
                        verdict = "same";
                        same++;
                    } else if (Arrays.equals(beforeScores, afterScores)) {
                        verdict = "ties";
                        ties++;
                    } else if (sum(afterScores) >= sum(beforeScores)) {
                        verdict = "higher";
                        higher++;
                    } else {
                        verdict = "LOWER";
                        lower++;
                    }
                    System.out.printf(Locale.ROOT, "%-6s %-36s every match ranked %s%n%-43s headlines first    %s%n",
                            verdict, words, Arrays.toString(beforeScores), "", Arrays.toString(afterScores));
                } finally {
                    index.release(searcher);
                }
            }
            System.out.printf(Locale.ROOT, "%d searches of several words: page one the same %d, only equal scores in "
                    + "another order %d, higher scores %d, lower scores %d%n", same + ties + higher + lower, same, ties,
                    higher, lower);
        }
    }

    private static int[] docs(ScoreDoc[] scored) {
        return Arrays.stream(scored).mapToInt(d -> d.doc).toArray();
    }

    private static double sum(float[] scores) {
        double total = 0;
        for (float score : scores) {
            total += score;
        }
        return total;
    }

    /** Two or three neighbouring words of {@code count} headlines spread evenly over the index. */
    private static Set<String> sampled(ArticleIndex index, int count) throws IOException {
        Set<String> searches = new LinkedHashSet<>();
        Random random = new Random(7);
        IndexSearcher searcher = index.acquire();
        try {
            int docs = searcher.getIndexReader().maxDoc();
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < count && docs > 0; i++) {
                String headline = null;
                for (var field : stored.document((int) ((long) i * docs / count)).getFields()) {
                    if (field.name().startsWith("headline_")) {
                        headline = field.stringValue();
                    }
                }
                if (headline == null) {
                    continue;
                }
                List<String> words = Arrays.stream(headline.split("\\s+"))
                        .map(w -> w.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
                int n = 2 + random.nextInt(2);
                if (words.size() >= n) {
                    int from = random.nextInt(words.size() - n + 1);
                    searches.add(String.join(" ", words.subList(from, from + n)));
                }
            }
        } finally {
            index.release(searcher);
        }
        return searches;
    }
}
