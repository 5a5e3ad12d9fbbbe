package org.masthead.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.media.MediaStore;
import org.masthead.content.Media;
import org.masthead.db.Tx;

/**
 * The demo's pictures: drawn once into the media folder (each in its responsive widths)
 * and entered in the media library with their alt text, caption and credit.
 */
final class DemoPictures {
    static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    static final List<Integer> PORTRAIT_WIDTHS = List.of(240, 480);
    private static final Pattern NAME = Pattern.compile("demo/([a-z-]+)-(\\d+)\\.jpg");

    private final Path mediaDir;
    private final MediaStore images;
    private final Map<String, Long> registered = new ConcurrentHashMap<>();

    DemoPictures(Path mediaDir, MediaStore images) {
        this.mediaDir = mediaDir;
        this.images = images;
    }

    /** Draws every picture not yet on disk, using all cores: the first start's slowest step. */
    void drawAll(List<String> fileNames) {
        fileNames.parallelStream().forEach(this::draw);
    }

    private void draw(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("demo picture names look like demo/harbour-2.jpg, not " + fileName);
        }
        String scene = Illustrations.knows(m.group(1)) ? m.group(1) : "skyline";
        int variant = Integer.parseInt(m.group(2));
        for (int w : WIDTHS) {
            write(Media.variantName(fileName, w), () -> Illustrations.draw(scene, variant, w, w * 9 / 16));
        }
        write(fileName, () -> Illustrations.draw(scene, variant, 1600, 900));
    }

    /** Enters the picture in the media library, once: a second call returns the first one's id. */
    long register(Tx tx, String fileName, String alt, String caption, String credit) {
        Long known = registered.get(fileName);
        if (known != null) {
            return known;
        }
        draw(fileName);
        long id = images.add(tx, fileName, "image/jpeg", 1600, 900, WIDTHS, alt, caption, credit, null);
        registered.put(fileName, id);
        return id;
    }

    long portrait(Tx tx, String name, String alt) {
        int n = Integer.parseInt(name.replaceAll("\\D", ""));
        String fileName = "demo/" + name + ".jpg";
        for (int w : PORTRAIT_WIDTHS) {
            write(Media.variantName(fileName, w), () -> Illustrations.portrait(n, w, w));
        }
        write(fileName, () -> Illustrations.portrait(n, 480, 480));
        return images.add(tx, fileName, "image/jpeg", 480, 480, PORTRAIT_WIDTHS, alt, "", "Illustration: Courier graphics", null);
    }

    private void write(String fileName, java.util.function.Supplier<BufferedImage> drawing) {
        Path target = mediaDir.resolve(fileName);
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.write(partial, Illustrations.jpeg(drawing.get(), 0.85f));
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo picture " + target, e);
        }
    }
}
