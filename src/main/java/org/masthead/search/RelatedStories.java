package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
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

    /** What ranking reads of a candidate: never its text, the largest stored field. */
    private static final Set<String> RANKING_FIELDS = Set.of(Fields.ID, Fields.SECTION, Fields.PUBLISHED,
            Fields.SAME_HEADLINE, Fields.SAME_BODY);

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

    private record Candidate(long id, double score) {
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
            Document doc = searcher.storedFields().document(docId);
            String lang = doc.get(Fields.LANGUAGE);
            Query like = likeThis(searcher, docId, doc, lang);
            if (like == null) {
                return List.of();
            }
            TopDocs found = searcher.search(like, CANDIDATES + 1);
            String section = doc.get(Fields.SECTION);
            Set<String> seenHeadlines = new HashSet<>(Set.of(doc.get(Fields.SAME_HEADLINE)));
            Set<String> seenBodies = new HashSet<>(Set.of(doc.get(Fields.SAME_BODY)));
            double best = found.scoreDocs.length == 0 ? 1 : found.scoreDocs[0].score;
            List<Candidate> ranked = new ArrayList<>();
            List<Document> docs = new ArrayList<>();
            for (ScoreDoc hit : found.scoreDocs) {
                if (hit.doc == docId) {
                    continue;
                }
                Document other = searcher.storedFields().document(hit.doc, RANKING_FIELDS);
                double score = hit.score / best;
                if (preferSection && section.equals(other.get(Fields.SECTION))) {
                    score *= 1 + SAME_SECTION;
                }
                double ageDays = Math.max(0, now - other.getField(Fields.PUBLISHED).numericValue().longValue()) / 86_400_000.0;
                score *= 1 + RECENT * Math.pow(0.5, ageDays / RECENT_HALF_LIFE_DAYS);
                ranked.add(new Candidate(Long.parseLong(other.get(Fields.ID)), score));
                docs.add(other);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -ranked.get(i).score()));
            List<Long> chosen = new ArrayList<>();
            for (int i : order) {
                Document other = docs.get(i);
                // add() is false for a headline or text already seen: a duplicate of the article or of a choice.
                boolean newHeadline = seenHeadlines.add(other.get(Fields.SAME_HEADLINE));
                boolean newBody = seenBodies.add(other.get(Fields.SAME_BODY));
                if (newHeadline && newBody && chosen.size() < KEEP) {
                    chosen.add(ranked.get(i).id());
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
            Document doc = searcher.storedFields().document(docId);
            Query like = likeThis(searcher, docId, doc, doc.get(Fields.LANGUAGE));
            if (like == null) {
                return List.of();
            }
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(like, n + 1).scoreDocs) {
                if (hit.doc != docId && ids.size() < n) {
                    ids.add(Long.parseLong(searcher.storedFields().document(hit.doc, Set.of(Fields.ID)).get(Fields.ID)));
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private Query likeThis(IndexSearcher searcher, int docId, Document doc, String lang) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzers.perField());
        mlt.setFieldNames(new String[] {Analyzers.field("headline", lang), Analyzers.field("body", lang)});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(80);
        mlt.setBoost(true);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        Query words = mlt.like(docId);
        boolean any = false;
        if (words instanceof BooleanQuery b && !b.clauses().isEmpty()) {
            q.add(words, BooleanClause.Occur.SHOULD);
            any = true;
        }
        for (IndexableField tag : doc.getFields(Fields.TAG)) {
            q.add(new BoostQuery(new TermQuery(new Term(Fields.TAG, tag.stringValue())), TAG), BooleanClause.Occur.SHOULD);
            any = true;
        }
        return any ? q.build() : null;
    }
}
