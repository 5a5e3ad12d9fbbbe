package org.masthead.search;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;
import org.masthead.db.ChangeLogRetention;
import org.masthead.db.Database;
import org.masthead.db.Remembered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's search index, following the change log: a committed change to an article
 * (or to a section, tag or author it names) is queued, and one background thread reads the
 * article again, updates or removes its document, makes it searchable, and recomputes the
 * stored related-story lists it can affect. Every instance keeps its own index, hearing other
 * instances' changes through {@link Database#follow}. A missing, damaged or unfinished index
 * is rebuilt in the background at {@link #start()}, during which {@link #catchingUp()} is true;
 * a sound one replays the log from shortly before its last commit.
 */
public final class SearchIndex implements ChangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    /**
     * How far before its last commit an index replays the log: a write's log row can commit late
     * (on PostgreSQL after rows with higher numbers), and instances' clocks differ. A row is
     * replayed when it is within both margins, so a burst of changes just before a rebuild (a
     * generated or imported site) is not mistaken for changes the rebuild missed.
     */
    private static final long REPLAY_MARGIN_MILLIS = 120_000;
    private static final long REPLAY_MARGIN_ROWS = ChangeLogRetention.KEPT_ROWS;
    /** Other articles whose related lists one change may recompute at most. */
    private static final int MAX_NEIGHBOURS = 40;
    /** A changed article's nearest stories whose lists are recomputed: they may now include it. */
    private static final int NEAREST = 20;
    /** Changes missed while stopped above which a rebuild (shown as catching up) beats replaying them. */
    private static final int REBUILD_OVER = 5_000;
    /** Stories whose related lists are recomputed and saved at a time after a rebuild. */
    private static final int RELATE_BATCH = 500;
    /** Instances sharing one data folder at most (each needs an index folder of its own). */
    private static final int MAX_FOLDERS = 64;

    /** Told how far a rebuild has gone: the step ("indexing", "relating"), done and total. */
    public interface Progress {
        void at(String step, long done, long total);

        Progress NONE = (step, done, total) -> { };
    }

    private final Database db;
    private final SearchQueries queries;
    private final RelatedStore related;
    private final ArticleIndex index;
    private final StorySearch search;
    private final StoryMatches matches;
    private final RelatedStories relatedStories;
    private final Autocomplete autocomplete;
    private final EditorHints hints;
    private final IndexBuild build;
    /**
     * The search page's author and tag filters: every search page shows them, and at 100,000
     * articles reading them costs tens of milliseconds, so they are kept until an article, author
     * or tag changes.
     */
    private final Remembered<List<IndexedArticle.Named>> authorsWithStories;
    private final Remembered<List<IndexedArticle.Named>> tagsWithStories;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean catchingUp;
    /** True while recomputing related lists after a rebuild is queued or running (see {@link #relateNext}). */
    private final AtomicBoolean relating = new AtomicBoolean();
    /** Threads the related lists are ranked on in the background, as {@link #relateOn} set; -1 for half the cores. */
    private volatile int relateThreads = -1;
    private long relatingStartedNanos;
    private long relatingIndexedMillis;
    private int relatedSoFar;
    /** Set when the site stops: work cut short by it is not a failure. */
    private volatile boolean closing;

    private SearchIndex(Database db, ArticleIndex index, Analyzers analyzers) {
        this.db = db;
        this.queries = new SearchQueries(db);
        this.related = new RelatedStore(db);
        this.index = index;
        this.search = new StorySearch(index, analyzers);
        this.matches = new StoryMatches(index, search);
        this.relatedStories = new RelatedStories(index, analyzers);
        this.autocomplete = new Autocomplete(index);
        this.hints = new EditorHints(index, analyzers);
        this.build = new IndexBuild(db, queries, related, index, relatedStories);
        this.catchingUp = !index.complete();
        this.authorsWithStories = Remembered.forgetOn(queries::authorsWithStories, "article", "author");
        this.tagsWithStories = Remembered.forgetOn(queries::tagsWithStories, "article", "tag");
    }

    /**
     * Opens (or starts) the index in {@code folder}; nothing runs in the background before
     * {@link #start()}. Fails when another process writes there (see {@link #inUse}).
     */
    public static SearchIndex open(Database db, Path folder) {
        Analyzers analyzers = new Analyzers();
        return new SearchIndex(db, ArticleIndex.open(folder, analyzers), analyzers);
    }

    /**
     * Opens the first of {@code folder}, {@code folder-2}, {@code folder-3}... that no other
     * instance writes: instances that share a data folder each keep their own index there.
     */
    public static SearchIndex openFree(Database db, Path folder) {
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? folder : folder.resolveSibling(folder.getFileName() + "-" + n);
            try {
                return open(db, candidate);
            } catch (RuntimeException e) {
                if (!inUse(e) || n >= MAX_FOLDERS) {
                    throw e;
                }
            }
        }
    }

    /** Whether opening failed because another process writes to that index. */
    public static boolean inUse(RuntimeException e) {
        return e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException;
    }

    /** Brings the index up to date in the background: a full rebuild when needed, else a replay of recent changes. */
    public void start() {
        worker.execute(() -> {
            try {
                if (!index.complete()) {
                    LOG.info("building the search index in the background");
                    rebuildNow(Progress.NONE, false);
                } else if (logTooShort()) {
                    LOG.info("the change log no longer reaches back to when the search index was last saved;"
                            + " rebuilding it in the background");
                    rebuildNow(Progress.NONE, false);
                } else {
                    List<SearchQueries.Changed> missed = missedChanges();
                    if (missed.size() > REBUILD_OVER) {
                        LOG.info("{} changes since the search index was last saved; rebuilding it in the background",
                                missed.size());
                        rebuildNow(Progress.NONE, false);
                        return;
                    }
                    for (SearchQueries.Changed c : missed) {
                        queue(c.entity(), c.id());
                    }
                    drain();
                    index.relating().ifPresent(from -> {
                        if (relatingThreads() > 0) { // else relateInBackground says they wait
                            LOG.info("going on recomputing the related lists the last rebuild left, {}", from.described());
                        }
                        relatingStartedNanos = System.nanoTime();
                        relatingIndexedMillis = 0;
                        relatedSoFar = 0;
                        relateInBackground();
                    });
                }
            } catch (RuntimeException e) {
                if (closing) {
                    LOG.info("the site is stopping: bringing the search index up to date is left to its next start");
                } else {
                    LOG.error("bringing the search index up to date failed", e);
                }
            }
        });
    }

    /**
     * Whether the change log's retention removed rows a replay would read: rows within both
     * margins of the last save. Every row from {@code changesKeptFrom} on is still there, and
     * so is every row from the log's first sequence number up.
     */
    private boolean logTooShort() {
        long keptFrom = queries.changesKeptFrom();
        long sequence = index.sequence();
        boolean rowsThere = sequence >= 0 && queries.firstSequence() <= sequence - REPLAY_MARGIN_ROWS + 1;
        boolean timeThere = keptFrom <= index.syncedAt() - REPLAY_MARGIN_MILLIS;
        return !rowsThere && !timeThere;
    }

    /**
     * How many articles, sections, tags and authors {@link #start()} would replay for a complete
     * index, counted up to one more than it would replay rather than rebuild.
     */
    public int changesToReplay() {
        return missedChanges().size();
    }

    /** The changes {@link #start()} replays for a complete index: those its last commit may not hold. */
    private List<SearchQueries.Changed> missedChanges() {
        long sequence = index.sequence();
        return queries.changedSince(index.syncedAt() - REPLAY_MARGIN_MILLIS,
                sequence < 0 ? -1 : sequence - REPLAY_MARGIN_ROWS, REBUILD_OVER + 1);
    }

    /** True while a rebuild runs: searches find only what it has reached so far. */
    public boolean catchingUp() {
        return catchingUp;
    }

    @Override
    public void changed(Change change) {
        authorsWithStories.changed(change);
        tagsWithStories.changed(change);
        switch (change.entity()) {
            case "article", "section", "tag", "author" -> worker.execute(() -> {
                try {
                    queue(change.entity(), change.entityId());
                    drainSoon();
                } catch (RuntimeException e) {
                    LOG.warn("the search index could not follow {}", change, e);
                }
            });
            default -> { }
        }
    }

    private void queue(String entity, long id) {
        if (entity.equals("article")) {
            pending.add(id);
        } else {
            pending.addAll(queries.articlesNaming(entity, id));
        }
    }

    private void drainSoon() {
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                drainQueued.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    if (!closing) {
                        LOG.warn("updating the search index failed", e);
                    }
                }
            });
        }
    }

    /** Applies the queued articles; runs on the worker thread only. */
    private void drain() {
        if (pending.isEmpty()) {
            return;
        }
        long startedAt = System.currentTimeMillis();
        long sequence = queries.lastSequence();
        List<Long> ids = new ArrayList<>(pending);
        pending.removeAll(ids);
        List<Long> live = new ArrayList<>();
        for (long id : ids) {
            Optional<IndexedArticle> article = queries.published(id);
            if (article.isPresent()) {
                index.put(article.get());
                live.add(id);
            } else {
                index.remove(id);
            }
        }
        index.refresh();
        Set<Long> affected = new LinkedHashSet<>(live);
        for (long id : ids) {
            for (long other : related.listing(id)) {
                if (affected.size() < live.size() + MAX_NEIGHBOURS) {
                    affected.add(other);
                }
            }
        }
        for (long id : live) {
            // Its nearest stories, copies included: a copy of a story must not hide that story from the recount.
            for (long other : relatedStories.nearest(id, NEAREST)) {
                if (affected.size() < live.size() + 2 * MAX_NEIGHBOURS) {
                    affected.add(other);
                }
            }
        }
        build.storeRelated(affected.stream().mapToLong(Long::longValue).toArray(), startedAt, build.allThreads(),
                (done, total) -> { });
        index.commit(!catchingUp, startedAt, sequence);
    }

    /** Rebuilds the whole index and every related list now, on the calling thread (the reindex command). */
    public void rebuild(Progress progress) {
        try {
            worker.submit(() -> rebuildNow(progress, true)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Indexes every published story, then recomputes their related lists, newest first. Search
     * works as soon as the documents are in ({@link #catchingUp} turns false); the lists follow,
     * on this thread with every core ({@code foreground}, the reindex command) or else a batch
     * at a time on the worker with half the cores, between the changes that arrive meanwhile.
     * Either way the index saves how far they have gone, and a stop goes on from there at the next start.
     */
    private void rebuildNow(Progress progress, boolean foreground) {
        catchingUp = true;
        long startedAt = System.currentTimeMillis();
        long sequence = queries.lastSequence();
        pending.clear(); // the rebuild reads every article as it is now
        long total = queries.countPublished();
        index.relating(null);
        index.removeAll();
        index.commit(false, startedAt, sequence);
        int count = build.indexAll(total, (done, all) -> progress.at("indexing", done, all));
        index.relating(SearchQueries.Position.NEWEST);
        index.commit(true, startedAt, sequence);
        catchingUp = false;
        relatingStartedNanos = System.nanoTime();
        relatingIndexedMillis = System.currentTimeMillis() - startedAt;
        relatedSoFar = 0;
        if (foreground) {
            while (relateNext(build.allThreads())) {
                progress.at("relating", relatedSoFar, Math.max(count, relatedSoFar));
            }
        } else {
            LOG.info("the search index holds all {} published stories and answers searches{}", count,
                    relatingThreads() > 0 ? "; their related lists are recomputed in the background, newest first" : "");
            relateInBackground();
        }
        drain(); // whatever changed while it ran
    }

    /**
     * How many threads a serving site ranks related lists on after a rebuild (half the cores, at
     * least one, unless set); 0 leaves the lists the rebuild has not reached until a start with more.
     * Set before {@link #start()}.
     */
    public void relateOn(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("related lists are ranked on 0 or more threads, not " + threads);
        }
        relateThreads = threads;
    }

    private int relatingThreads() {
        return relateThreads < 0 ? build.backgroundThreads() : relateThreads;
    }

    /** Queues the next batch of related lists on the worker, behind any changes already queued there. */
    private void relateInBackground() {
        int threads = relatingThreads();
        if (threads == 0) {
            LOG.info("related lists are ranked on 0 threads: those left to rank ({}) wait for a start with more",
                    index.relating().map(SearchQueries.Position::described).orElse("none"));
            return;
        }
        relating.set(true);
        try {
            worker.execute(() -> {
                try {
                    if (!closing && !catchingUp && relateNext(threads)) {
                        relateInBackground();
                        return;
                    }
                } catch (RuntimeException e) {
                    if (closing) {
                        LOG.info("the site is stopping: the related lists left are recomputed at its next start");
                    } else {
                        LOG.error("recomputing related lists failed; the next start goes on from where it stopped", e);
                    }
                }
                relating.set(false);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            relating.set(false); // stopping
        }
    }

    /**
     * Recomputes and saves the related lists of the next batch of stories the last rebuild has not
     * reached; false when none is left (and says so in the index).
     */
    private boolean relateNext(int threads) {
        Optional<SearchQueries.Position> from = index.relating();
        if (from.isEmpty()) {
            return false;
        }
        List<SearchQueries.Position> batch = queries.publishedAfter(from.get(), RELATE_BATCH);
        if (batch.isEmpty()) {
            index.relating(null);
            index.commitRelating();
            build.logSplit(relatedSoFar, relatingIndexedMillis, (System.nanoTime() - relatingStartedNanos) / 1_000_000);
            return false;
        }
        long[] ids = batch.stream().mapToLong(SearchQueries.Position::id).toArray();
        build.storeRelated(ids, System.currentTimeMillis(), threads, (done, all) -> { });
        index.relating(batch.getLast());
        index.commitRelating();
        relatedSoFar += batch.size();
        return true;
    }

    /** Runs a reader's search. */
    SearchResults search(SearchRequest request, ZoneId zone) {
        return search.search(request, zone);
    }

    /**
     * Stories found by their words for the WordPress API (see {@link StoryMatches}); empty while
     * a rebuild runs, when the index holds only part of the site and the caller should look in
     * the database instead.
     */
    public Optional<StoryMatches.Found> find(StoryMatches.Query query, StoryMatches.Order order, boolean ascending,
                                             int offset, int limit) {
        return catchingUp ? Optional.empty() : Optional.of(matches.find(query, order, ascending, offset, limit));
    }

    List<Autocomplete.Suggestion> suggest(String prefix) {
        return autocomplete.suggest(prefix);
    }

    /** Topics whose name starts with {@code prefix}, without the headlines {@link #suggest} adds. */
    List<Autocomplete.Suggestion> topics(String prefix) {
        return autocomplete.topics(prefix);
    }

    /**
     * Tags and "See also" stories to offer in the editor for the text there; {@code articleId}
     * (null for a new article) is never suggested to itself. Tags and pinned stories are as the
     * editor's fields hold them (names, slugs), and are not offered again.
     */
    public EditorSuggestions suggestionsFor(Long articleId, String language, String headline, String body,
                                            java.util.Collection<String> tags, java.util.Collection<String> pinned) {
        return hints.suggest(articleId, language, headline, body, tagsWithStories.get(), Set.copyOf(tags),
                Set.copyOf(pinned));
    }

    List<IndexedArticle.Named> authors() {
        return authorsWithStories.get();
    }

    List<IndexedArticle.Named> tags() {
        return tagsWithStories.get();
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        return index.sizeOnDisk();
    }

    /**
     * Waits until every change heard so far is searchable and the related lists a rebuild left are
     * recomputed; for tests and the reindex command.
     */
    public void awaitIdle() {
        try {
            do {
                worker.submit(() -> { }).get();
                worker.submit(() -> { }).get();
            } while (relating.get() && !closing);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        build.close();
        index.close();
    }
}
