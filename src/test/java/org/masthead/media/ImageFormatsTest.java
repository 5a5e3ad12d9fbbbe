package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks and transformations of an upload that need no server: format, orientation, names, widths. */
class ImageFormatsTest {

    @Test
    void formatsAreKnownByTheirBytesNotTheirNames() {
        assertThat(ImageKind.sniff(TestImages.jpeg(8, 8))).contains(ImageKind.JPEG);
        assertThat(ImageKind.sniff(TestImages.transparentPng(8, 8))).contains(ImageKind.PNG);
        assertThat(ImageKind.sniff(TestImages.gif(8, 8))).contains(ImageKind.GIF);
        assertThat(ImageKind.sniff(TestImages.WEBP)).contains(ImageKind.WEBP);
        assertThat(ImageKind.sniff("not a picture, just words".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageKind.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThatThrownBy(() -> MediaLibrary.check("hello".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("This file is not a JPEG, PNG, WebP or GIF image.");
    }

    @Test
    void everyExifOrientationComesOutUpright() {
        // Orientation 6 is a camera held upright: stored landscape, shown turned clockwise.
        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(40, 20, 6))).isEqualTo(6);
        assertThat(ExifOrientation.of(TestImages.jpeg(40, 20))).isEqualTo(1);
        BufferedImage stored = TestImages.halves(40, 20, BufferedImage.TYPE_INT_RGB); // red left, blue right
        BufferedImage six = ExifOrientation.upright(stored, 6);
        assertThat(six.getWidth()).isEqualTo(20);
        assertThat(six.getHeight()).isEqualTo(40);
        assertThat(six.getRGB(10, 5) & 0xffffff).isEqualTo(0xff0000); // left edge turned to the top
        assertThat(six.getRGB(10, 35) & 0xffffff).isEqualTo(0x0000ff);
        BufferedImage eight = ExifOrientation.upright(stored, 8);
        assertThat(eight.getRGB(10, 5) & 0xffffff).isEqualTo(0x0000ff);
        BufferedImage three = ExifOrientation.upright(stored, 3);
        assertThat(three.getRGB(5, 10) & 0xffffff).isEqualTo(0x0000ff);
        for (int o = 2; o <= 8; o++) {
            BufferedImage turned = ExifOrientation.upright(stored, o);
            assertThat(turned.getWidth() * turned.getHeight()).isEqualTo(800);
            assertThat(turned.getWidth()).isEqualTo(o >= 5 ? 20 : 40);
        }
    }

    /** The bytes as text, to look for what metadata would leave in them. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void originalsKeptAsUploadedLoseTheirMetadataButNotAPixel() {
        Renditions.Result jpeg = Renditions.make(ImageKind.JPEG, TestImages.jpegWithCameraMetadata(64, 32, 1));
        assertThat(jpeg.original()).isEqualTo(TestImages.jpeg(64, 32)); // the same picture data, byte for byte
        assertThat(text(jpeg.original())).doesNotContain("Exif", "StaffPhone", "xmpmeta", TestImages.SECRET);

        Renditions.Result png = Renditions.make(ImageKind.PNG, TestImages.pngWithMetadata(64, 32));
        assertThat(png.original()).isEqualTo(TestImages.transparentPng(64, 32));

        Renditions.Result gif = Renditions.make(ImageKind.GIF, TestImages.animatedGifWithMetadata(16, 16));
        assertThat(gif.original()).isEqualTo(TestImages.animatedGif(16, 16));
        assertThat(TestImages.read(gif.original()).getWidth()).isEqualTo(16);
    }

    @Test
    void aPhotoTurnedUprightIsReEncodedWithoutItsExif() {
        Renditions.Result turned = Renditions.make(ImageKind.JPEG, TestImages.jpegWithCameraMetadata(40, 20, 6));
        assertThat(text(turned.original())).doesNotContain("Exif", "StaffPhone", "xmpmeta", TestImages.SECRET);
        BufferedImage original = TestImages.read(turned.original());
        assertThat(original.getWidth()).isEqualTo(20);
        assertThat(original.getHeight()).isEqualTo(40);
        assertThat((original.getRGB(10, 5) >> 16) & 0xff).isGreaterThan(200); // red, once the left edge, on top
        assertThat(original.getRGB(10, 35) & 0xff).isGreaterThan(200);
        assertThat(turned.variants().values()).allSatisfy(v -> assertThat(text(v)).doesNotContain("Exif", TestImages.SECRET));
    }

    @Test
    void aBrokenStructureIsRefusedNotStoredHalfCleaned() {
        byte[] png = TestImages.pngWithMetadata(8, 8);
        byte[] noEnd = java.util.Arrays.copyOf(png, png.length - 12); // IEND cut off
        assertThatThrownBy(() -> CameraMetadata.removedFrom(ImageKind.PNG, noEnd)).isInstanceOf(IllegalArgumentException.class);
        byte[] gif = TestImages.animatedGif(8, 8);
        byte[] cut = java.util.Arrays.copyOf(gif, gif.length - 3);
        assertThatThrownBy(() -> CameraMetadata.removedFrom(ImageKind.GIF, cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreSafeAndWidthsNeverUpscale() {
        assertThat(MediaFolder.baseName("Harbour at Dawn (1).JPG")).isEqualTo("harbour-at-dawn-1");
        assertThat(MediaFolder.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(MediaFolder.baseName("C:\\Users\\ana\\Fjäll Café.jpeg")).isEqualTo("fjall-cafe");
        assertThat(MediaFolder.baseName("日本.png")).isEqualTo("image");
        assertThat(MediaFolder.baseName("x".repeat(300) + ".png")).hasSize(60);
        assertThat(Renditions.widthsFor(3000)).containsExactly(480, 960, 1600);
        assertThat(Renditions.widthsFor(1600)).containsExactly(480, 960, 1600);
        assertThat(Renditions.widthsFor(1000)).containsExactly(480, 960, 1000);
        assertThat(Renditions.widthsFor(40)).containsExactly(40);
    }
}
