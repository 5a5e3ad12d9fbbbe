package org.masthead.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IllustrationsTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Stream<String> scenes() {
        return Illustrations.SCENES.stream();
    }

    @ParameterizedTest
    @MethodSource("scenes")
    void everySceneDrawsAPictureWithSomethingInIt(String scene) {
        assertTrue(Illustrations.knows(scene));
        BufferedImage image = Illustrations.draw(scene, 1, 480, 270);
        assertEquals(480, image.getWidth());
        assertEquals(270, image.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertTrue(distinctColours(image) > 50, scene + " looks flat");
    }

    @ParameterizedTest
    @MethodSource("scenes")
    void theSameInputsGiveTheSamePixelsAndVariantsDiffer(String scene) {
        int[] first = pixels(Illustrations.draw(scene, 3, 480, 270));
        assertArrayEquals(first, pixels(Illustrations.draw(scene, 3, 480, 270)), scene + " is not deterministic");
        int[] other = pixels(Illustrations.draw(scene, 4, 480, 270));
        assertFalse(java.util.Arrays.equals(first, other), scene + " variants 3 and 4 are identical");
    }

    @Test
    void anyVariantNumberAndOddSizesWork() {
        for (int variant : new int[] {0, -7, 1, 99, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertNotNull(Illustrations.draw("harbour", variant, 37, 91));
        }
        assertNotNull(Illustrations.draw("map", 2, 1, 1));
    }

    @Test
    void unknownScenesAreRefused() {
        assertFalse(Illustrations.knows("volcano"));
        assertFalse(Illustrations.knows(null));
        assertThrows(IllegalArgumentException.class, () -> Illustrations.draw("volcano", 1, 480, 270));
        assertThrows(IllegalArgumentException.class, () -> Illustrations.draw("harbour", 1, 0, 270));
    }

    @Test
    void portraitsVaryAndAreNotFlat() {
        BufferedImage one = Illustrations.portrait(1, 240, 240);
        BufferedImage two = Illustrations.portrait(2, 240, 240);
        assertEquals(240, one.getWidth());
        assertTrue(distinctColours(one) > 20);
        assertFalse(java.util.Arrays.equals(pixels(one), pixels(two)));
        assertArrayEquals(pixels(one), pixels(Illustrations.portrait(1, 240, 240)));
    }

    @Test
    void jpegBytesReadBack() throws IOException {
        byte[] bytes = Illustrations.jpeg(Illustrations.draw("skyline", 2, 480, 270), 0.85f);
        assertTrue(bytes.length > 1000);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(back);
        assertEquals(480, back.getWidth());
        assertEquals(270, back.getHeight());
        BufferedImage argb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(Illustrations.jpeg(argb, 0.5f))));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int rgb : pixels(image)) {
            seen.add(rgb & 0xF8F8F8);
        }
        return seen.size();
    }
}
