package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * Runs a reader's search over the index: every word must be found (in any language's
 * headline, dek or body, or in a tag, byline or section name), with the headline weighing
 * most; phrases must appear as written and excluded words must not. When no story has all
 * the words, stories with some are shown instead. Also offers a spelling correction.
 */
final class StorySearch {
    private static final float HEADLINE = 3f;
    private static final float DEK = 1.5f;
    private static final float BODY = 1f;
    private static final float TAGS = 2f;
    private static final float NAMES = 1.5f;
    /** What the words as typed in a headline add, times their phrase score. */
    private static final double TOGETHER = 2;
    /** The best matches of several words, put in order field by field (see {@link #ranking}). */
    static final int RESCORED = 100;

    /**
     * Matches counted exactly, as many as the pages a reader can turn; past it the count is
     * "more than" and the search skips whatever cannot make the pages shown.
     */
    static final int COUNTED = SearchRequest.MAX_PAGE * SearchRequest.PAGE_SIZE;

    private final ArticleIndex index;
    private final Analyzers analyzers;
    private final SnippetMarker marker;
    private final DirectSpellChecker speller = new DirectSpellChecker();

    StorySearch(ArticleIndex index, Analyzers analyzers) {
        this.index = index;
        this.analyzers = analyzers;
        this.marker = new SnippetMarker(analyzers);
    }

