package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import org.masthead.content.Media;

/**
 * The media folder on disk: picks a new file's name under {@code uploads/YYYY/MM/}, writes
 * files so that nobody ever reads half of one, and removes an image with its variants.
 */
final class MediaFolder {
    private static final int MAX_BASE = 60;
    private final Path root;

    MediaFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Reserves a name no file has yet, for the original and every variant, by creating the
     * original empty: atomic on any file system, so two uploads (even from two instances on
     * shared storage) never get the same one.
     */
    String reserve(String originalName, String extension, Collection<Integer> widths, LocalDate day) {
        String folder = String.format(Locale.ROOT, "uploads/%04d/%02d/", day.getYear(), day.getMonthValue());
        String base = folder + baseName(originalName);
        try {
            Files.createDirectories(resolve(folder));
            for (int n = 1; ; n++) {
                String candidate = (n == 1 ? base : base + "-" + n) + "." + extension;
                if (widths.stream().anyMatch(w -> Files.exists(resolve(Media.variantName(candidate, w))))) {
                    continue;
                }
                try {
                    Files.createFile(resolve(candidate));
                    return candidate;
                } catch (FileAlreadyExistsException taken) {
                    // try the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file in " + resolve(folder), e);
        }
    }

    /** "Harbour at Dawn (1).JPG" becomes "harbour-at-dawn-1": lower-case letters, digits and dashes only. */
    static String baseName(String originalName) {
        String name = originalName == null ? "" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_BASE) {
            slug = slug.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "image" : slug;
    }

    /** Writes beside the target, then renames: readers see the old file or the whole new one. */
    void write(String fileName, byte[] bytes) {
        Path target = resolve(fileName);
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    void delete(String fileName, Collection<Integer> widths) {
        for (int w : widths) {
            deleteQuietly(resolve(Media.variantName(fileName, w)));
        }
        deleteQuietly(resolve(fileName));
    }

    /** The file's size in bytes, or -1 when it is missing. */
    long size(String fileName) {
        try {
            return Files.size(resolve(fileName));
        } catch (IOException e) {
            return -1;
        }
    }

    private Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("a media file must stay inside the media folder: " + relative);
        }
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A file that cannot be removed now is only wasted space; the row is what pages use.
        }
    }
}
