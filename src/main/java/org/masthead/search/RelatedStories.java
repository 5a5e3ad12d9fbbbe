package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Ranks the stories most like an article: the words that set its headline and body apart
 * (BM25 over them, Lucene's MoreLikeThis) and its tags, then a mild lift for the same section
 * and for recent stories. Never the article itself, nor a story with the same headline or the
 * same text as the article or as one already chosen.
 */
final class RelatedStories {
    /** The list stored per article: enough for three "See also" links and six "You may also like". */
    static final int KEEP = 9;
    private static final int CANDIDATES = 40;
    private static final float SAME_SECTION = 0.25f;
    private static final float RECENT = 0.10f;
    private static final double RECENT_HALF_LIFE_DAYS = 180;
    private static final float TAG = 1.5f;

    private static final int QUERY_TERMS = 80;
    /** What the query reads of the article's stored fields (MoreLikeThis reads its words itself). */
    private static final Set<String> SELF_FIELDS = Set.of(Fields.LANGUAGE, Fields.TAG);

    private final ArticleIndex index;
    private final Analyzers analyzers;
    private final boolean preferSection;

    RelatedStories(ArticleIndex index, Analyzers analyzers) {
        this(index, analyzers, true);
    }

    /** {@code preferSection} false ranks by content and recency alone (for measuring the content signal). */
    RelatedStories(ArticleIndex index, Analyzers analyzers, boolean preferSection) {
        this.index = index;
        this.analyzers = analyzers;
        this.preferSection = preferSection;
    }

    private record Candidate(long id, double score, String headline, String body) {
    }

    /** What ranking reads of a story, from doc values: stored fields cost a block's decompression each. */
    private record Facts(long id, String section, long published, String headline, String body) {
    }

    /** The closest stories to the indexed article {@code articleId}, best first; empty when it is not indexed. */
    List<Long> closest(long articleId, long now) {
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(ArticleIndex.idTerm(articleId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            int docId = self.scoreDocs[0].doc;
            Query like = likeThis(searcher, docId);
            if (like == null) {
                return List.of();
            }
            ScoreDoc[] found = top(searcher, like, CANDIDATES + 1);
            Map<Integer, Facts> facts = facts(searcher.getIndexReader(), found, docId);
            Facts article = facts.get(docId);
            Set<String> seenHeadlines = new HashSet<>(Set.of(article.headline()));
            Set<String> seenBodies = new HashSet<>(Set.of(article.body()));
            double best = found.length == 0 ? 1 : found[0].score;
            List<Candidate> ranked = new ArrayList<>();
            for (ScoreDoc hit : found) {
                if (hit.doc == docId) {
                    continue;
                }
                Facts other = facts.get(hit.doc);
                double score = hit.score / best;
                if (preferSection && article.section().equals(other.section())) {
                    score *= 1 + SAME_SECTION;
                }
                double ageDays = Math.max(0, now - other.published()) / 86_400_000.0;
                score *= 1 + RECENT * Math.pow(0.5, ageDays / RECENT_HALF_LIFE_DAYS);
                ranked.add(new Candidate(other.id(), score, other.headline(), other.body()));
            }
            // Stable: candidates of equal score keep the search's order.
            ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score()));
            List<Long> chosen = new ArrayList<>();
            for (Candidate c : ranked) {
                // add() is false for a headline or text already seen: a duplicate of the article or of a choice.
                boolean newHeadline = seenHeadlines.add(c.headline());
                boolean newBody = seenBodies.add(c.body());
                if (newHeadline && newBody && chosen.size() < KEEP) {
                    chosen.add(c.id());
                }
            }
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /** The ids of the {@code n} stories most like the article by words and tags alone, copies included. */
    List<Long> nearest(long articleId, int n) {
        IndexSearcher searcher = index.acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(ArticleIndex.idTerm(articleId)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            int docId = self.scoreDocs[0].doc;
            Query like = likeThis(searcher, docId);
            if (like == null) {
                return List.of();
            }
            ScoreDoc[] found = top(searcher, like, n + 1);
            Map<Integer, Facts> facts = facts(searcher.getIndexReader(), found, docId);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : found) {
                if (hit.doc != docId && ids.size() < n) {
                    ids.add(facts.get(hit.doc).id());
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * The {@code n} best hits. Counting every match is not needed, so scoring may skip documents
     * that cannot reach the top {@code n} from the first hit on, not only after a thousand.
     */
    private static ScoreDoc[] top(IndexSearcher searcher, Query query, int n) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(n, n)).scoreDocs;
    }

    /** The ranking facts of {@code hits} and of the article {@code self}, read in document order. */
    private static Map<Integer, Facts> facts(IndexReader reader, ScoreDoc[] hits, int self) throws IOException {
        int[] docs = new int[hits.length + 1];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        docs[hits.length] = self;
        Arrays.sort(docs);
        List<LeafReaderContext> leaves = reader.leaves();
        Map<Integer, Facts> facts = new HashMap<>();
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        NumericDocValues published = null;
        SortedDocValues sections = null;
        SortedDocValues headlines = null;
        SortedDocValues bodies = null;
        for (int doc : docs) {
            if (facts.containsKey(doc)) {
                continue;
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                LeafReader r = leaf.reader();
                ids = DocValues.getNumeric(r, Fields.ID);
                published = DocValues.getNumeric(r, Fields.PUBLISHED);
                sections = DocValues.getSorted(r, Fields.SECTION);
                headlines = DocValues.getSorted(r, Fields.SAME_HEADLINE);
                bodies = DocValues.getSorted(r, Fields.SAME_BODY);
            }
            int d = doc - leaf.docBase;
            if (!ids.advanceExact(d) || !published.advanceExact(d)) {
                throw new IllegalStateException("an indexed story without its id or date: rebuild the search index");
            }
            facts.put(doc, new Facts(ids.longValue(), text(sections, d), published.longValue(), text(headlines, d),
                    text(bodies, d)));
        }
        return facts;
    }

    private static String text(SortedDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    /**
     * The article's telling words (MoreLikeThis over headline and body) and its tags, as one flat
     * disjunction: Lucene then skips, per block of documents, the words that cannot lift a story
     * into the top hits.
     */
    private Query likeThis(IndexSearcher searcher, int docId) throws IOException {
        Document doc = searcher.storedFields().document(docId, SELF_FIELDS);
        String lang = doc.get(Fields.LANGUAGE);
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzers.perField());
        mlt.setFieldNames(new String[] {Analyzers.field("headline", lang), Analyzers.field("body", lang)});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(QUERY_TERMS);
        mlt.setBoost(true);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        if (mlt.like(docId) instanceof BooleanQuery words) {
            for (BooleanClause clause : words.clauses()) {
                q.add(clause);
                any = true;
            }
        }
        for (IndexableField tag : doc.getFields(Fields.TAG)) {
            q.add(new BoostQuery(new TermQuery(new Term(Fields.TAG, tag.stringValue())), TAG), BooleanClause.Occur.SHOULD);
            any = true;
        }
        return any ? q.build() : null;
    }
}
