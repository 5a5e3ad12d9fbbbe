package org.masthead.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heavy work of the index, spread over the machine's cores: a full rebuild (documents read
 * in one stream, turned into words and analysed on every core while the next page is read;
 * no commit until the end, then one merge into a single segment) and the recomputing of related-story lists (ranked on every core,
 * a batch at a time, while the previous batch is written in one transaction with batched
 * statements). Keeps its own time split, logged at the end of a rebuild.
 */
final class IndexBuild implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuild.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int PAGE = 1_000;
    private static final int BATCH = 500;
    /** While a background rebuild runs, searches see its progress this often. */
    private static final long REFRESH_EVERY_NANOS = 2_000_000_000L;

    private final Database db;
    private final SearchQueries queries;
    private final RelatedStore related;
    private final ArticleIndex index;
    private final RelatedStories relatedStories;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "search-build");
        t.setDaemon(true);
        return t;
    });
    // Nanoseconds spent on each part: wall time of the one thread reading, merging and writing; CPU
    // time summed over the pool's threads for analysis and ranking (on a busy machine a thread's
    // wall time includes waiting for a core).
    private final AtomicLong reading = new AtomicLong();
    private final AtomicLong analysing = new AtomicLong();
    private final AtomicLong ranking = new AtomicLong();
    private final AtomicLong writing = new AtomicLong();
    private long merging;

    IndexBuild(Database db, SearchQueries queries, RelatedStore related, ArticleIndex index,
               RelatedStories relatedStories) {
        this.db = db;
        this.queries = queries;
        this.related = related;
        this.index = index;
        this.relatedStories = relatedStories;
    }

    /** Tells how far a step has gone. */
    interface Steps {
        void at(long done, long total);
    }

    /**
     * Adds every published article to an emptied index and returns how many; {@code total}
     * is the expected count, for the progress only.
     */
    int indexAll(long total, Steps progress) {
        int[] count = {0};
        List<List<Future<Object>>> running = new ArrayList<>(List.of(List.of()));
        long[] lastRefresh = {System.nanoTime()};
        long[] handling = {0};
        long t0 = System.nanoTime();
        queries.eachPublished(PAGE, page -> {
            long h0 = System.nanoTime();
            await(running.getFirst()); // at most two pages in memory: one read, one being analysed
            running.set(0, inParts(page, threads, part -> {
                for (SearchQueries.Unread article : part) {
                    index.add(article.indexed());
                }
                return null;
            }, analysing));
            count[0] += page.size();
            progress.at(count[0], Math.max(total, count[0]));
            if (System.nanoTime() - lastRefresh[0] > REFRESH_EVERY_NANOS) {
                index.refresh();
                lastRefresh[0] = System.nanoTime();
            }
            handling[0] += System.nanoTime() - h0;
        });
        reading.addAndGet(System.nanoTime() - t0 - handling[0]);
        await(running.getFirst());
        double seconds = Math.max(1, System.nanoTime() - t0) / 1e9;
        long m0 = System.nanoTime();
        index.mergeAll();
        merging = System.nanoTime() - m0;
        LOG.info("{} articles indexed in {} ms ({} a second), merged into one segment in {} ms",
                count[0], Math.round(seconds * 1000), Math.round(count[0] / seconds), merging / 1_000_000);
        return count[0];
    }

    /**
     * Recomputes the lists of {@code ids} against the index as now refreshed and stores those that
     * changed, ranking on {@code parts} of the pool's threads; the next batch is ranked while this
     * one is written.
     */
    void storeRelated(long[] ids, long now, int parts, Steps progress) {
        List<Future<Map<Long, List<Long>>>> ranked = rank(batch(ids, 0), now, parts);
        for (int from = 0; from < ids.length; from += BATCH) {
            Map<Long, List<Long>> lists = new LinkedHashMap<>();
            for (Map<Long, List<Long>> part : await(ranked)) {
                lists.putAll(part);
            }
            int next = from + BATCH;
            ranked = next < ids.length ? rank(batch(ids, next), now, parts) : List.of();
            long t0 = System.nanoTime();
            db.write(tx -> related.replaceChanged(tx, lists));
            writing.addAndGet(System.nanoTime() - t0);
            progress.at(Math.min(ids.length, next), ids.length);
        }
    }

    /** Every thread of the pool: for the reindex command, which has the machine to itself. */
    int allThreads() {
        return threads;
    }

    /** Half the pool's threads (at least one): a serving site keeps the other cores for its readers. */
    int backgroundThreads() {
        return Math.max(1, threads / 2);
    }

    /** The ids of one batch from {@code from} on, boxed for the ranking threads; the whole list stays unboxed. */
    private static List<Long> batch(long[] ids, int from) {
        return Arrays.stream(ids, from, Math.min(ids.length, from + BATCH)).boxed().toList();
    }

    private List<Future<Map<Long, List<Long>>>> rank(List<Long> batch, long now, int parts) {
        return inParts(batch, parts, part -> {
            Map<Long, List<Long>> lists = new LinkedHashMap<>();
            for (long id : part) {
                lists.put(id, relatedStories.closest(id, now));
            }
            return lists;
        }, ranking);
    }

    /** Logs where a rebuild's time went. */
    void logSplit(int articles, long indexedMillis, long relatedMillis) {
        LOG.info("search index built: {} articles indexed in {} ms, related lists in {} ms, {} MB on disk;"
                        + " on {} threads: reading rows {} ms, words and analysis {} ms CPU (all threads), merging {} ms,"
                        + " ranking related {} ms CPU (all threads, {} ms an article), writing lists {} ms",
                articles, indexedMillis, relatedMillis, index.sizeOnDisk() / (1024 * 1024), threads,
                reading.get() / 1_000_000, analysing.get() / 1_000_000, merging / 1_000_000, ranking.get() / 1_000_000,
                String.format(java.util.Locale.ROOT, "%.2f", ranking.get() / 1e6 / Math.max(1, articles)),
                writing.get() / 1_000_000);
        reading.set(0);
        merging = 0;
        analysing.set(0);
        ranking.set(0);
        writing.set(0);
    }

    private interface Part<T, R> {
        R run(List<T> part);
    }

    /** Splits {@code items} into {@code parts} parts and runs {@code work} on each in the pool. */
    private <T, R> List<Future<R>> inParts(List<T> items, int parts, Part<T, R> work, AtomicLong timer) {
        List<Future<R>> futures = new ArrayList<>();
        int size = Math.max(1, (items.size() + parts - 1) / parts);
        for (int from = 0; from < items.size(); from += size) {
            List<T> part = items.subList(from, Math.min(items.size(), from + size));
            futures.add(pool.submit(() -> {
                long t0 = CPU.getCurrentThreadCpuTime();
                try {
                    return work.run(part);
                } finally {
                    timer.addAndGet(CPU.getCurrentThreadCpuTime() - t0);
                }
            }));
        }
        return futures;
    }

    private static <R> List<R> await(List<Future<R>> futures) {
        List<R> results = new ArrayList<>(futures.size());
        try {
            for (Future<R> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the index build was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
