package org.masthead.search;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;

/** Opens a grown site's search index for the JMH benchmarks that read it (bench/index-jmh.sh). */
final class GrownIndex {
    private GrownIndex() {
    }

    /**
     * The index in {@code folder} (DATA/search-index, the site stopped), with a clear error when
     * the folder is missing, is open in a running site, or holds fewer than two stories.
     */
    static ArticleIndex open(String folder) {
        Path path = Path.of(folder);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no search index folder at '" + folder + "': give -p index=DATA/search-index");
        }
        ArticleIndex index;
        try {
            index = ArticleIndex.open(path, new Analyzers());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LockObtainFailedException) {
                throw new IllegalStateException(path + " is open in a running site: stop its server first", e);
            }
            throw e;
        }
        org.apache.lucene.search.IndexSearcher searcher = index.acquire();
        int stories;
        try {
            stories = searcher.getIndexReader().numDocs();
        } finally {
            index.release(searcher);
        }
        if (stories < 2) {
            index.close();
            throw new IllegalArgumentException(path + " holds " + stories + " stories: run masthead reindex first");
        }
        return index;
    }
}
