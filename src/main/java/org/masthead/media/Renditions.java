package org.masthead.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Turns an uploaded image into what the site serves: the file kept as the original and its
 * responsive variants, all in one format so that {@code base-WIDTH.ext} names them.
 * JPEGs and PNGs keep their own format (and their compressed pixels, without metadata,
 * unless a JPEG had to be turned upright, which means re-encoding it); a still GIF becomes
 * PNG, a WebP becomes JPEG, or PNG when it has transparency, because browsers need no
 * WebP variants and ImageIO cannot write WebP. An animated GIF is kept as uploaded (less
 * its comments and XMP), with no variants, so it still moves wherever it is shown.
 */
final class Renditions {
    static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    static {
        ImageIO.scanForPlugins(); // finds the WebP reader on any class path
    }

    /** The result: the original's format and bytes, its upright size, and the variants by width. */
    record Result(ImageKind format, byte[] original, int width, int height, Map<Integer, byte[]> variants) {
    }

    private Renditions() {
    }

    /** Decodes, turns upright and scales; {@link MediaRefused} when the bytes are not a usable image. */
    static Result make(ImageKind kind, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(kind);
            try {
                reader.setInput(in);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                if (kind == ImageKind.GIF && reader.getNumImages(true) > 1) {
                    return new Result(ImageKind.GIF, CameraMetadata.removedFrom(kind, bytes), reader.getWidth(0),
                            reader.getHeight(0), Map.of());
                }
                BufferedImage decoded = reader.read(0);
                int orientation = kind == ImageKind.JPEG ? ExifOrientation.of(bytes) : 1;
                return scale(kind, bytes, standard(ExifOrientation.upright(decoded, orientation)), orientation > 1);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRefused refused) {
                throw refused;
            }
            throw new MediaRefused(422, "This " + kind.name() + " file could not be read; it may be "
                    + "damaged or cut short. Save it again from your photo editor and upload the new copy.");
        }
    }

    private static ImageReader readerFor(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + kind.contentType());
        }
        return readers.next();
    }

    private static void checkSize(int width, int height) {
        if ((long) width * height > MAX_PIXELS) {
            throw new MediaRefused(413, "This image is " + width + " × " + height + " pixels; the library takes images of up to "
                    + MAX_PIXELS / 1_000_000 + " megapixels. Make it smaller and upload it again.");
        }
    }

    private static Result scale(ImageKind kind, byte[] bytes, BufferedImage image, boolean turned) throws IOException {
        boolean transparent = hasTransparency(image);
        ImageKind format = switch (kind) {
            case JPEG -> ImageKind.JPEG;
            case PNG, GIF -> ImageKind.PNG;
            case WEBP -> transparent ? ImageKind.PNG : ImageKind.JPEG;
        };
        BufferedImage pixels = format == ImageKind.JPEG ? opaque(image) : image;
        Map<Integer, byte[]> variants = new LinkedHashMap<>();
        for (int w : widthsFor(pixels.getWidth())) {
            variants.put(w, encode(w == pixels.getWidth() ? pixels : resize(pixels, w), format));
        }
        // Kept losslessly without its metadata where the bytes can stay; a photo that had to be turned is re-encoded.
        byte[] original = format == kind && !turned ? CameraMetadata.removedFrom(kind, bytes) : encode(pixels, format);
        return new Result(format, original, pixels.getWidth(), pixels.getHeight(), variants);
    }

    /** The standard widths below the image's own, then its own width up to the largest: never upscaled. */
    static List<Integer> widthsFor(int width) {
        List<Integer> widths = new ArrayList<>(WIDTHS.stream().filter(w -> w < width).toList());
        if (width <= WIDTHS.getLast()) {
            widths.add(width);
        }
        return widths;
    }

    private static BufferedImage resize(BufferedImage image, int width) throws IOException {
        return Thumbnails.of(image).width(width).asBufferedImage();
    }

    private static byte[] encode(BufferedImage image, ImageKind format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var builder = Thumbnails.of(image).scale(1).outputFormat(format.extension());
        if (format == ImageKind.JPEG) {
            builder.outputQuality(JPEG_QUALITY);
        }
        builder.toOutputStream(out);
        return out.toByteArray();
    }

    /** Pixels in one of the two layouts every later step handles well (16-bit and palette images are not). */
    private static BufferedImage standard(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** JPEG has no transparency: see-through pixels are laid on white, as on the page. */
    private static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int argb : row) {
                if (argb >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }
}
