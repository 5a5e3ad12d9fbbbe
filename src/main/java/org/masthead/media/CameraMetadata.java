package org.masthead.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Takes the metadata out of an image kept as uploaded, without decoding it: EXIF (with a
 * phone's GPS position, camera serial numbers and a thumbnail of the uncropped photo), XMP,
 * IPTC, comments and text chunks. What decides how the pixels look stays: the compressed
 * image data, colour profiles, transparency, gamma, and a GIF's animation loop. A published
 * picture must not tell readers where it was taken or by whose phone.
 */
final class CameraMetadata {
    /** PNG chunks that carry pixels or change how they are shown; every other chunk is left out. */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP",
            "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private CameraMetadata() {
    }

    /** The same image without its metadata; IllegalArgumentException when its structure cannot be followed. */
    static byte[] removedFrom(ImageKind kind, byte[] bytes) {
        try {
            return switch (kind) {
                case JPEG -> jpeg(bytes);
                case PNG -> png(bytes);
                case GIF -> gif(bytes);
                case WEBP -> throw new IllegalArgumentException("WebP uploads are re-encoded, never kept");
            };
        } catch (IndexOutOfBoundsException e) {
            throw unreadable(kind);
        }
    }

    /**
     * Copies the segments of a JPEG but APP1 (EXIF, XMP), APP2 other than the ICC profile,
     * APP3 to APP13 (IPTC among them), APP15 and comments, and stops at the end-of-image
     * marker, which also drops what phones append after it.
     */
    private static byte[] jpeg(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 2);
        int at = 2;
        while (at < b.length) {
            if ((b[at] & 0xff) != 0xff) {
                throw unreadable(ImageKind.JPEG);
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xff) { // fill byte before a marker
                at++;
                continue;
            }
            if (marker == 0xd9) {
                out.write(b, at, 2);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // markers without a length
                out.write(b, at, 2);
                at += 2;
                continue;
            }
            int end = at + 2 + u16(b, at + 2);
            if (end <= at + 3 || end > b.length) {
                throw unreadable(ImageKind.JPEG);
            }
            if (keepJpegSegment(marker, b, at)) {
                out.write(b, at, end - at);
            }
            at = end;
            if (marker == 0xda) {
                int from = at;
                at = endOfScan(b, at);
                out.write(b, from, at - from);
            }
        }
        return out.toByteArray(); // cut short before its end marker: kept as far as it goes, as decoders read it
    }

    private static boolean keepJpegSegment(int marker, byte[] b, int at) {
        if (marker == 0xe0) {
            return startsWith(b, at + 4, "JFIF\0");
        }
        if (marker == 0xe2) {
            return startsWith(b, at + 4, "ICC_PROFILE\0");
        }
        if (marker == 0xee) {
            return startsWith(b, at + 4, "Adobe"); // says how the colour channels are encoded
        }
        return !(marker >= 0xe1 && marker <= 0xef) && marker != 0xfe;
    }

    /** Where the entropy-coded data after a scan header ends: at the first marker that is not a restart. */
    private static int endOfScan(byte[] b, int at) {
        while (at + 1 < b.length) {
            int next = b[at + 1] & 0xff;
            if ((b[at] & 0xff) == 0xff && next != 0 && !(next >= 0xd0 && next <= 0xd7)) {
                return at;
            }
            at++;
        }
        return b.length;
    }

    /** Copies the signature and the chunks in {@link #PNG_KEPT}, up to and with IEND. */
    private static byte[] png(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        int at = PNG_SIGNATURE.length;
        while (at + 12 <= b.length) {
            long length = u16(b, at) * 65536L + u16(b, at + 2);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            long end = at + 12 + length;
            if (end > b.length) {
                throw unreadable(ImageKind.PNG);
            }
            if (PNG_KEPT.contains(type)) {
                out.write(b, at, (int) (end - at));
            }
            at = (int) end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
        throw unreadable(ImageKind.PNG);
    }

    /**
     * Copies a GIF's header, colour tables, frames and their timing, and the looping
     * extension, leaving out comments and other application extensions (where XMP lives).
     */
    private static byte[] gif(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int at = 13 + colourTable(b[10]);
        out.write(b, 0, at);
        while (at < b.length) {
            int block = b[at] & 0xff;
            if (block == 0x3b) {
                out.write(0x3b);
                return out.toByteArray();
            }
            int end;
            boolean keep = true;
            if (block == 0x21) {
                int label = b[at + 1] & 0xff;
                end = subBlocks(b, at + 2);
                keep = label == 0xf9 || label == 0x01 || (label == 0xff && (startsWith(b, at + 3, "NETSCAPE2.0")
                        || startsWith(b, at + 3, "ANIMEXTS1.0")));
            } else if (block == 0x2c) {
                int data = at + 10 + colourTable(b[at + 9]) + 1; // after the LZW minimum code size
                end = subBlocks(b, data);
            } else {
                throw unreadable(ImageKind.GIF);
            }
            if (keep) {
                out.write(b, at, end - at);
            }
            at = end;
        }
        throw unreadable(ImageKind.GIF);
    }

    private static int colourTable(byte flags) {
        return (flags & 0x80) == 0 ? 0 : 3 << ((flags & 7) + 1);
    }

    /** The position after a chain of GIF data sub-blocks and its empty terminator. */
    private static int subBlocks(byte[] b, int at) {
        while (b[at] != 0) {
            at += 1 + (b[at] & 0xff);
        }
        return at + 1;
    }

    private static boolean startsWith(byte[] b, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        return at + expected.length <= b.length && Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static IllegalArgumentException unreadable(ImageKind kind) {
        return new IllegalArgumentException("the " + kind.name() + " file's structure ends or breaks unexpectedly");
    }
}
