package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Published stories found by their words for a reader other than the search page: the
 * WordPress API's {@code posts?search=}. The words read as on the search page (every word must
 * match, "quoted phrases" and -exclusions work, stemming and stop words as the story's
 * language has them). Each narrowing list means "any of these", and the lists together "all of
 * them"; an empty list does not narrow.
 */
public final class StoryMatches {
    /** How the stories are ordered; {@code NONE} leaves the order to the caller, which sorts them itself. */
    public enum Order { PUBLISHED, ID, SLUG, RELEVANCE, NONE }

    /** The words and the narrowing: story ids, story slugs, section, tag and author slugs. */
    public record Query(String text, List<Long> ids, List<String> slugs, List<String> sections, List<String> tags,
                        List<String> authors) {
    }

    /** How many stories match, and the ids of those asked for, in order. */
    public record Found(long total, List<Long> ids) {
    }

    private final ArticleIndex index;
    private final StorySearch search;

    StoryMatches(ArticleIndex index, StorySearch search) {
        this.index = index;
        this.search = search;
    }

    /** The stories from {@code offset}, at most {@code limit} of them, counting every match. */
    Found find(Query q, Order order, boolean ascending, int offset, int limit) {
        IndexSearcher searcher = index.acquire();
        try {
            BooleanQuery.Builder all = new BooleanQuery.Builder()
                    .add(search.query(QueryText.parse(q.text()), StorySearch.languages(searcher.getIndexReader()), true),
                            BooleanClause.Occur.MUST);
            if (!q.ids().isEmpty()) {
                all.add(new TermInSetQuery(Fields.ID, terms(q.ids().stream().map(String::valueOf).toList())),
                        BooleanClause.Occur.FILTER);
            }
            if (!q.slugs().isEmpty()) {
                all.add(SortedDocValuesField.newSlowSetQuery(Fields.SLUG, terms(q.slugs())), BooleanClause.Occur.FILTER);
            }
            narrow(all, Fields.SECTION, q.sections());
            narrow(all, Fields.TAG, q.tags());
            narrow(all, Fields.AUTHOR, q.authors());
            TopFieldDocs top = searcher.search(all.build(),
                    new TopFieldCollectorManager(sort(order, ascending), Math.max(1, offset + limit), Integer.MAX_VALUE));
            return new Found(top.totalHits.value(), ids(searcher, top.scoreDocs, offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * The ids of {@code hits} from {@code from} on, in their order, read from the id's doc values
     * (stored fields would be decompressed one story at a time: ten times slower for ten thousand).
     */
    private static List<Long> ids(IndexSearcher searcher, ScoreDoc[] hits, int from) throws IOException {
        int n = Math.max(0, hits.length - from);
        Integer[] byDoc = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDoc[i] = from + i;
        }
        // Doc values are read forwards only: visit the hits in index order, keep them in theirs.
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        long[] ids = new long[n];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        NumericDocValues values = null;
        int leaf = -1;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leaf) {
                leaf = at;
                values = DocValues.getNumeric(leaves.get(at).reader(), Fields.ID);
            }
            if (!values.advanceExact(doc - leaves.get(at).docBase)) {
                throw new IllegalStateException("a story in the search index has no id: document " + doc);
            }
            ids[i - from] = values.longValue();
        }
        return Arrays.stream(ids).boxed().toList();
    }

    private static void narrow(BooleanQuery.Builder all, String field, List<String> slugs) {
        if (!slugs.isEmpty()) {
            all.add(new TermInSetQuery(field, terms(slugs)), BooleanClause.Occur.FILTER);
        }
    }

    private static Collection<BytesRef> terms(List<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    /** Ties are broken by id, in the same direction, as the database's lists break them. */
    private static Sort sort(Order order, boolean ascending) {
        SortField byId = new SortField(Fields.ID, SortField.Type.LONG, !ascending);
        return switch (order) {
            case PUBLISHED -> new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, !ascending), byId);
            case ID -> new Sort(byId);
            case SLUG -> new Sort(new SortField(Fields.SLUG, SortField.Type.STRING, !ascending), byId);
            // A score sorts best first unless reversed.
            case RELEVANCE -> new Sort(new SortField(null, SortField.Type.SCORE, ascending), byId);
            case NONE -> Sort.INDEXORDER;
        };
    }
}
