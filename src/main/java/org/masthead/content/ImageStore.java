package org.masthead.content;

import java.util.List;
import java.util.stream.Collectors;
import org.masthead.db.Change;
import org.masthead.db.Tx;

/**
 * Enters in the media library an image whose files are already in the media folder, such
 * as the demo's drawn pictures. Uploads from the newsroom go through media.MediaLibrary.
 */
public final class ImageStore {

    public long add(Tx tx, String fileName, String contentType, int width, int height, List<Integer> widths,
                    String alt, String caption, String credit) {
        long id = tx.handle().createUpdate("""
                        insert into media (file_name, content_type, width, height, widths, alt, caption, credit, created_at)
                        values (:file, :type, :width, :height, :widths, :alt, :caption, :credit, :at)""")
                .bind("file", fileName).bind("type", contentType).bind("width", width).bind("height", height)
                .bind("widths", widths.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("at", System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("media", id, Change.Kind.CREATED);
        return id;
    }
}
