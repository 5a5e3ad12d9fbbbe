package org.masthead.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

/** Real image files for tests, made with ImageIO (and one WebP written out byte by byte). */
public final class TestImages {
    /** A 1×1 lossless WebP (VP8L): ImageIO cannot write WebP, so these are its 34 bytes. */
    public static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private TestImages() {
    }

    /** Left half red, right half blue: which way it was turned shows in the result. */
    public static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return write(halves(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    /** A PNG whose top rows are fully transparent. */
    public static byte[] transparentPng(int width, int height) {
        BufferedImage image = halves(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, 0, 0x00000000);
        }
        return write(image, "png");
    }

    public static byte[] gif(int width, int height) {
        return write(halves(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** A two-frame GIF, which browsers animate. */
    public static byte[] animatedGif(int width, int height) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < 2; frame++) {
                BufferedImage image = halves(width, height, BufferedImage.TYPE_INT_RGB);
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                writer.writeToSequence(new IIOImage(image, null, meta), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A JPEG with an APP1 Exif segment saying "orientation 6": shown turned 90° clockwise. */
    public static byte[] jpegWithOrientation(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at offset 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, SHORT, count 1, value
                0, 0, 0, 0}; // no next IFD
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xd8);
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** Text a phone or photo editor leaves in its files, which must never reach the public copy. */
    public static final String SECRET = "Taken at Pier 4 by the staff phone";

    /**
     * A JPEG as a phone saves it: an EXIF block with the orientation, the camera's make and a
     * GPS position (59°54'30.12"N), then XMP and a comment, before the picture itself.
     */
    public static byte[] jpegWithCameraMetadata(int width, int height, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(128); // big-endian
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 3); // IFD0 at 8: three entries
        tiff.putShort((short) 0x010f).putShort((short) 2).putInt(13).putInt(104); // Make, ASCII, at 104
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(50); // the GPS IFD is at 50
        tiff.putInt(0);
        tiff.putShort((short) 2); // GPS IFD at 50: latitude reference and latitude
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(80);
        tiff.putInt(0);
        tiff.putInt(59).putInt(1).putInt(54).putInt(1).putInt(3012).putInt(100); // at 80: 59° 54' 30.12"
        tiff.put("StaffPhone 9\0".getBytes(StandardCharsets.ISO_8859_1)); // at 104
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), Arrays.copyOf(tiff.array(), tiff.position()));
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
                + "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description>" + SECRET
                + "</rdf:Description></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8);
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xe1, exif);
        segment(out, 0xe1, xmp);
        segment(out, 0xfe, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(plain, 2, plain.length - 2);
        out.writeBytes(SECRET.getBytes(StandardCharsets.UTF_8)); // some phones append data after the image
        return out.toByteArray();
    }

    /** {@link #transparentPng} with text, XMP and EXIF chunks between its header and its pixels. */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = transparentPng(width, height);
        int afterHeader = 8 + 25; // the signature, then IHDR: length, type, 13 bytes, CRC
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        chunk(out, "tEXt", ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        chunk(out, "eXIf", ("MM\0*" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** {@link #animatedGif} with a comment and an XMP application extension before its trailer. */
    public static byte[] animatedGifWithMetadata(int width, int height) {
        byte[] plain = animatedGif(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, plain.length - 1);
        out.write(0x21);
        out.write(0xfe);
        subBlock(out, SECRET.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(0x21);
        out.write(0xff);
        subBlock(out, "XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        subBlock(out, ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(0x3b);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xff);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xff);
        out.writeBytes(data);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeAndData = concat(type.getBytes(StandardCharsets.ISO_8859_1), data);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void subBlock(ByteArrayOutputStream out, byte[] data) {
        out.write(data.length);
        out.writeBytes(data);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
