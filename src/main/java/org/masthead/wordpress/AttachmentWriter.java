package org.masthead.wordpress;

import java.util.List;
import java.util.Optional;
import org.masthead.media.MediaStore;

/**
 * Writes an export's attachments before its items, so posts can show them: each image whose
 * file was found goes into the media library with its alt text, caption and credit; one not
 * found keeps its old address and is listed as missing. Either way the posts' converter finds
 * it by its uploads path and by its WordPress id.
 */
final class AttachmentWriter {
    private final WordPressStore store;
    private final MediaStore images;

    AttachmentWriter(WordPressStore store, MediaStore images) {
        this.store = store;
        this.images = images;
    }

    void write(WordPressImport.Run run, MediaFiles files) {
        for (Survey.Attachment a : run.survey.attachments.values()) {
            Optional<MediaFiles.Copied> copied = files.copy(a);
            String alt = a.alt().strip();
            String caption = org.jsoup.Jsoup.parseBodyFragment(a.caption()).text().strip();
            String credit = a.credit().strip();
            PostHtml.Picture picture;
            if (copied.isPresent()) {
                MediaFiles.Copied c = copied.get();
                Optional<Long> existing = store.mapped(run.tx, run.source, "attachment", a.id()).filter(id -> store.exists(run.tx, "media", id))
                        .or(() -> store.mediaByFile(run.tx, c.fileName()));
                long id;
                if (existing.isPresent()) {
                    id = existing.get();
                    store.updateMediaWords(run.tx, id, alt, caption, credit);
                    run.report.updated("media");
                } else {
                    id = images.add(run.tx, c.fileName(), c.contentType(), c.width(), c.height(), List.of(), alt, caption,
                            credit, null);
                    run.report.created("media");
                }
                store.remember(run.tx, run.source, "attachment", a.id(), id, a.url());
                run.mediaById.put(a.id(), id);
                picture = new PostHtml.Picture("/media/" + c.fileName(), alt, caption, credit);
                if (!a.link().isBlank()) {
                    WordPressImport.redirectUrl(run, a.link(), "media", id);
                }
                store.redirect(run.tx, "/?attachment_id=" + a.id(), "media", id);
            } else {
                run.report.missing(a.url());
                store.remember(run.tx, run.source, "attachment", a.id(), null, a.url());
                picture = new PostHtml.Picture(a.url(), alt, caption, credit);
            }
            run.pictureById.put(a.id(), picture);
            run.pictureByPath.put(MediaFiles.uploadsPath(a), picture);
        }
    }
}