    SearchResults search(SearchRequest request, ZoneId zone) {
        IndexSearcher searcher = index.acquire();
        try {
            List<String> languages = languages(searcher.getIndexReader());
            Query filters = filters(request, zone);
            Query all = query(request.text(), languages, true);
            Query ranking = ranking(request.text(), languages);
            boolean allWords = true;
            TopDocs top = ranking == null ? run(searcher, all, null, null, filters, request)
                    : run(searcher, matching(request.text(), languages), ranking, headlines(request.text(), languages),
                            filters, request);
            if (top.totalHits.value() == 0 && ranking != null) {
                allWords = false;
                all = query(request.text(), languages, false);
                top = run(searcher, all, ranking, null, filters, request);
            }
            int from = (request.page() - 1) * SearchRequest.PAGE_SIZE;
            ScoreDoc[] page = from >= top.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, from, Math.min(top.scoreDocs.length, from + SearchRequest.PAGE_SIZE));
            List<SearchResults.Hit> hits = marker.hits(searcher, all, page, languages);
            String suggestion = top.totalHits.value() < 3 || !allWords ? didYouMean(searcher.getIndexReader(), request.text()) : null;
            boolean moreThan = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO;
            return new SearchResults(moreThan ? COUNTED : top.totalHits.value(), moreThan, hits,
                    allWords || top.totalHits.value() == 0, suggestion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * The best {@code page × PAGE_SIZE} matches of {@code matching} (or the newest). By relevance,
     * when {@code ranking} is given, the first {@value #RESCORED} are then ranked again by it alone:
     * asking it of those few is far cheaper than of every match. When at least {@value #RESCORED}
     * of the matches hold every word in their headline ({@code headlines}), those first: see {@link
     * #headlinesFirst}.
     */
    private static TopDocs run(IndexSearcher searcher, Query matching, Query ranking, Query headlines, Query filters,
                               SearchRequest request) throws IOException {
        Query filtered = filtered(matching, filters);
        int wanted = request.page() * SearchRequest.PAGE_SIZE;
        if (request.newestFirst()) {
            Sort sort = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true));
            return searcher.search(filtered, new TopFieldCollectorManager(sort, wanted, null, COUNTED));
        }
        if (ranking != null && headlines != null) {
            TopDocs first = headlinesFirst(searcher, filtered, ranking, filtered(headlines, filters), wanted);
            if (first != null) {
                return first;
            }
        }
        return everyMatchRanked(searcher, filtered, ranking, wanted);
    }

    /**
     * The best {@code wanted} matches of {@code matching} by relevance, the first {@value #RESCORED}
     * ranked again by {@code ranking} (when given): what a search gives when fewer than {@value
     * #RESCORED} headlines hold every word.
     */
    static TopDocs everyMatchRanked(IndexSearcher searcher, Query matching, Query ranking, int wanted) throws IOException {
        TopDocs first = searcher.search(matching, new TopScoreDocCollectorManager(Math.max(wanted, RESCORED), null, COUNTED));
        if (ranking == null || first.scoreDocs.length == 0) {
            return trimmed(first, wanted);
        }
        int head = Math.min(RESCORED, first.scoreDocs.length);
        ScoreDoc[] ranked = rescored(searcher, Arrays.copyOf(first.scoreDocs, head), ranking);
        ScoreDoc[] all = first.scoreDocs.clone();
        System.arraycopy(ranked, 0, all, 0, head);
        return trimmed(new TopDocs(first.totalHits, all), wanted);
    }

    /**
     * When at least {@value #RESCORED} matches hold every word in their headline, the page is
     * drawn from those: the best {@value #RESCORED} by their headline alone, put in order by {@code
     * ranking}, then (for a page past them) the other matches in the first pass's order. The
     * ranking would put nearly all of them first anyway (a word in a headline weighs three times
     * one in the text); asked this way, a search for words that a large share of the archive holds
     * reads the short lists of headlines, not every match, and counts the matches only as far as
     * {@value #COUNTED}. Null when fewer headlines hold every word: then every match is ranked.
     */
    private static TopDocs headlinesFirst(IndexSearcher searcher, Query matching, Query ranking, Query headlines,
                                          int wanted) throws IOException {
        TopDocs best = searcher.search(headlines, new TopScoreDocCollectorManager(RESCORED, null, RESCORED));
        if (best.scoreDocs.length < RESCORED) {
            return null;
        }
        ScoreDoc[] ranked = rescored(searcher, best.scoreDocs, ranking);
        if (wanted <= RESCORED) {
            // In index order the count stops at the threshold, reading no scores.
            TotalHits counted = searcher.search(matching,
                    new TopFieldCollectorManager(Sort.INDEXORDER, 1, null, COUNTED)).totalHits;
            return trimmed(new TopDocs(counted, ranked), wanted);
        }
        TopDocs rest = searcher.search(matching, new TopScoreDocCollectorManager(wanted + RESCORED, null, COUNTED));
        Set<Integer> shown = new HashSet<>();
        List<ScoreDoc> page = new ArrayList<>(wanted);
        for (ScoreDoc doc : ranked) {
            shown.add(doc.doc);
            page.add(doc);
        }
        for (ScoreDoc doc : rest.scoreDocs) {
            if (page.size() == wanted) {
                break;
            }
            if (!shown.contains(doc.doc)) {
                page.add(doc);
            }
        }
        return new TopDocs(rest.totalHits, page.toArray(ScoreDoc[]::new));
    }

    private static Query filtered(Query query, Query filters) {
        return filters == null ? query : new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST).add(filters, BooleanClause.Occur.FILTER).build();
    }

    /** The matches put in order by {@code ranking} alone. */
    static ScoreDoc[] rescored(IndexSearcher searcher, ScoreDoc[] matches, Query ranking) throws IOException {
        return new QueryRescorer(ranking) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0f;
            }
        }.rescore(searcher, new TopDocs(new TotalHits(matches.length, TotalHits.Relation.EQUAL_TO), matches),
                matches.length).scoreDocs;
    }

    private static TopDocs trimmed(TopDocs top, int wanted) {
        return top.scoreDocs.length <= wanted ? top
                : new TopDocs(top.totalHits, Arrays.copyOf(top.scoreDocs, wanted));
    }

