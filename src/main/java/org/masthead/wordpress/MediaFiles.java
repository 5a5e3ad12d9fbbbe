package org.masthead.wordpress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds an attachment's file in the folder the old site's uploads were copied to (matched by
 * the uploads path, such as {@code 2024/06/harbour.jpg}) and copies it into the media folder
 * under {@code wp/}, reading only its header for the size. Files this import created are
 * remembered, so a failed import can take them away again.
 */
final class MediaFiles {
    /** A file now in the media folder, as the media table describes it. */
    record Copied(String fileName, String contentType, int width, int height) {
    }

    private final Path uploads;
    private final Path mediaDir;
    private final boolean dryRun;
    private final List<Path> created = new ArrayList<>();

    /** {@code uploads} may be null (no --media-dir): then every attachment is missing. */
    MediaFiles(Path uploads, Path mediaDir, boolean dryRun) {
        this.uploads = uploads;
        this.mediaDir = mediaDir;
        this.dryRun = dryRun;
    }

    /** The uploads path of an attachment: its {@code _wp_attached_file}, else the part of its URL after /uploads/. */
    static String uploadsPath(Survey.Attachment attachment) {
        if (!attachment.file().isBlank()) {
            return attachment.file().strip().replaceFirst("^/+", "");
        }
        String path;
        try {
            path = URI.create(attachment.url().strip().replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            path = attachment.url();
        }
        if (path == null) {
            return "";
        }
        int at = path.indexOf("/uploads/");
        return at >= 0 ? path.substring(at + "/uploads/".length()) : path.substring(path.lastIndexOf('/') + 1);
    }

    /** The copied image, or empty with the file missing, not an image the site shows, or no folder given. */
    Optional<Copied> copy(Survey.Attachment attachment) {
        String relative = uploadsPath(attachment);
        if (uploads == null || relative.isBlank() || relative.contains("..")) {
            return Optional.empty();
        }
        Path source = null;
        for (Path candidate : List.of(uploads.resolve(relative), uploads.resolve("uploads").resolve(relative),
                uploads.resolve("wp-content/uploads").resolve(relative))) {
            if (Files.isRegularFile(candidate)) {
                source = candidate;
                break;
            }
        }
        if (source == null) {
            return Optional.empty();
        }
        Optional<int[]> size = size(source);
        String type = contentType(relative);
        if (size.isEmpty() || type == null) {
            return Optional.empty();
        }
        // A Masthead export names its files as they are in the media folder, already under wp/.
        String fileName = relative.startsWith("wp/") ? safe(relative) : "wp/" + safe(relative);
        if (!dryRun) {
            place(source, mediaDir.resolve(fileName));
        }
        return Optional.of(new Copied(fileName, type, size.get()[0], size.get()[1]));
    }

    private void place(Path source, Path target) {
        try {
            if (Files.exists(target) && Files.size(target) == Files.size(source)) {
                return; // the same file, from an earlier import
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            boolean existed = Files.exists(target);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!existed) {
                created.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into the media folder", e);
        }
    }

    /** Takes away the files this import added, after a failure. */
    void undo() {
        for (Path file : created) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file left behind is harmless: no row points at it
            }
        }
        created.clear();
    }

    private static Optional<int[]> size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new int[] {reader.getWidth(0), reader.getHeight(0)});
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".gif")) {
            return "image/gif";
        } else if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }

    /** Each path segment reduced to the characters media URLs allow. */
    static String safe(String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/")) {
            String clean = part.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
            if (!clean.isEmpty()) {
                parts.add(clean);
            }
        }
        return String.join("/", parts);
    }
}
