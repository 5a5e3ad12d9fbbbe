package org.masthead.feeds;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.masthead.db.Change;
import org.masthead.db.ChangeListener;

/**
 * What the sitemap index is written from: each article sitemap's last change (the latest of its
 * published stories'). Reading them all is a grouped scan of every published story, half a second
 * at a million; so they are read once, kept, and brought up to date file by file: an article's
 * change marks its own file, and the next reader reads only the marked files again, each one run
 * of ids in an index. Between changes the kept figures are answered as they are.
 */
final class SitemapFigures implements ChangeListener {
    /** Past this many marked files (a bulk import, a mass edit), one grouped read of them all costs less. */
    static final int MOST_READ_ALONE = 32;

    private final SitemapQueries queries;
    private final int perFile;

    /** Counts the article changes heard; a file's mark is the count at its latest change. */
    private long heard;
    /** Each file with a published story and its last change, as of {@link #keptAt} but for the marked files; null until first read. */
    private NavigableMap<Long, Instant> kept;
    private long keptAt = -1;
    /** Files whose stories changed since {@link #kept} was read, each with the count at its latest change. */
    private final Map<Long, Long> marked = new HashMap<>();

    SitemapFigures(SitemapQueries queries, int perFile) {
        this.queries = queries;
        this.perFile = perFile;
    }

    @Override
    public void changed(Change change) {
        if (change.entity().equals("article")) {
            synchronized (this) {
                heard++;
                marked.put((change.entityId() - 1) / perFile + 1, heard);
            }
        }
    }

    /**
     * Each article sitemap that holds a published story, in order, with its last change. A read that
     * overlaps a change of a file keeps that file marked, as it may have seen the rows from before
     * the commit; the other files it read are kept.
     */
    NavigableMap<Long, Instant> files() {
        NavigableMap<Long, Instant> base;
        List<Long> toRead;
        long before;
        synchronized (this) {
            if (kept != null && marked.isEmpty()) {
                return kept;
            }
            base = kept;
            toRead = List.copyOf(marked.keySet());
            before = heard;
        }
        TreeMap<Long, Instant> fresh = new TreeMap<>();
        if (base == null || toRead.size() > MOST_READ_ALONE) {
            for (SitemapQueries.Chunk chunk : queries.chunks(perFile)) {
                fresh.put(chunk.file(), chunk.lastChanged());
            }
        } else {
            fresh.putAll(base);
            for (long file : toRead) {
                Instant last = queries.lastChange(file, perFile);
                if (last == null) {
                    fresh.remove(file);
                } else {
                    fresh.put(file, last);
                }
            }
        }
        NavigableMap<Long, Instant> read = Collections.unmodifiableNavigableMap(fresh);
        synchronized (this) {
            if (before > keptAt) { // not behind what another reader kept meanwhile
                kept = read;
                keptAt = before;
                marked.values().removeIf(at -> at <= before);
            }
        }
        return read;
    }

    /** The newest change of any published story, or null on a site with none. */
    static Instant newest(NavigableMap<Long, Instant> files) {
        Instant newest = null;
        for (Instant last : files.values()) {
            if (newest == null || last.isAfter(newest)) {
                newest = last;
            }
        }
        return newest;
    }
}
