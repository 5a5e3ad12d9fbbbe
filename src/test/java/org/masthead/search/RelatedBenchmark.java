package org.masthead.search;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds to rank one article's related list, one thread, in the search index of a grown
 * site (the {@code search-index} folder that {@code masthead reindex} leaves; the site must be
 * stopped, as the index is opened for writing). Articles are drawn at random over the whole
 * archive. {@code window} is how many stories nearest in time a list is chosen from; 0 ranks
 * against the whole index, as before the window. A figure, not a test: run it with bench/related.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class RelatedBenchmark {
    @Param("")
    public String index;

    @Param({"0", "20000"})
    public int window;

    private ArticleIndex articles;
    private RelatedStories related;
    private long[] ids;
    private int next;
    private final long now = System.currentTimeMillis();

    @Setup(Level.Trial)
    public void open() throws Exception {
        articles = GrownIndex.open(index);
        IndexSearcher searcher = articles.acquire();
        try {
            int stories = searcher.getIndexReader().numDocs();
            related = new RelatedStories(articles, new Analyzers(), true, window == 0 ? Integer.MAX_VALUE : window);
            ids = sample(searcher, 2_000);
            System.out.printf("%n%d stories indexed, %d drawn at random, window %s%n", stories, ids.length,
                    window == 0 ? "the whole index" : window);
        } finally {
            articles.release(searcher);
        }
    }

    /** {@code n} story ids drawn with a fixed seed, so every run ranks the same stories. */
    private static long[] sample(IndexSearcher searcher, int n) throws Exception {
        int maxDoc = searcher.getIndexReader().maxDoc();
        SplittableRandom random = new SplittableRandom(42);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        long[] drawn = new long[n];
        int found = 0;
        while (found < n) {
            int doc = random.nextInt(maxDoc);
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), Fields.ID);
            if (values.advanceExact(doc - leaf.docBase)) {
                drawn[found++] = values.longValue();
            }
        }
        return drawn;
    }

    @TearDown(Level.Trial)
    public void close() {
        articles.close();
    }

    @Benchmark
    public List<Long> rankOneList() {
        long id = ids[next];
        next = next + 1 == ids.length ? 0 : next + 1;
        return related.closest(id, now);
    }
}
