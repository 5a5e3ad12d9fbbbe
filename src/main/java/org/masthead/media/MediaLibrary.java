package org.masthead.media;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.masthead.content.Media;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;

/**
 * The newsroom's media library: takes uploads (checked, turned upright, scaled once into
 * responsive variants, written atomically, entered with an audit record), edits the words
 * that travel with an image, and deletes images nothing shows any more.
 */
public final class MediaLibrary {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Decoding a large photo takes a few hundred MB; two at a time keep a small server alive. */
    private final Semaphore decoding = new Semaphore(2);
    private final Database db;
    private final MediaStore store;
    private final MediaFolder folder;

    public MediaLibrary(Database db, MediaStore store, Path mediaDir) {
        this.db = db;
        this.store = store;
        this.folder = new MediaFolder(mediaDir);
    }

    /** One size of an image as stored: the original or a variant. */
    public record Rendition(String label, int width, int height, String url, long bytes) {
    }

    public Media upload(String originalName, byte[] bytes, String altText, String captionText, String creditText, User by) {
        if (!by.can(Role.AUTHOR)) {
            throw new MediaRefused(403, "Uploading images needs the author role or higher.");
        }
        ImageKind kind = check(bytes);
        String alt = altText == null ? "" : altText.strip();
        String caption = captionText == null ? "" : captionText.strip();
        String credit = creditText == null ? "" : creditText.strip();
        List<String> problems = problems(alt, caption, credit);
        if (!problems.isEmpty()) {
            throw new MediaRefused(422, String.join(" ", problems));
        }
        Renditions.Result result = render(kind, bytes);
        String fileName = folder.reserve(originalName, result.format().extension(), result.variants().keySet(),
                LocalDate.now(ZoneOffset.UTC));
        List<Integer> widths = List.copyOf(result.variants().keySet());
        try {
            result.variants().forEach((w, variant) -> folder.write(Media.variantName(fileName, w), variant));
            folder.write(fileName, result.original());
            long id = db.write(tx -> {
                long newId = store.add(tx, fileName, result.format().contentType(), result.width(), result.height(), widths,
                        alt, caption, credit, by.id());
                AuditStore.record(tx, by, "uploaded an image", "media:" + newId, fileName);
                return newId;
            });
            return new Media(id, fileName, result.format().contentType(), result.width(), result.height(), widths,
                    alt, caption, credit);
        } catch (RuntimeException e) {
            folder.delete(fileName, widths);
            throw e;
        }
    }

    /** The image format of the bytes, after the checks that need no decoding: present, small enough, an image. */
    static ImageKind check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MediaRefused(422, "Choose an image file to upload.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new MediaRefused(413, tooLarge(bytes.length));
        }
        return ImageKind.sniff(bytes).orElseThrow(() -> new MediaRefused(422, "This file is not a JPEG, PNG, WebP or GIF image."));
    }

    public static String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "This file is %.1f MB; images may be up to %d MB. Make it smaller (a photo "
                + "1,600 pixels wide is plenty for the site) and upload it again.", bytes / 1048576.0, MAX_BYTES / 1048576);
    }

    private Renditions.Result render(ImageKind kind, byte[] bytes) {
        decoding.acquireUninterruptibly();
        try {
            return Renditions.make(kind, bytes);
        } finally {
            decoding.release();
        }
    }

    /** What is wrong with an image's words; empty when they will do. Alt text is required: every news picture says something. */
    public static List<String> problems(String alt, String caption, String credit) {
        List<String> problems = new ArrayList<>();
        if (alt == null || alt.isBlank()) {
            problems.add("Describe the image in the alt text, for readers who cannot see it.");
        } else if (alt.strip().length() > 300) {
            problems.add("Keep the alt text to 300 characters; put the rest in the caption.");
        }
        if (caption == null || caption.strip().length() > 1000) {
            problems.add("Keep the caption to 1,000 characters.");
        }
        if (credit == null || credit.strip().length() > 200) {
            problems.add("Keep the credit to 200 characters.");
        }
        return problems;
    }

    /** Editors may change any image; authors the ones they uploaded. */
    public static boolean canChange(User user, LibraryItem item) {
        return user.can(Role.EDITOR) || user.can(Role.AUTHOR) && Objects.equals(item.uploadedBy(), user.id());
    }

    public java.util.Optional<LibraryItem> find(long id) {
        return store.find(id);
    }

    public List<LibraryItem> search(String query, int limit, int offset) {
        return store.search(query, limit, offset);
    }

    public long count(String query) {
        return store.count(query);
    }

    public List<MediaUse> uses(Media media) {
        return store.uses(media);
    }

    public void update(LibraryItem item, String alt, String caption, String credit, User by) {
        requireChange(by, item, "change the words of");
        List<String> problems = problems(alt, caption, credit);
        if (!problems.isEmpty()) {
            throw new MediaRefused(422, String.join(" ", problems));
        }
        db.write(tx -> {
            store.updateWords(tx, item.media().id(), alt.strip(), caption.strip(), credit.strip());
            AuditStore.record(tx, by, "edited an image", "media:" + item.media().id(), item.media().fileName());
            return null;
        });
    }

    /** Deletes the row, then the files; refused while any page still shows the image. */
    public void delete(LibraryItem item, User by) {
        requireChange(by, item, "delete");
        Media media = item.media();
        db.write(tx -> {
            List<MediaUse> uses = store.uses(tx.handle(), media);
            if (!uses.isEmpty()) {
                MediaUse first = uses.getFirst();
                throw new MediaRefused(409, "This image is still in use (" + first.where().toLowerCase(Locale.ROOT) + " “"
                        + first.title() + "”" + (uses.size() > 1 ? " and " + (uses.size() - 1) + " more" : "")
                        + "). Take it out of those first, then delete it.");
            }
            store.delete(tx, media.id());
            AuditStore.record(tx, by, "deleted an image", "media:" + media.id(), media.fileName());
            return null;
        });
        folder.delete(media.fileName(), media.widths());
    }

    private static void requireChange(User user, LibraryItem item, String verb) {
        if (!canChange(user, item)) {
            throw new MediaRefused(403, "Only editors, and the author who uploaded it, may " + verb + " this image.");
        }
    }

    /** The original and each variant, with their sizes on disk (-1 for a missing file). */
    public List<Rendition> renditions(Media media) {
        List<Rendition> list = new ArrayList<>();
        list.add(new Rendition("Original", media.width(), media.height(), Media.URL_PREFIX + media.fileName(),
                folder.size(media.fileName())));
        for (int w : media.widths()) {
            list.add(new Rendition(w + " px variant", w, media.heightAt(w), media.variantUrl(w),
                    folder.size(Media.variantName(media.fileName(), w))));
        }
        return list;
    }
}