    /** The language codes the index holds articles in. */
    static List<String> languages(IndexReader reader) throws IOException {
        Set<String> found = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(reader, Fields.LANGUAGE);
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                found.add(term.utf8ToString());
            }
        }
        return found.isEmpty() ? List.of("en") : List.copyOf(found);
    }

    /** The reader's text as a Lucene query; {@code everyWord} false lets any word match. */
    Query query(QueryText text, List<String> languages, boolean everyWord) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int groups = 0;
        for (String word : text.words()) {
            Query group = anyField(word, languages);
            if (group != null) {
                q.add(group, everyWord ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
                groups++;
            }
        }
        return orNothing(q, groups + phrasesAndExclusions(text, languages, q));
    }

    /** Adds each phrase (required) and excluded word or phrase (ruled out) in any field; returns the phrases added. */
    private int phrasesAndExclusions(QueryText text, List<String> languages, BooleanQuery.Builder q) {
        int groups = 0;
        for (String phrase : text.phrases()) {
            Query group = anyField(phrase, languages);
            if (group != null) {
                q.add(group, BooleanClause.Occur.MUST);
                groups++;
            }
        }
        for (String excluded : text.excluded()) {
            Query group = anyField(excluded, languages);
            if (group != null) {
                q.add(group, BooleanClause.Occur.MUST_NOT);
            }
        }
        return groups;
    }

    /** The query, or one matching nothing when it asks for nothing (only stop words, or only exclusions): not everything. */
    private static Query orNothing(BooleanQuery.Builder q, int groups) {
        return groups == 0 ? new BooleanQuery.Builder().build() : q.build();
    }

    /**
     * The first pass of a search for several words: the stories that hold every word, each in
     * {@link Analyzers#WORDS} of its own language, best first by that field (one list of stories
     * per word, where asking each field reads six, which at a million stories made several common
     * words the slowest searches), with the phrases and excluded words as in {@link #query}. A
     * word the story's language drops (a stop word) is not asked of its stories. The best of these
     * are then put in order by {@link #ranking}.
     */
    Query matching(QueryText text, List<String> languages) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        Query words = everyWord(Analyzers.WORDS, text, languages);
        if (words != null) {
            q.add(words, BooleanClause.Occur.MUST);
        }
        return orNothing(q, (words == null ? 0 : 1) + phrasesAndExclusions(text, languages, q));
    }

    /**
     * The matches of {@link #matching} that hold every word in their headline, best first by the
     * headline; null when every language drops every word.
     */
    Query headlines(QueryText text, List<String> languages) {
        Query words = everyWord("headline", text, languages);
        if (words == null) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        phrasesAndExclusions(text, languages, q);
        return q.build();
    }

    /** Every word in the per-language field {@code name} of a story's own language; null when no language keeps a word. */
    private Query everyWord(String name, QueryText text, List<String> languages) {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        int withWords = 0;
        for (String lang : languages) {
            String field = Analyzers.field(name, lang);
            BooleanQuery.Builder every = new BooleanQuery.Builder();
            int terms = 0;
            for (String word : text.words()) {
                for (Term term : analysed(field, word).terms()) {
                    every.add(new TermQuery(term), BooleanClause.Occur.MUST);
                    terms++;
                }
            }
            if (terms > 0) {
                anyLanguage.add(every.build(), BooleanClause.Occur.SHOULD);
                withWords++;
            }
        }
        return withWords == 0 ? null : anyLanguage.build();
    }

    /**
     * How the best matches of several words are put in order: each word's best field (as {@link
     * #query} scores, the headline weighing most), plus the words as typed in a headline (how a
     * reader finds the story they remember); null for a single word, whose query ranks its
     * matches itself.
     */
    Query ranking(QueryText text, List<String> languages) {
        if (text.words().size() < 2) {
            return null;
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(query(text, languages, false), BooleanClause.Occur.SHOULD);
        Query together = together(text, languages);
        if (together != null) {
            q.add(new BoostQuery(together, (float) TOGETHER), BooleanClause.Occur.SHOULD);
        }
        return q.build();
    }

    /** The words as typed, in a headline; null when every language drops them. */
    Query together(QueryText text, List<String> languages) {
        String words = String.join(" ", text.words());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        for (String lang : languages) {
            Query exact = phrase(Analyzers.field("headline", lang), words);
            if (exact != null) {
                q.add(exact, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? q.build() : null;
    }

    /** The word or phrase in any field, the best field's score counting; null when every language drops it (a stop word). */
    private Query anyField(String text, List<String> languages) {
        List<Query> options = new ArrayList<>();
        for (String lang : languages) {
            add(options, phrase(Analyzers.field("headline", lang), text), HEADLINE);
            add(options, phrase(Analyzers.field("dek", lang), text), DEK);
            add(options, phrase(Analyzers.field("body", lang), text), BODY);
        }
        if (options.isEmpty()) {
            return null;
        }
        add(options, phrase(Fields.TAG_WORDS, text), TAGS);
        add(options, phrase(Fields.AUTHOR_WORDS, text), NAMES);
        add(options, phrase(Fields.SECTION_WORDS, text), NAMES);
        // Only the best field counts (no tie-breaker): it lets the search skip documents that
        // cannot reach the page shown, ten times faster on a common word at 100,000 stories.
        return new DisjunctionMaxQuery(options, 0f);
    }

    private static void add(List<Query> options, Query query, float boost) {
        if (query != null) {
            options.add(new BoostQuery(query, boost));
        }
    }

    /** The text analysed for {@code field}: one term, a phrase of several, or null when nothing is left. */
    Query phrase(String field, String text) {
        Analysed words = analysed(field, text);
        if (words.terms().isEmpty()) {
            return null;
        }
        if (words.terms().size() == 1) {
            return new TermQuery(words.terms().getFirst());
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < words.terms().size(); i++) {
            phrase.add(words.terms().get(i), words.positions().get(i));
        }
        return phrase.build();
    }

    /** The words {@code field}'s analyser makes of {@code text}, with their positions. */
    private record Analysed(List<Term> terms, List<Integer> positions) {
    }

    private Analysed analysed(String field, String text) {
        List<Term> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Analyzer analyzer = analyzers.forField(field);
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(new Term(field, term.toString()));
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysed(terms, positions);
    }

    private static Query filters(SearchRequest r, ZoneId zone) {
        BooleanQuery.Builder f = new BooleanQuery.Builder();
        boolean any = false;
        if (r.section() != null) {
            f.add(new TermQuery(new Term(Fields.SECTION, r.section())), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.author() != null) {
            f.add(new TermQuery(new Term(Fields.AUTHOR, r.author())), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.tag() != null) {
            f.add(new TermQuery(new Term(Fields.TAG, r.tag())), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (r.from() != null || r.to() != null) {
            long low = r.from() == null ? Long.MIN_VALUE : r.from().atStartOfDay(zone).toInstant().toEpochMilli();
            long high = r.to() == null ? Long.MAX_VALUE : r.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
            f.add(LongPoint.newRangeQuery(Fields.PUBLISHED, low, high), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!any) {
            return null;
        }
        f.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        return f.build();
    }

    /** The query again with each word the index does not know replaced by the closest one it does; null when none. */
    private String didYouMean(IndexReader reader, QueryText text) throws IOException {
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String word : text.words()) {
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            String better = word;
            if (lower.length() >= 3 && lower.codePoints().allMatch(Character::isLetter)
                    && reader.docFreq(new Term(Fields.SPELLING, lower)) == 0) {
                SuggestWord[] close = speller.suggestSimilar(new Term(Fields.SPELLING, lower), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (close.length > 0) {
                    better = close[0].string;
                    changed = true;
                }
            }
            words.add(better);
        }
        return changed ? text.withWords(words) : null;
    }

    /** Stored fields of a hit, for building a result. */
    static Document stored(IndexSearcher searcher, int doc) throws IOException {
        return searcher.storedFields().document(doc);
    }
}
