package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of published articles in a folder of its own under the data folder. Opens
 * what is there, or starts empty when the folder is missing, unreadable or from another
 * layout; {@link #complete()} says whether a finished rebuild stands behind it. Writes become
 * visible to searches at {@link #refresh()}, and durable at {@link #commit}.
 */
final class ArticleIndex implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    /** Raised whenever the fields change, so an index of the old layout is rebuilt. */
    static final String LAYOUT = "6";
    static final String LAYOUT_KEY = "layout";
    static final String COMPLETE_KEY = "complete";
    /** Epoch milliseconds up to which the change log is reflected in the last commit. */
    static final String SYNCED_KEY = "synced-at";
    /** The change log's highest sequence number when the last committed work began to read. */
    static final String SEQUENCE_KEY = "log-sequence";
    /**
     * Where a rebuild's recomputing of related lists goes on from ("published-at:id", newest
     * first); absent when every list has been recomputed since the last rebuild.
     */
    static final String RELATING_KEY = "relating-before";

    private static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);

    /** Words with how often they occur, nothing stored, no positions: {@link Analyzers#WORDS}. */
    private static final FieldType COUNTED_WORDS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        // Offsets let the highlighter mark words without analysing the text again.
        STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT.freeze();
        COUNTED_WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        COUNTED_WORDS.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> opened;
    /** Committed with every commit: where relating goes on, or null when it is done. */
    private volatile SearchQueries.Position relating;
    private long committedSyncedAt;
    private long committedSequence;

    private ArticleIndex(Directory directory, IndexWriter writer, Map<String, String> opened) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.opened = opened;
        this.relating = SearchQueries.Position.parse(opened.get(RELATING_KEY));
        this.committedSyncedAt = syncedAt();
        this.committedSequence = sequence();
    }

    /**
     * Opens the index in {@code folder} for writing. Throws {@link LockObtainFailedException}
     * (in an {@link UncheckedIOException}) when another process or instance writes there.
     */
    static ArticleIndex open(Path folder, Analyzers analyzers) {
        try {
            Files.createDirectories(folder);
            Directory directory = FSDirectory.open(folder);
            Map<String, String> data;
            // Held while the folder is judged and, if need be, emptied: never another writer's files.
            try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                data = readable(directory);
                if (data == null) {
                    wipe(folder);
                }
            } catch (IOException e) {
                directory.close();
                throw e;
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField())
                    .setOpenMode(data == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMegabytes())
                    // Newest first in every segment: the stories nearest in time to one are a run of documents,
                    // and a search for the newest (results by date, headlines offered while typing) can stop early.
                    .setIndexSort(new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true)));
            return new ArticleIndex(directory, new IndexWriter(directory, config), data == null ? Map.of() : data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /**
     * Documents held in memory before a segment is written: half the heap up to 256 MB, so a
     * rebuild writes few, large segments without running the heap out (64 MB at the default 128 MB heap).
     */
    static double ramBufferMegabytes() {
        long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return Math.clamp(heapMegabytes / 2, 16, 256);
    }

    /** The last commit's data when the index opens and checks out; null when it must start over. */
    private static Map<String, String> readable(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return null;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                if (!LAYOUT.equals(data.get(LAYOUT_KEY))) {
                    LOG.info("the search index has another layout; it will be rebuilt");
                    return null;
                }
                for (var leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity(); // checksums of every file: catches torn or damaged files
                }
                return data;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the search index cannot be read ({}); it will be rebuilt", e.toString());
            return null;
        }
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Whether the last commit ended a full rebuild (and nothing since started another). */
    boolean complete() {
        return "true".equals(opened.get(COMPLETE_KEY));
    }

    long syncedAt() {
        try {
            return Long.parseLong(opened.getOrDefault(SYNCED_KEY, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The change log's highest sequence number behind the last commit; -1 when an older index did not note it. */
    long sequence() {
        try {
            return Long.parseLong(opened.getOrDefault(SEQUENCE_KEY, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where recomputing related lists goes on from; empty when they are all done. */
    Optional<SearchQueries.Position> relating() {
        return Optional.ofNullable(relating);
    }

    /** Notes where recomputing related lists goes on from (null: done), saved by the next commit. */
    void relating(SearchQueries.Position from) {
        relating = from;
    }

    void put(IndexedArticle article) {
        try {
            writer.updateDocument(idTerm(article.id()), document(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an article known not to be in the index (a rebuild after {@link #removeAll()}): no lookup of its id. */
    void add(IndexedArticle article) {
        try {
            writer.addDocument(document(article));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(long id) {
        try {
            writer.deleteDocuments(idTerm(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the index into one segment and makes it visible. After a rebuild, related lists
     * look every word of an article up once instead of once per segment (a 100,000-article
     * rebuild leaves about ten), which more than pays for the merge.
     */
    void mergeAll() {
        try {
            writer.forceMerge(1);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the writes so far visible to new searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the writes durable, noting whether a full rebuild stands behind them and how far the
     * log is followed: the time and the log's highest sequence number when the work began.
     */
    synchronized void commit(boolean complete, long syncedAt, long sequence) {
        Map<String, String> data = new HashMap<>();
        data.put(LAYOUT_KEY, LAYOUT);
        data.put(COMPLETE_KEY, String.valueOf(complete));
        data.put(SYNCED_KEY, String.valueOf(syncedAt));
        data.put(SEQUENCE_KEY, String.valueOf(sequence));
        SearchQueries.Position from = relating;
        if (from != null) {
            data.put(RELATING_KEY, from.toString());
        }
        writer.setLiveCommitData(data.entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committedSyncedAt = syncedAt;
        committedSequence = sequence;
    }

    /**
     * Saves how far relating has gone, after a finished rebuild, with the log followed no further
     * than the last commit said: the documents are as they were then.
     */
    synchronized void commitRelating() {
        commit(true, committedSyncedAt, committedSequence);
    }

    IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index takes on disk. */
    long sizeOnDisk() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    static Term idTerm(long id) {
        return new Term(Fields.ID, Long.toString(id));
    }

    static Document document(IndexedArticle a) {
        String lang = Analyzers.code(a.language());
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(a.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(Fields.ID, a.id()));
        doc.add(new StringField(Fields.LANGUAGE, lang, Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.LANGUAGE, new BytesRef(lang)));
        doc.add(new StoredField(Fields.SLUG, a.slug()));
        doc.add(new SortedDocValuesField(Fields.SLUG, new BytesRef(a.slug())));
        doc.add(new Field(Analyzers.field("headline", lang), a.headline(), STORED_TEXT));
        doc.add(new Field(Analyzers.field("dek", lang), a.dek(), STORED_TEXT));
        doc.add(new Field(Analyzers.field("body", lang), a.bodyText(), STORED_TEXT));
        doc.add(new Field(Analyzers.field(Analyzers.WORDS, lang), allWords(a), COUNTED_WORDS));
        doc.add(new TextField(Fields.HEADLINE_WORDS, a.headline(), Field.Store.NO));
        doc.add(new TextField(Fields.SPELLING, a.headline() + "\n" + a.dek() + "\n" + a.bodyText(), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION, a.section().slug(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.SECTION, new BytesRef(a.section().slug())));
        doc.add(new StoredField(Fields.SECTION_NAME, a.section().name()));
        doc.add(new SortedDocValuesField(Fields.SECTION_NAME, new BytesRef(a.section().name())));
        doc.add(new TextField(Fields.SECTION_WORDS, a.section().name(), Field.Store.NO));
        for (IndexedArticle.Named author : a.authors()) {
            doc.add(new StringField(Fields.AUTHOR, author.slug(), Field.Store.YES));
            doc.add(new TextField(Fields.AUTHOR_WORDS, author.name(), Field.Store.NO));
        }
        for (IndexedArticle.Named tag : a.tags()) {
            doc.add(new StringField(Fields.TAG, tag.slug(), Field.Store.YES));
            doc.add(new TextField(Fields.TAG_WORDS, tag.name(), Field.Store.NO));
            doc.add(new StringField(Fields.TAG_KEY, Fields.tagKey(tag), Field.Store.NO));
        }
        doc.add(new LongPoint(Fields.PUBLISHED, a.publishedAt()));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, a.publishedAt()));
        doc.add(new StoredField(Fields.PUBLISHED, a.publishedAt()));
        // Read by related-story ranking only, from doc values.
        doc.add(new SortedDocValuesField(Fields.SAME_HEADLINE, new BytesRef(fingerprint(a.headline()))));
        doc.add(new SortedDocValuesField(Fields.SAME_BODY, new BytesRef(fingerprint(a.bodyText()))));
        return doc;
    }

    /**
     * Every word of the story for {@link Analyzers#WORDS}, weighted roughly as a search weighs
     * the fields: the headline three times, the dek and the tags twice, the rest once.
     */
    static String allWords(IndexedArticle a) {
        StringBuilder words = new StringBuilder(a.bodyText().length() + 4 * a.headline().length() + 3 * a.dek().length() + 200);
        for (int i = 0; i < 3; i++) {
            words.append(a.headline()).append('\n');
        }
        for (int i = 0; i < 2; i++) {
            words.append(a.dek()).append('\n');
            for (IndexedArticle.Named tag : a.tags()) {
                words.append(tag.name()).append('\n');
            }
        }
        for (IndexedArticle.Named author : a.authors()) {
            words.append(author.name()).append('\n');
        }
        return words.append(a.section().name()).append('\n').append(a.bodyText()).toString();
    }

    /** Equal for texts that differ only in case, spacing and punctuation: how duplicates are told. */
    static String fingerprint(String text) {
        String letters = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(letters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("closing the search index failed", e);
        }
    }
}
