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
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * Ranks the stories most like an article: the words that set its headline and body apart
 * (BM25 over them, Lucene's MoreLikeThis) and its tags, then a mild lift for the same section
 * and for recent stories. Never the article itself, nor a story with the same headline or the
 * same text as the article or as one already chosen. Only the {@link #WINDOW} stories published
 * nearest in time to the article are ranked, so a list costs the same in an archive of any size.
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
    /**
     * How many stories, the article included, a list is chosen from: those published nearest in
     * time to it, half before and half after where the archive allows. About a year of a busy
     * newsroom's stories; a smaller archive is ranked whole.
     */
    static final int WINDOW = 20_000;
    /** What the query reads of the article's stored fields (MoreLikeThis reads its words itself). */
    private static final Set<String> SELF_FIELDS = Set.of(Fields.LANGUAGE, Fields.TAG);

    private final ArticleIndex index;
    private final Analyzers analyzers;
    private final boolean preferSection;
    private final int window;

    RelatedStories(ArticleIndex index, Analyzers analyzers) {
        this(index, analyzers, true, WINDOW);
    }

    /**
     * {@code preferSection} false ranks by content and recency alone (for measuring the content
     * signal); {@code window} is how many stories nearest in time a list is chosen from.
     */
    RelatedStories(ArticleIndex index, Analyzers analyzers, boolean preferSection, int window) {
        if (window < 2) {
            throw new IllegalArgumentException("a window of the article and at least one other story, not " + window);
        }
        this.index = index;
        this.analyzers = analyzers;
        this.preferSection = preferSection;
        this.window = window;
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
            ScoreDoc[] found = top(searcher, like, CANDIDATES + 1, window(searcher, docId));
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
            ScoreDoc[] found = top(searcher, like, n + 1, window(searcher, docId));
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

    /** Stories published from {@code from} to {@code to}, both included. */
    private record Window(long from, long to) {
    }

    /**
     * The {@code n} best hits published within {@code window} (null: the whole index). Counting
     * every match is not needed, so scoring may skip documents that cannot reach the top {@code n}
     * from the first hit on, not only after a thousand. The index is sorted by publication, so a
     * window is one run of documents in each segment, and only that run is scored. Positions
     * count from a segment's oldest story (its last document), so time grows with them.
     */
    private static ScoreDoc[] top(IndexSearcher searcher, Query query, int n, Window window) throws IOException {
        TopScoreDocCollectorManager manager = new TopScoreDocCollectorManager(n, n);
        if (window == null) {
            return searcher.search(query, manager).scoreDocs;
        }
        TopScoreDocCollector collector = manager.newCollector();
        Weight weight = searcher.createWeight(searcher.rewrite(query), collector.scoreMode(), 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int first = firstPublishedFrom(leaf.reader(), window.from());
            int end = end(leaf.reader(), window.to());
            BulkScorer scorer = first < end ? weight.bulkScorer(leaf) : null;
            if (scorer != null) {
                LeafCollector leafCollector = collector.getLeafCollector(leaf);
                int maxDoc = leaf.reader().maxDoc();
                scorer.score(leafCollector, leaf.reader().getLiveDocs(), maxDoc - end, maxDoc - first);
                leafCollector.finish();
            }
        }
        return collector.topDocs().scoreDocs;
    }

    /**
     * The first position in a segment published at or after {@code at} ({@code maxDoc} if none): the
     * segment is sorted by it, newest first, so position p is document {@code maxDoc - 1 - p}.
     */
    private static int firstPublishedFrom(LeafReader reader, long at) throws IOException {
        return firstPublishedFrom(reader, at, 0, reader.maxDoc());
    }

    /** As {@link #firstPublishedFrom(LeafReader, long)}, known to lie from {@code low} to {@code high}. */
    private static int firstPublishedFrom(LeafReader reader, long at, int low, int high) throws IOException {
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (published(reader, reader.maxDoc() - 1 - mid) < at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The position after the last published at or before {@code to} in a segment. */
    private static int end(LeafReader reader, long to) throws IOException {
        return to == Long.MAX_VALUE ? reader.maxDoc() : firstPublishedFrom(reader, to + 1);
    }

    /**
     * The {@link #window} stories published nearest in time to the story {@code docId}: as many
     * after it as before where both sides have enough, else the rest from the side that has.
     * Stories published at the same instant as an edge come in with it; a removed story keeps its
     * place until its segment is merged. Null when the whole index fits.
     */
    private Window window(IndexSearcher searcher, int docId) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int stories = reader.maxDoc();
        if (stories <= window) {
            return null;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext own = leaves.get(ReaderUtil.subIndex(docId, leaves));
        long at = published(own.reader(), docId - own.docBase);
        // Where each segment's stories after the article begin: the article is among those before.
        int[] after = new int[leaves.size()];
        int before = 0;
        for (int i = 0; i < after.length; i++) {
            after[i] = end(leaves.get(i).reader(), at);
            before += after[i];
        }
        int fromAfter = Math.min(stories - before, Math.max(window / 2, window - before));
        int fromBefore = window - fromAfter;
        long first = LongPoint.decodeDimension(PointValues.getMinPackedValue(reader, Fields.PUBLISHED), 0);
        long last = LongPoint.decodeDimension(PointValues.getMaxPackedValue(reader, Fields.PUBLISHED), 0);
        return new Window(earliest(leaves, first, at, after, fromBefore),
                fromAfter == 0 ? at : latest(leaves, at, last, after, fromAfter));
    }

    /**
     * The latest instant from {@code first} on with {@code wanted} stories published from it to
     * {@code at}, where {@code after} holds each segment's first story after {@code at}: a binary
     * search over time, each segment's position looked for only between those already passed.
     */
    private static long earliest(List<LeafReaderContext> leaves, long first, long at, int[] after, int wanted)
            throws IOException {
        int[] low = new int[leaves.size()];
        int[] high = after.clone();
        int[] positions = new int[leaves.size()];
        long from = first;
        long to = at;
        while (from < to) {
            long mid = from + (to - from + 1) / 2;
            int count = 0;
            for (int i = 0; i < positions.length; i++) {
                positions[i] = firstPublishedFrom(leaves.get(i).reader(), mid, low[i], high[i]);
                count += after[i] - positions[i];
            }
            if (count >= wanted) {
                from = mid;
                System.arraycopy(positions, 0, low, 0, positions.length);
            } else {
                to = mid - 1;
                System.arraycopy(positions, 0, high, 0, positions.length);
            }
        }
        return from;
    }

    /** The earliest instant up to {@code last} with {@code wanted} stories published after {@code at} up to it. */
    private static long latest(List<LeafReaderContext> leaves, long at, long last, int[] after, int wanted)
            throws IOException {
        int[] low = after.clone();
        int[] high = new int[leaves.size()];
        for (int i = 0; i < high.length; i++) {
            high[i] = leaves.get(i).reader().maxDoc();
        }
        int[] ends = new int[leaves.size()];
        long from = at + 1;
        long to = last;
        while (from < to) {
            long mid = from + (to - from) / 2;
            int count = 0;
            for (int i = 0; i < ends.length; i++) {
                ends[i] = firstPublishedFrom(leaves.get(i).reader(), mid + 1, low[i], high[i]);
                count += ends[i] - after[i];
            }
            if (count >= wanted) {
                to = mid;
                System.arraycopy(ends, 0, high, 0, ends.length);
            } else {
                from = mid + 1;
                System.arraycopy(ends, 0, low, 0, ends.length);
            }
        }
        return to;
    }

    private static long published(LeafReader reader, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(reader, Fields.PUBLISHED);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("an indexed story without its date: rebuild the search index");
        }
        return values.longValue();
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
