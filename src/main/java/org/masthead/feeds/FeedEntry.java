package org.masthead.feeds;

import java.time.Instant;
import java.util.List;
import org.masthead.content.Media;

/**
 * One published article as feeds and sitemaps carry it. {@code bodyHtml} is null when the
 * site gives only excerpts; {@code noteAt} and {@code noteText} are the correction or update
 * note, if any.
 */
record FeedEntry(long id, String path, String headline, String dek, String bodyHtml, String sectionName,
                 String sectionPath, List<Byline> authors, Media image, Instant publishedAt, Instant updatedAt,
                 String noteKind, String noteText, Instant noteAt) {

    /** A writer as a feed names them: name and page. */
    record Byline(String name, String path) {
    }

    /** The last time readers saw this story change: publication, an edit, or a note. */
    Instant lastChanged() {
        Instant last = publishedAt;
        if (updatedAt != null && updatedAt.isAfter(last)) {
            last = updatedAt;
        }
        if (noteAt != null && noteAt.isAfter(last)) {
            last = noteAt;
        }
        return last;
    }

    boolean hasNote() {
        return noteText != null && !noteText.isBlank() && noteAt != null;
    }
}
