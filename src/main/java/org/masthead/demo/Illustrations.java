package org.masthead.demo;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the demo site's illustrations: flat, poster-style scenes, one per name, varied by a number.
 *
 * <p>Every scene is painted in a logical space 900 units high (and as wide as the aspect ratio
 * makes it), scaled to the requested pixel size, so an image looks the same at any resolution.
 * Each variant picks a time of day (morning, day, dusk, overcast, night), an accent palette and a
 * layout seed; the same (scene, variant) always gives the same picture. No files or fonts are used.
 */
public final class Illustrations {

    /** Every scene name {@link #draw} understands. */
    public static final List<String> SCENES = List.of(
            "skyline", "harbour", "ferry", "tram", "bus", "bridge", "cycle-lane", "station",
            "council-chamber", "town-hall", "market", "shop", "shipyard", "bakery", "office",
            "chart-bars", "chart-line", "river", "flood-wall", "trees", "park", "garden",
            "wind-turbines", "beach", "lanterns", "theatre", "library", "jazz", "museum",
            "football", "rowing", "pool", "running", "basketball", "school", "crowd", "map");

    private static final double H = 900;

    private static final Color WHITE = new Color(0xFFFFFF);
    private static final Color BLACK = new Color(0x000000);
    private static final Color WINDOW_LIT = new Color(0xFFD88A);
    private static final Color GRASS = new Color(0x78A85A);
    private static final Color HILL = new Color(0x5E8C6A);
    private static final Color TRUNK = new Color(0x6B4A34);
    private static final Color ASPHALT = new Color(0x555B63);
    private static final Color PAVE = new Color(0xC9C1B3);
    private static final Color STONE = new Color(0xE2D8C5);
    private static final Color WOOD = new Color(0xA06A42);
    private static final Color WATER = new Color(0x2E6E8E);
    private static final Color GLASS = new Color(0x9CC3D8);
    private static final Color CREAM = new Color(0xF4EBDA);
    private static final Color DARK = new Color(0x2A3140);
    private static final Color ROOF = new Color(0x6E3B36);
    private static final Color WALL = new Color(0xE8DCC8);
    private static final Color SAND = new Color(0xEBD3A2);
    private static final Color[] LEAVES = colors(0x4E8A47, 0x5F9A45, 0x3F7A4F, 0x76A04A);
    private static final Color[] BUILDINGS = colors(0xC9B8A6, 0xA7B4C2, 0xD8C9B0, 0x8E9AA8, 0xB98F74, 0xE0D6C8, 0x7D8B99);
    private static final Color[] SKIN = colors(0xF1C9A5, 0xE0AC84, 0xC68A5E, 0x8D5A3B, 0x5E3B27, 0xF5D6C0);
    private static final Color[] HAIR = colors(0x2B1E16, 0x5A3A22, 0x9A6A3A, 0xD9B26A, 0x1C1C1C, 0xA8A8A8, 0xB5482F);
    private static final Color[] TROUSERS = colors(0x2F3A4F, 0x4A4A4A, 0x5C4A3A, 0x3E5C76, 0x22262E);
    private static final Color[] PRODUCE = colors(0xE8722C, 0xD93B3B, 0x8CC152, 0xF5C342, 0x7A4E9C, 0xF08A9B);
    private static final Color[][] ACCENTS = {
        colors(0xE4572E, 0xF3A712, 0x2E86AB, 0x76B041, 0x8E5572, 0xF0E6D2),
        colors(0xD1495B, 0xEDAE49, 0x00798C, 0x30638E, 0x6A994E, 0xF4F1DE),
        colors(0xF26419, 0xF6AE2D, 0x33658A, 0x86BBD8, 0xB5838D, 0xEAE2B7),
        colors(0xBC4B51, 0x5B8E7D, 0xF4A259, 0x3D5A80, 0xF4E285, 0xE9ECEF),
    };
    /** Seven-segment masks for 0-9 (bit 0 = top, clockwise, bit 6 = middle). */
    private static final int[] SEGMENTS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private static final Map<String, Consumer<Pen>> PAINTERS = painters();

    private Illustrations() {
    }

    /** Whether {@code scene} is one of {@link #SCENES}. */
    public static boolean knows(String scene) {
        return scene != null && PAINTERS.containsKey(scene);
    }

    /**
     * Draws a scene such as "harbour". Any variant works: it varies palette, layout and time of day
     * deterministically. The picture scales with the size, so 480 and 1600 px wide look alike.
     */
    public static BufferedImage draw(String scene, int variant, int width, int height) {
        Consumer<Pen> painter = scene == null ? null : PAINTERS.get(scene);
        if (painter == null) {
            throw new IllegalArgumentException("Unknown scene: " + scene);
        }
        BufferedImage image = canvas(width, height);
        Pen pen = new Pen(image, moodFor(scene, variant), seed(scene, variant), variant);
        try {
            painter.accept(pen);
        } finally {
            pen.g.dispose();
        }
        return image;
    }

    /** A friendly stylised head-and-shoulders figure for author photos, varied by {@code n}. */
    public static BufferedImage portrait(int n, int width, int height) {
        BufferedImage image = canvas(width, height);
        Pen p = new Pen(image, Mood.DAY, seed("portrait", n), n);
        try {
            paintPortrait(p, n);
        } finally {
            p.g.dispose();
        }
        return image;
    }

    /** Encodes an image as JPEG (converted to TYPE_INT_RGB first if needed). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = canvas(image.getWidth(), image.getHeight());
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, WHITE, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(Math.max(0f, Math.min(1f, quality)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage canvas(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Size must be positive: " + width + "x" + height);
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static long seed(String scene, int variant) {
        return scene.hashCode() * 0x9E3779B97F4A7C15L + variant * 0xBF58476D1CE4E5B9L;
    }

    private static Mood moodFor(String scene, int variant) {
        if (scene.equals("lanterns") || scene.equals("jazz")) {
            return Math.floorMod(variant, 2) == 0 ? Mood.DUSK : Mood.NIGHT;
        }
        return Mood.values()[Math.floorMod(variant - 1, Mood.values().length)];
    }

    private static Map<String, Consumer<Pen>> painters() {
        Map<String, Consumer<Pen>> m = new HashMap<>();
        m.put("skyline", Illustrations::skyline);
        m.put("harbour", Illustrations::harbour);
        m.put("ferry", Illustrations::ferry);
        m.put("tram", Illustrations::tram);
        m.put("bus", Illustrations::bus);
        m.put("bridge", Illustrations::bridge);
        m.put("cycle-lane", Illustrations::cycleLane);
        m.put("station", Illustrations::station);
        m.put("council-chamber", Illustrations::councilChamber);
        m.put("town-hall", Illustrations::townHall);
        m.put("market", Illustrations::market);
        m.put("shop", Illustrations::shop);
        m.put("shipyard", Illustrations::shipyard);
        m.put("bakery", Illustrations::bakery);
        m.put("office", Illustrations::office);
        m.put("chart-bars", Illustrations::chartBars);
        m.put("chart-line", Illustrations::chartLine);
        m.put("river", Illustrations::river);
        m.put("flood-wall", Illustrations::floodWall);
        m.put("trees", Illustrations::trees);
        m.put("park", Illustrations::park);
        m.put("garden", Illustrations::garden);
        m.put("wind-turbines", Illustrations::windTurbines);
        m.put("beach", Illustrations::beach);
        m.put("lanterns", Illustrations::lanterns);
        m.put("theatre", Illustrations::theatre);
        m.put("library", Illustrations::library);
        m.put("jazz", Illustrations::jazz);
        m.put("museum", Illustrations::museum);
        m.put("football", Illustrations::football);
        m.put("rowing", Illustrations::rowing);
        m.put("pool", Illustrations::pool);
        m.put("running", Illustrations::running);
        m.put("basketball", Illustrations::basketball);
        m.put("school", Illustrations::school);
        m.put("crowd", Illustrations::crowd);
        m.put("map", Illustrations::map);
        return Map.copyOf(m);
    }

    // ---------------------------------------------------------------- city and transport

    private static void skyline(Pen p) {
        double hz = 650;
        p.sky(hz);
        p.city(hz, 260, 460, 0.3, false);
        p.city(hz, 150, 340, 0.6, true);
        p.city(hz, 70, 210, 0.85, true);
        p.ground(hz, p.lit(GRASS));
        p.rect(0, hz + 80, p.w, 26, p.lit(PAVE));
        p.walkers(hz + 104, 4, 70);
        for (double x = p.rnd(-40, 60); x < p.w + 80; x += p.rnd(190, 320)) {
            p.tree(x, p.rnd(880, 910), p.rnd(170, 230), p.leaf());
        }
    }

    private static void harbour(Pen p) {
        double hz = 560;
        p.sky(hz);
        p.hills(hz - 40, 130, p.layer(HILL, 0.35));
        p.houses(hz - 12, 90, 170, 0.85);
        p.rect(0, hz - 14, p.w, 16, p.layer(STONE, 0.7));
        p.water(hz);
        p.reflect(hz, 0.55, null);
        p.ripples(hz);
        int n = 3 + p.r.nextInt(3);
        for (int i = 0; i < n; i++) {
            double y = hz + 50 + i * 260.0 / n + p.rnd(0, 30);
            p.sailboat(p.rnd(0.05, 0.95) * p.w, y, 24 + (y - hz) * 0.3, p.acc(i));
        }
        p.gulls(hz, 4);
    }

    private static void ferry(Pen p) {
        double hz = 520;
        p.sky(hz);
        p.hills(hz, 90, p.layer(HILL, 0.35));
        p.city(hz, 20, 90, 0.45, false);
        p.water(hz);
        p.reflect(hz, 0.5, null);
        p.ripples(hz);
        double len = Math.min(p.w * 0.62, 1000);
        double x = p.rnd(0.12, 0.3) * p.w;
        p.wake(x + len, 720, len * 0.6);
        p.ferryBoat(x, 720, len);
        p.gulls(hz, 5);
    }

    private static void tram(Pen p) {
        double hz = 600;
        p.sky(hz);
        p.city(hz, 260, 420, 0.45, true);
        p.city(hz, 150, 320, 0.8, true);
        p.street(hz);
        p.line(0, 800, p.w, 800, 5, p.lit(new Color(0x9AA0A6)));
        p.line(0, 842, p.w, 842, 5, p.lit(new Color(0x9AA0A6)));
        double wire = 330;
        for (double x = p.rnd(60, 200); x < p.w; x += 520) {
            p.line(x, hz + 20, x, wire - 30, 9, p.lit(DARK));
        }
        p.line(0, wire, p.w, wire + 8, 2.5, p.lit(DARK));
        double len = Math.min(p.w * 0.78, 1250);
        double x = p.rnd(0.06, 0.18) * p.w;
        p.line(x + len * 0.45, 575, x + len * 0.52, wire + 4, 4, p.lit(DARK));
        p.line(x + len * 0.56, 575, x + len * 0.52, wire + 4, 4, p.lit(DARK));
        p.walkers(hz + 28, 3, 80);
        p.vehicle(x, 830, len, 250, p.acc(1), true);
    }

    private static void bus(Pen p) {
        double hz = 600;
        p.sky(hz);
        p.city(hz, 240, 400, 0.45, true);
        p.city(hz, 140, 300, 0.8, true);
        p.street(hz);
        for (double x = p.rnd(0, 80); x < p.w; x += 180) {
            p.rect(x, 850, 90, 8, p.lit(CREAM));
        }
        double shelter = p.w * 0.78;
        p.rect(shelter, 420, 8, 210, p.lit(DARK));
        p.rect(shelter + 210, 420, 8, 210, p.lit(DARK));
        p.rect(shelter - 10, 410, 240, 16, p.acc(3));
        p.rect(shelter + 8, 430, 202, 150, alpha(p.lit(GLASS), 0.45));
        for (int i = 0; i < 3; i++) {
            p.figure(shelter + 40 + i * 65, 640 + i * 6, 130, p.acc(i + 2), 0, false);
        }
        double len = Math.min(p.w * 0.55, 880);
        p.vehicle(p.rnd(0.06, 0.16) * p.w, 835, len, 270, p.acc(0), false);
    }

    private static void bridge(Pen p) {
        double hz = 600;
        p.sky(hz);
        p.hills(hz, 110, p.layer(HILL, 0.3));
        p.city(hz, 40, 160, 0.45, false);
        if (p.r.nextBoolean()) {
            p.suspensionBridge(hz);
        } else {
            p.archBridge(hz);
        }
        p.water(hz + 1);
        p.reflect(hz + 1, 0.6, null);
        p.ripples(hz);
        p.sailboat(p.rnd(0.1, 0.9) * p.w, 780, 55, p.acc(0));
    }

    private static void cycleLane(Pen p) {
        double hz = 500;
        p.sky(hz);
        p.city(hz, 120, 260, 0.45, false);
        p.ground(hz, p.lit(GRASS));
        for (double x = p.rnd(0, 60); x < p.w; x += p.rnd(120, 200)) {
            p.tree(x, 600, p.rnd(150, 200), p.leaf());
        }
        p.rect(0, 600, p.w, 50, p.lit(PAVE));
        Color lane = p.lit(p.variant % 2 == 0 ? new Color(0x3E8E5E) : new Color(0xB5563E));
        p.rect(0, 650, p.w, 100, lane);
        p.rect(0, 750, p.w, 8, p.lit(CREAM));
        p.gradient(0, 758, p.w, 142, p.lit(ASPHALT), p.shade(p.lit(ASPHALT), 0.2));
        for (double x = p.rnd(0, 100); x < p.w; x += 200) {
            p.rect(x, 840, 100, 8, p.lit(CREAM));
        }
        p.bikeGlyph(p.w * 0.5, 712, 36, alpha(p.lit(CREAM), 0.8));
        int n = 2 + p.r.nextInt(2);
        for (int i = 0; i < n; i++) {
            p.cyclist(p.w * (0.15 + 0.7 * i / Math.max(1, n - 1)) + p.rnd(-40, 40), 730, 170, p.acc(i));
        }
    }

    private static void station(Pen p) {
        double hz = 700;
        double cx = p.w / 2;
        p.sky(hz);
        p.city(hz, 150, 320, 0.35, false);
        p.stationRoof(cx, 80, 560, p.w * 0.58);
        p.vehicle(p.w * 0.04, 730, p.w * 0.92, 210, p.acc(2), true);
        p.rect(0, 690, p.w, 210, p.lit(PAVE));
        p.rect(0, 690, p.w, 10, p.shade(p.lit(PAVE), 0.35));
        p.rect(0, 712, p.w, 8, p.lit(new Color(0xF2C230)));
        p.line(cx, 100, cx, 300, 4, p.lit(DARK));
        p.clock(cx, 330, 40);
        for (int i = 0; i < 5; i++) {
            double y = p.rnd(760, 880);
            p.figure(p.rnd(0.05, 0.95) * p.w, y, 80 + (y - 700) * 0.7, p.acc(i), 0, false);
        }
    }

    private static void councilChamber(Pen p) {
        double cx = p.w / 2;
        Color wall = p.lit(WALL);
        p.gradient(0, 0, p.w, H, wall, p.shade(wall, 0.25));
        for (int i = -2; i <= 2; i++) {
            if (i != 0) {
                p.archWindow(cx + i * p.w * 0.2 - 55, 60, 110, 260);
            }
        }
        p.oval(cx, 160, 70, 70, p.acc(1));
        p.oval(cx, 160, 48, 48, p.lit(CREAM));
        p.oval(cx, 160, 30, 30, p.acc(0));
        p.rect(0, 380, p.w, 520, p.shade(p.lit(WOOD), 0.15));
        for (double x = 40; x < p.w; x += 160) {
            p.rect(x, 400, 120, 120, p.shade(p.lit(WOOD), 0.25));
        }
        for (int i = -1; i <= 1; i++) {
            p.bust(cx + i * 150, 470, 95, p.acc(i + 3), 1);
        }
        p.rect(cx - 260, 450, 520, 90, p.shade(p.lit(WOOD), 0.35));
        for (int row = 2; row >= 0; row--) {
            p.deskRow(cx, 1080, p.w * 0.26 + row * p.w * 0.13, 250 + row * 125, 86 - row * 8);
        }
    }

    private static void townHall(Pen p) {
        double hz = 700;
        double cx = p.w / 2;
        p.sky(hz);
        p.city(hz, 120, 260, 0.35, false);
        p.ground(hz, p.lit(PAVE));
        p.townHallBuilding(cx, hz, Math.min(p.w * 0.8, 1150));
        p.tree(cx - Math.min(p.w * 0.45, 640), 760, 260, p.leaf());
        p.tree(cx + Math.min(p.w * 0.45, 640), 760, 260, p.leaf());
        for (int i = 0; i < 6; i++) {
            double y = p.rnd(740, 890);
            p.figure(p.rnd(0.05, 0.95) * p.w, y, 50 + (y - 700) * 0.6, p.acc(i), p.rnd(-0.4, 0.4), false);
        }
    }

    private static void market(Pen p) {
        double hz = 560;
        p.sky(hz);
        p.city(hz, 160, 340, 0.6, true);
        p.ground(hz, p.lit(PAVE));
        int n = Math.max(3, (int) Math.round(p.w / 400));
        double sw = p.w / n;
        for (int i = 0; i < n; i++) {
            p.stall(i * sw + sw * 0.07, 770, sw * 0.86, i);
        }
        for (int i = 0; i < 4; i++) {
            p.figure(p.rnd(0.05, 0.95) * p.w, p.rnd(860, 900), 190, p.acc(i + 1), p.rnd(-0.4, 0.4), false);
        }
    }

    private static void shop(Pen p) {
        Color brick = p.lit(p.variant % 2 == 0 ? new Color(0xA8563F) : new Color(0x6F7F8C));
        p.gradient(0, 0, p.w, H, brick, p.shade(brick, 0.2));
        for (double y = 24; y < 820; y += 26) {
            p.line(0, y, p.w, y, 1.5, alpha(p.shade(brick, 0.3), 0.5));
        }
        double fx = p.w * 0.1;
        double fw = p.w * 0.8;
        p.archWindow(fx + fw * 0.15, 30, 120, 170);
        p.archWindow(fx + fw * 0.85 - 120, 30, 120, 170);
        p.rect(fx, 240, fw, 580, p.shade(p.acc(3), 0.35));
        p.rect(fx, 240, fw, 80, p.acc(0));
        p.rect(fx + 20, 256, fw - 40, 48, p.shade(p.acc(0), 0.15));
        p.shopWindow(fx + 30, 420, fw * 0.62, 370);
        p.door(fx + fw * 0.72, 410, fw * 0.22, 410);
        p.awning(fx - 20, 330, fw + 40, 90, p.acc(1));
        p.rect(0, 820, p.w, 80, p.lit(PAVE));
        p.rect(0, 820, p.w, 8, p.shade(p.lit(PAVE), 0.25));
        p.plantPot(fx - 60, 830, 90);
        p.figure(p.w * p.rnd(0.55, 0.9), 890, 320, p.acc(2), 0.35, false);
    }

    private static void shipyard(Pen p) {
        double hz = 600;
        p.sky(hz);
        p.hills(hz, 100, p.layer(HILL, 0.3));
        p.water(hz);
        p.reflect(hz, 0.45, null);
        p.ripples(hz);
        double x0 = p.w * 0.08;
        double len = p.w * 0.62;
        p.gantry(x0 - 20, len + 40, 150, 800, p.acc(1));
        p.hull(x0, 740, len);
        p.rect(0, 800, p.w, 100, p.lit(new Color(0x9A968E)));
        p.rect(0, 800, p.w, 10, p.shade(p.lit(new Color(0x9A968E)), 0.3));
        p.towerCrane(p.w * 0.84, 800, 560, p.acc(0));
        p.containers(p.w * 0.72, 800, p.w * 0.27);
    }

    private static void bakery(Pen p) {
        Color tile = p.lit(new Color(0xF1E7D6));
        p.rect(0, 0, p.w, H, tile);
        for (double y = 0; y < 620; y += 40) {
            p.line(0, y, p.w, y, 1.5, alpha(p.shade(tile, 0.2), 0.6));
        }
        for (int shelf = 0; shelf < 3; shelf++) {
            double y = 200 + shelf * 150;
            p.loaves(y, shelf);
            p.rect(0, y, p.w, 16, p.lit(WOOD));
        }
        p.lamp(p.w * 0.25, 110);
        p.lamp(p.w * 0.75, 110);
        p.rect(0, 600, p.w, 70, alpha(p.lit(GLASS), 0.35));
        p.pastries(640);
        p.rect(0, 670, p.w, 230, p.lit(WOOD));
        for (double x = 30; x < p.w; x += 200) {
            p.round(x, 700, 170, 170, 12, p.shade(p.lit(WOOD), 0.15));
        }
        p.rect(0, 670, p.w, 12, p.shade(p.lit(WOOD), 0.35));
    }

    private static void office(Pen p) {
        Color wall = p.lit(new Color(0xE9E6E0));
        p.rect(0, 0, p.w, H, wall);
        Shape window = new Rectangle2D.Double(40, 90, p.w - 80, 420);
        p.g.setClip(window);
        p.sky(510);
        p.city(510, 160, 380, 0.45, true);
        p.g.setClip(null);
        for (double x = 40; x <= p.w - 40; x += (p.w - 80) / 6) {
            p.rect(x - 5, 90, 10, 420, p.lit(DARK));
        }
        p.rect(30, 500, p.w - 60, 14, p.lit(DARK));
        p.gradient(0, 600, p.w, 300, p.lit(new Color(0x8A8F99)), p.lit(new Color(0x6D727C)));
        for (int i = 0; i < 3; i++) {
            p.rect(p.w * (0.15 + i * 0.3) - 110, 30, 220, 14, p.tint(wall, 0.6));
        }
        int n = Math.max(2, (int) (p.w / 520));
        for (int i = 0; i < n; i++) {
            p.desk(p.w * (i + 0.5) / n, 690, i);
        }
        p.plantPot(p.w * 0.03 + 20, 880, 160);
    }

    // ---------------------------------------------------------------- charts and map

    private static void chartBars(Pen p) {
        Pen.Frame f = p.chartFrame();
        int n = 6 + p.r.nextInt(4);
        double slot = f.width() / n;
        double level = p.rnd(0.3, 0.6);
        int highlight = p.r.nextInt(n);
        for (int i = 0; i < n; i++) {
            level = Math.max(0.12, Math.min(0.95, level + p.rnd(-0.18, 0.22)));
            double bh = level * f.height();
            Color c = i == highlight ? p.ink(0) : p.tint(p.ink(2), 0.15);
            p.round(f.x() + i * slot + slot * 0.18, f.bottom() - bh, slot * 0.64, bh + 8, 12, c);
        }
        p.rect(f.x() - 10, f.bottom(), f.width() + 20, 5, p.chartInk());
    }

    private static void chartLine(Pen p) {
        Pen.Frame f = p.chartFrame();
        int n = 12;
        double[] ys = p.walk(n, f);
        double[] faint = p.walk(n, f);
        Path2D line = new Path2D.Double();
        Path2D second = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            double x = f.x() + f.width() * i / (n - 1);
            if (i == 0) {
                line.moveTo(x, ys[i]);
                second.moveTo(x, faint[i]);
            } else {
                line.lineTo(x, ys[i]);
                second.lineTo(x, faint[i]);
            }
        }
        Path2D area = new Path2D.Double(line);
        area.lineTo(f.x() + f.width(), f.bottom());
        area.lineTo(f.x(), f.bottom());
        area.closePath();
        Color a = p.ink(0);
        p.g.setPaint(new GradientPaint(0, (float) f.y(), alpha(a, 0.45), 0, (float) f.bottom(), alpha(a, 0.02)));
        p.g.fill(area);
        p.stroke(second, 4, alpha(p.ink(2), 0.6));
        p.stroke(line, 7, a);
        for (int i = 0; i < n; i++) {
            double x = f.x() + f.width() * i / (n - 1);
            double rad = i == n - 1 ? 14 : 7;
            p.oval(x, ys[i], rad, rad, a);
            p.oval(x, ys[i], rad * 0.5, rad * 0.5, p.chartPaper());
        }
        p.rect(f.x() - 10, f.bottom(), f.width() + 20, 5, p.chartInk());
    }

    private static void map(Pen p) {
        boolean dark = p.m.night;
        Color land = dark ? new Color(0x1E2633) : new Color(0xEFE9DC);
        Color sea = dark ? new Color(0x12405E) : new Color(0xA9D3E8);
        p.rect(0, 0, p.w, H, land);
        p.cityBlocks(dark);
        p.fill(sea, p.coast());
        p.stroke(p.meander(), 34, sea);
        p.roads(dark);
        for (int i = 0; i < 3; i++) {
            p.pin(p.rnd(0.15, 0.6) * p.w, p.rnd(200, 800), p.ink(i));
        }
    }

    // ---------------------------------------------------------------- nature and water

    private static void river(Pen p) {
        double hz = 470;
        p.sky(hz);
        p.hills(hz, 150, p.layer(HILL, 0.3));
        p.hills(hz, 80, p.layer(HILL, 0.5));
        p.ground(hz, p.lit(GRASS));
        Shape river = p.band(hz, p.w * p.rnd(0.42, 0.58), 160, p.w * 0.32, p.rnd(0, 6));
        p.g.setPaint(new GradientPaint(0, (float) hz, p.waterTop(), 0, (float) H, p.waterBottom()));
        p.g.fill(river);
        p.reflect(hz, 0.6, river);
        p.g.setClip(river);
        p.ripples(hz);
        p.g.setClip(null);
        p.bankTrees(hz, river);
        p.gulls(hz, 3);
    }

    private static void floodWall(Pen p) {
        double top = 500;
        p.sky(560);
        p.city(560, 120, 330, 0.6, true);
        p.rect(0, top - 20, p.w, 8, p.lit(DARK));
        for (double x = 10; x < p.w; x += 60) {
            p.rect(x, top - 60, 5, 45, p.lit(DARK));
        }
        p.rect(0, top - 60, p.w, 6, p.lit(DARK));
        Color concrete = p.lit(new Color(0xB9B3A8));
        p.gradient(0, top, p.w, 260, concrete, p.shade(concrete, 0.2));
        p.rect(0, top - 12, p.w, 16, p.tint(concrete, 0.2));
        for (double x = 0; x < p.w; x += 220) {
            p.rect(x, top, 3, 260, p.shade(concrete, 0.3));
        }
        p.gauge(p.w * p.rnd(0.2, 0.8), top + 20, 230);
        double level = 700 + p.rnd(-30, 20);
        p.rect(0, level - 12, p.w, 12, alpha(p.shade(concrete, 0.45), 0.6));
        p.water(level);
        p.reflect(level, 0.45, null);
        p.ripples(level);
        if (p.m == Mood.OVERCAST || p.m == Mood.NIGHT) {
            p.rain();
        }
    }

    private static void trees(Pen p) {
        double hz = 560;
        p.sky(hz);
        p.hills(hz, 140, p.layer(HILL, 0.3));
        p.ground(hz, p.lit(GRASS));
        double[] depth = {0.4, 0.55, 0.72, 0.9};
        for (int row = 0; row < depth.length; row++) {
            double base = hz + 20 + row * 90;
            double size = 90 + row * 70;
            for (double x = p.rnd(-30, 0); x < p.w + 30; x += size * p.rnd(0.28, 0.5)) {
                p.pine(x, base + p.rnd(-10, 10), size * p.rnd(0.8, 1.2), p.layer(p.pick(LEAVES), depth[row]));
            }
        }
        p.ground(830, p.shade(p.lit(GRASS), 0.1));
        p.tree(p.w * 0.08, 930, 360, p.leaf());
        p.tree(p.w * 0.9, 940, 330, p.leaf());
    }

    private static void park(Pen p) {
        double hz = 500;
        p.sky(hz);
        p.city(hz, 140, 300, 0.35, false);
        for (double x = p.rnd(-20, 20); x < p.w; x += p.rnd(60, 110)) {
            p.tree(x, hz + 10, p.rnd(110, 160), p.layer(p.pick(LEAVES), 0.6));
        }
        p.ground(hz, p.lit(GRASS));
        p.fill(p.lit(PAVE), p.band(hz, p.w * 0.45, 260, p.w * 0.22, p.rnd(0, 6)));
        double px = p.w * p.rnd(0.68, 0.8);
        p.oval(px, 640, p.w * 0.14, 50, p.waterTop());
        p.oval(px, 646, p.w * 0.12, 38, p.waterBottom());
        p.bench(p.w * 0.15, 700, 170);
        p.bench(p.w * 0.62, 800, 200);
        p.lampPost(p.w * 0.3, 800, 300);
        for (int i = 0; i < 4; i++) {
            double y = p.rnd(620, 880);
            p.figure(p.rnd(0.22, 0.55) * p.w, y, 40 + (y - hz) * 0.45, p.acc(i), p.rnd(-0.4, 0.4), false);
        }
        p.tree(p.w * 0.92, 900, 380, p.leaf());
    }

    private static void garden(Pen p) {
        double hz = 480;
        p.sky(hz);
        p.hills(hz, 90, p.layer(HILL, 0.4));
        p.ground(hz, p.lit(GRASS));
        p.shed(p.w * 0.08, 600, 260);
        p.fence(420, 600);
        for (double x = p.w * 0.3; x < p.w; x += p.rnd(90, 140)) {
            p.sunflower(x, 610, p.rnd(220, 300));
        }
        for (int bed = 0; bed < 3; bed++) {
            double y = 690 + bed * 95;
            p.rect(0, y - 12, p.w, 46, p.lit(new Color(0x6B4A34)));
            for (double x = p.rnd(10, 50); x < p.w; x += 70 + bed * 20) {
                p.flower(x + p.rnd(-10, 10), y, 60 + bed * 25, p.acc(p.r.nextInt(6)));
            }
        }
    }

    private static void windTurbines(Pen p) {
        double hz = 640;
        p.sky(hz);
        double[] depth = {0.35, 0.6, 0.9};
        for (int layer = 0; layer < depth.length; layer++) {
            double base = hz - 60 + layer * 110;
            p.hills(base, 110 - layer * 20, p.layer(HILL, depth[layer]));
            double size = 140 + layer * 160;
            int n = 4 - layer;
            for (int i = 0; i < n; i++) {
                double x = p.w * (i + p.rnd(0.2, 0.8)) / n;
                p.turbine(x, base - 40 + layer * 30, size, depth[layer]);
            }
        }
    }

    private static void beach(Pen p) {
        double hz = 430;
        p.sky(hz);
        p.water(hz);
        p.reflect(hz, 0.5, null);
        p.ripples(hz);
        p.sailboat(p.rnd(0.1, 0.9) * p.w, hz + 40, 22, p.acc(3));
        Path2D sand = p.wave(640, 18, H);
        p.g.setPaint(new GradientPaint(0, 620, p.lit(SAND), 0, (float) H, p.shade(p.lit(SAND), 0.12)));
        p.g.fill(sand);
        p.stroke(p.wave(640, 18, Double.NaN), 8, alpha(WHITE, 0.7));
        p.stroke(p.wave(600, 10, Double.NaN), 3, alpha(WHITE, 0.4));
        int n = Math.max(2, (int) (p.w / 500));
        for (int i = 0; i < n; i++) {
            double x = p.w * (i + p.rnd(0.3, 0.7)) / n;
            p.rect(x - 120, 810, 150, 60, p.acc(i + 2));
            p.umbrella(x, 820, 150, p.acc(i));
        }
        for (int i = 0; i < 3; i++) {
            double y = p.rnd(700, 760);
            p.figure(p.rnd(0.05, 0.95) * p.w, y, 110 + (y - 660) * 0.8, p.acc(i + 1), p.rnd(-0.3, 0.3), false);
        }
    }

    private static void rowing(Pen p) {
        double hz = 470;
        p.sky(hz);
        p.hills(hz, 110, p.layer(HILL, 0.35));
        for (double x = p.rnd(-20, 20); x < p.w; x += p.rnd(50, 90)) {
            p.tree(x, hz + 4, p.rnd(80, 120), p.layer(p.pick(LEAVES), 0.6));
        }
        p.rect(0, hz - 4, p.w, 6, p.layer(GRASS, 0.6));
        p.water(hz);
        p.reflect(hz, 0.6, null);
        p.ripples(hz);
        p.shell(p.w * 0.55, 570, p.w * 0.28, 4, 60, p.acc(2));
        p.shell(p.w * 0.1, 740, Math.min(p.w * 0.8, 1300), p.variant % 2 == 0 ? 4 : 8, 130, p.acc(0));
    }

    private static void pool(Pen p) {
        p.gradient(0, 0, p.w, H, p.lit(new Color(0x5CCDE6)), p.lit(new Color(0x1C86B0)));
        p.caustics();
        int lanes = 5;
        double top = 130;
        double lane = (H - top) / lanes;
        for (int i = 0; i < lanes; i++) {
            double yc = top + lane * (i + 0.5);
            p.rect(120, yc - 7, p.w - 240, 14, alpha(p.lit(DARK), 0.35));
            p.rect(p.w - 130, yc - 30, 14, 60, alpha(p.lit(DARK), 0.35));
        }
        for (int i = 1; i < lanes; i++) {
            p.laneRope(top + lane * i);
        }
        p.rect(0, 0, p.w, top - 14, p.lit(new Color(0xE8EEF0)));
        for (double x = 0; x < p.w; x += 40) {
            p.line(x, 0, x, top - 14, 1.5, p.lit(new Color(0xC8D2D6)));
        }
        p.rect(0, top - 14, p.w, 14, p.lit(new Color(0x3C6E80)));
        for (int i = 0; i < lanes; i++) {
            if (p.r.nextDouble() < 0.7) {
                p.swimmer(p.rnd(0.15, 0.85) * p.w, top + lane * (i + 0.5), 70, p.acc(i));
            }
        }
    }

    // ---------------------------------------------------------------- culture

    private static void lanterns(Pen p) {
        double hz = 700;
        p.sky(hz);
        p.houses(hz, 160, 300, 0.75);
        p.rect(0, hz, p.w, H - hz, p.lit(PAVE));
        for (int s = 0; s < 3; s++) {
            double y0 = 200 + s * 110;
            double y1 = y0 + p.rnd(-40, 40);
            QuadCurve2D string = new QuadCurve2D.Double(-20, y0, p.w / 2, y0 + 220, p.w + 20, y1);
            p.stroke(string, 2, p.lit(DARK));
            for (double t = 0.05 + s * 0.02; t < 1; t += 0.075) {
                double x = (1 - t) * (1 - t) * -20 + 2 * (1 - t) * t * p.w / 2 + t * t * (p.w + 20);
                double y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + 220) + t * t * y1;
                p.lantern(x, y + 26, 24, ACCENTS[Math.floorMod(p.variant, 4)][(int) (t * 20 + s) % 3]);
            }
        }
        for (int i = 0; i < 14; i++) {
            p.bust(p.rnd(0, 1) * p.w, p.rnd(860, 920), p.rnd(110, 150), p.shade(p.acc(i), 0.5), 0.9);
        }
    }

    private static void theatre(Pen p) {
        Color back = p.shade(p.acc(3), 0.55);
        p.gradient(0, 0, p.w, H, back, p.shade(back, 0.5));
        p.poly(p.lit(WOOD), 0, 720, p.w, 720, p.w, 640, 0, 640);
        p.spotlight(p.w * 0.4, 660, 140);
        p.spotlight(p.w * 0.62, 670, 120);
        p.figure(p.w * 0.4, 690, 230, p.acc(0), 0, true);
        p.figure(p.w * 0.62, 700, 210, p.acc(1), 0.3, false);
        p.curtain(0, p.w * 0.16, true);
        p.curtain(p.w * 0.84, p.w * 0.16, false);
        p.valance();
        p.rect(0, 720, p.w, 180, p.shade(back, 0.55));
        for (double x = p.rnd(-20, 20); x < p.w + 40; x += 90) {
            p.silhouette(x + p.rnd(-10, 10), 930 + p.rnd(-10, 10), p.rnd(110, 135), p.shade(back, 0.82));
        }
    }

    private static void library(Pen p) {
        Color wood = p.shade(p.lit(WOOD), 0.2);
        p.rect(0, 0, p.w, H, wood);
        double cx = p.w / 2;
        for (double x = 20; x < p.w; x += 280) {
            if (Math.abs(x + 120 - cx) > 200) {
                p.bookcase(x, 40, 240, 640);
            }
        }
        p.archWindow(cx - 120, 60, 240, 520);
        p.rect(0, 680, p.w, 220, p.lit(new Color(0x7A3E36)));
        p.rect(cx - 420, 680, 840, 30, p.shade(p.lit(WOOD), 0.05));
        p.rect(cx - 390, 710, 24, 190, p.shade(p.lit(WOOD), 0.3));
        p.rect(cx + 366, 710, 24, 190, p.shade(p.lit(WOOD), 0.3));
        p.bust(cx + 160, 690, 150, p.acc(1), 1);
        p.rect(cx - 40, 664, 130, 18, p.lit(CREAM));
        p.readingLamp(cx - 260, 680);
    }

    private static void jazz(Pen p) {
        Color back = p.m.night ? new Color(0x2A1B3D) : new Color(0x5A2A3A);
        p.gradient(0, 0, p.w, H, back, p.shade(back, 0.5));
        for (double y = 20; y < 640; y += 34) {
            p.line(0, y, p.w, y, 2, alpha(BLACK, 0.15));
        }
        p.glow(p.w / 2, 420, 520, new Color(0xFFB35C), 0.45);
        p.rect(0, 640, p.w, 260, p.shade(p.lit(WOOD), 0.35));
        Color ink = new Color(0x14101C);
        p.piano(p.w * 0.18, 640, 300, ink);
        p.bassist(p.w * 0.5, 660, 300, ink);
        p.saxophonist(p.w * 0.78, 660, 300, ink);
        p.micStand(p.w * 0.68, 660, 230, ink);
    }

    private static void museum(Pen p) {
        Color wall = p.lit(new Color(0xEDE8DF));
        p.gradient(0, 0, p.w, 640, wall, p.shade(wall, 0.1));
        p.rect(0, 0, p.w, 40, p.tint(wall, 0.5));
        p.gradient(0, 640, p.w, 260, p.lit(new Color(0xB88A5A)), p.lit(new Color(0x8C6440)));
        p.rect(0, 630, p.w, 12, p.shade(wall, 0.3));
        int n = Math.max(3, (int) (p.w / 420));
        for (int i = 0; i < n; i++) {
            double x = p.w * (i + 0.5) / n;
            double fw = p.rnd(180, 260);
            double fh = p.rnd(180, 260);
            p.painting(x - fw / 2, 330 - fh / 2, fw, fh, i);
        }
        p.pedestal(p.w * 0.5 / n * 2, 760);
        p.rect(p.w * 0.4, 760, p.w * 0.2, 30, p.lit(DARK));
        for (int i = 0; i < 3; i++) {
            p.figure(p.rnd(0.1, 0.9) * p.w, p.rnd(820, 880), 300, p.acc(i + 1), 0, false);
        }
    }

    // ---------------------------------------------------------------- sport and people

    private static void football(Pen p) {
        p.stands(300);
        p.pitch(330, p.lit(new Color(0x4F9A4A)));
        Color chalk = alpha(WHITE, 0.85);
        p.line(0, 360, p.w, 360, 4, chalk);
        p.line(p.w / 2, 360, p.w / 2 - 80, H, 4, chalk);
        p.stroke(new Ellipse2D.Double(p.w / 2 - 250, 540, 500, 200), 4, chalk);
        p.goal(60, 400);
        for (int i = 0; i < 7; i++) {
            double y = p.rnd(480, 880);
            p.figure(p.rnd(0.2, 0.95) * p.w, y, 90 + (y - 400) * 0.35, p.acc(i % 2 == 0 ? 0 : 2), p.rnd(-0.7, 0.7), false);
        }
        p.ball(p.rnd(0.3, 0.8) * p.w, 800, 16);
    }

    private static void running(Pen p) {
        p.stands(300);
        p.pitch(330, p.lit(new Color(0x5AA250)));
        Color track = p.lit(new Color(0xC4553A));
        p.gradient(0, 400, p.w, 500, track, p.shade(track, 0.1));
        for (int i = 0; i <= 6; i++) {
            double y = 400 + 500 * Math.pow(i / 6.0, 1.25);
            p.line(0, y, p.w, y, 2 + i * 0.6, alpha(WHITE, 0.85));
        }
        double fx = p.w * 0.8;
        p.poly(alpha(WHITE, 0.9), fx, 400, fx + 14, 400, fx + 60, H, fx + 40, H);
        for (int i = 0; i < 4; i++) {
            double y = 400 + 500 * Math.pow((i + 0.6) / 6.0, 1.25) + 30;
            p.figure(p.w * (0.25 + i * 0.12) + p.rnd(-40, 40), y, 120 + (y - 400) * 0.45, p.acc(i), 0.7 * (i % 2 == 0 ? 1 : -1), false);
        }
    }

    private static void basketball(Pen p) {
        Color wall = p.shade(p.acc(3), 0.45);
        p.rect(0, 0, p.w, 560, wall);
        p.crowdDots(60, 300, wall);
        for (int i = 0; i < 4; i++) {
            p.rect(p.w * (0.1 + i * 0.23), 0, 70, 150, p.acc(i));
        }
        Color floor = p.lit(new Color(0xD9A566));
        p.gradient(0, 560, p.w, 340, floor, p.shade(floor, 0.12));
        for (double y = 580; y < H; y += 28) {
            p.line(0, y, p.w, y, 1.5, alpha(p.shade(floor, 0.3), 0.5));
        }
        double hx = p.w * 0.72;
        p.poly(alpha(p.acc(0), 0.75), hx - 220, 880, hx + 220, 880, hx + 130, 600, hx - 130, 600);
        p.hoop(hx, 240);
        p.figure(p.w * 0.62, 760, 300, p.acc(1), 0.2, true);
        p.figure(p.w * 0.3, 860, 280, p.acc(4), 0.6, false);
        p.ball(p.w * 0.6, 380, 30);
    }

    private static void school(Pen p) {
        double hz = 660;
        p.sky(hz);
        p.hills(hz, 100, p.layer(HILL, 0.35));
        p.ground(hz, p.lit(new Color(0x8A8F96)));
        p.schoolBuilding(p.w / 2, hz, Math.min(p.w * 0.76, 1150));
        p.tree(p.w * 0.06, 760, 300, p.leaf());
        p.tree(p.w * 0.95, 780, 280, p.leaf());
        p.hopscotch(p.w * 0.2, 800);
        for (int i = 0; i < 6; i++) {
            double y = p.rnd(730, 890);
            p.figure(p.rnd(0.1, 0.9) * p.w, y, 60 + (y - 660) * 0.4, p.acc(i), p.rnd(-0.6, 0.6), p.r.nextInt(4) == 0);
        }
    }

    private static void crowd(Pen p) {
        double hz = 520;
        p.sky(hz);
        p.city(hz, 180, 380, 0.5, true);
        p.ground(hz, p.lit(PAVE));
        for (int row = 0; row < 5; row++) {
            double depth = 0.45 + row * 0.14;
            double size = 64 + row * 38;
            double base = hz + 70 + row * 82;
            for (double x = p.rnd(-20, 10); x < p.w + 40; x += size * p.rnd(0.55, 0.8)) {
                if (p.r.nextInt(9) == 0) {
                    p.placard(x, base - size * 1.3, size, p.layer(p.acc(p.r.nextInt(6)), depth));
                }
                p.bust(x, base + p.rnd(-8, 8), size, p.layer(p.acc(p.r.nextInt(6)), depth), depth);
            }
        }
    }

    // ---------------------------------------------------------------- portrait

    private static void paintPortrait(Pen p, int n) {
        double cx = p.w / 2;
        Color bg = p.tint(p.acc(n), 0.55);
        p.gradient(0, 0, p.w, H, bg, p.tint(p.acc(n + 2), 0.4));
        p.oval(cx, 430, 380, 380, alpha(WHITE, 0.25));
        Color skin = SKIN[Math.floorMod(n * 5 + 1, SKIN.length)];
        Color hair = HAIR[Math.floorMod(n * 3 + 2, HAIR.length)];
        int style = Math.floorMod(n * 7 + 3, 5);
        if (style == 1) {
            p.round(cx - 185, 260, 370, 460, 180, hair);
        }
        p.round(cx - 310, 690, 620, 420, 240, p.acc(n + 1));
        p.poly(p.tint(p.acc(n + 1), 0.5), cx - 80, 700, cx + 80, 700, cx, 790);
        p.rect(cx - 55, 560, 110, 150, p.shade(skin, 0.12));
        p.oval(cx - 142, 445, 24, 38, skin);
        p.oval(cx + 142, 445, 24, 38, skin);
        p.oval(cx, 430, 145, 175, skin);
        p.hair(cx, style, hair);
        p.face(cx, skin, Math.floorMod(n, 3) == 0);
    }

    // ---------------------------------------------------------------- colour helpers

    private static Color[] colors(int... rgb) {
        Color[] out = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = new Color(rgb[i]);
        }
        return out;
    }

    private static Color mix(Color a, Color b, double t) {
        double k = Math.max(0, Math.min(1, t));
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * k),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * k),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * k),
                (int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * k));
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, a))));
    }

    /** Cheap deterministic noise in [0, 1) for a whole number. */
    private static double noise(int k) {
        double v = Math.sin(k * 12.9898 + 78.233) * 43758.5453;
        return v - Math.floor(v);
    }

    /** Time of day: sky colours, the sun or moon, the ambient light mixed into every colour. */
    private enum Mood {
        MORNING(0x86BEE6, 0xFCE3C0, 0xFFF4D6, 0.45, 0xFFD9A0, 0.12, 2),
        DAY(0x3F8FDB, 0xCFEAF7, 0xFFFBE8, 0.2, 0xFFFFFF, 0.0, 2),
        DUSK(0x2C3470, 0xF6A261, 0xFFC27A, 0.82, 0xC8607A, 0.22, 1),
        OVERCAST(0x8F9BA8, 0xD9DDE1, -1, 0, 0x9AA3AD, 0.28, 6),
        NIGHT(0x07122E, 0x2B3F70, 0xF2F0DC, 0.25, 0x1B2A55, 0.55, 1);

        final Color skyTop;
        final Color skyBottom;
        final Color sun;
        final double sunY;
        final Color ambient;
        final double amount;
        final int clouds;
        final boolean night;

        Mood(int top, int bottom, int sun, double sunY, int ambient, double amount, int clouds) {
            this.skyTop = new Color(top);
            this.skyBottom = new Color(bottom);
            this.sun = sun < 0 ? null : new Color(sun);
            this.sunY = sunY;
            this.ambient = new Color(ambient);
            this.amount = amount;
            this.clouds = clouds;
            this.night = name().equals("NIGHT");
        }
    }

    /**
     * Drawing state for one image plus the shared helpers. Coordinates are logical: 900 high,
     * {@link #w} wide. Randomness is drawn only in size-independent loops so layouts stay stable.
     */
    private static final class Pen {
        final BufferedImage img;
        final Graphics2D g;
        final double s;
        final double w;
        final Mood m;
        final Random r;
        final Color[] accents;
        final int variant;
        double sunX;

        record Frame(double x, double y, double width, double height) {
            double bottom() {
                return y + height;
            }
        }

        Pen(BufferedImage img, Mood m, long seed, int variant) {
            this.img = img;
            this.m = m;
            this.r = new Random(seed);
            this.variant = variant;
            this.s = img.getHeight() / H;
            this.w = img.getWidth() / s;
            this.accents = ACCENTS[Math.floorMod(variant, ACCENTS.length)];
            this.g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.scale(s, s);
        }

        // ------------------------------------------------------------ primitives

        double rnd(double lo, double hi) {
            return lo + r.nextDouble() * (hi - lo);
        }

        Color pick(Color[] options) {
            return options[r.nextInt(options.length)];
        }

        Color acc(int i) {
            return lit(accents[Math.floorMod(i, accents.length)]);
        }

        /** An accent colour without the time-of-day light, for charts and maps. */
        Color ink(int i) {
            return accents[Math.floorMod(i, accents.length)];
        }

        Color leaf() {
            return lit(pick(LEAVES));
        }

        Color lit(Color c) {
            Color mixed = mix(c, m.ambient, m.amount);
            return m.night ? mix(mixed, BLACK, 0.25) : mixed;
        }

        /** A colour at a distance: depth 0 is the horizon haze, 1 the foreground. */
        Color layer(Color c, double depth) {
            return mix(mix(m.skyBottom, m.skyTop, 0.15), lit(c), depth);
        }

        Color shade(Color c, double t) {
            return mix(c, alpha(BLACK, c.getAlpha() / 255.0), t);
        }

        Color tint(Color c, double t) {
            return mix(c, alpha(WHITE, c.getAlpha() / 255.0), t);
        }

        void fill(Color c, Shape shape) {
            g.setPaint(c);
            g.fill(shape);
        }

        void stroke(Shape shape, double width, Color c) {
            g.setPaint(c);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }

        void rect(double x, double y, double rw, double rh, Color c) {
            fill(c, new Rectangle2D.Double(x, y, rw, rh));
        }

        void round(double x, double y, double rw, double rh, double arc, Color c) {
            fill(c, new RoundRectangle2D.Double(x, y, rw, rh, arc, arc));
        }

        void oval(double cx, double cy, double rx, double ry, Color c) {
            fill(c, ellipse(cx, cy, rx, ry));
        }

        Ellipse2D ellipse(double cx, double cy, double rx, double ry) {
            return new Ellipse2D.Double(cx - rx, cy - ry, rx * 2, ry * 2);
        }

        void line(double x1, double y1, double x2, double y2, double width, Color c) {
            stroke(new Line2D.Double(x1, y1, x2, y2), width, c);
        }

        void poly(Color c, double... xy) {
            Path2D path = new Path2D.Double();
            path.moveTo(xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                path.lineTo(xy[i], xy[i + 1]);
            }
            path.closePath();
            fill(c, path);
        }

        void gradient(double x, double y, double gw, double gh, Color top, Color bottom) {
            g.setPaint(new GradientPaint(0, (float) y, top, 0, (float) (y + gh), bottom));
            g.fill(new Rectangle2D.Double(x, y, gw, gh));
        }

        void glow(double x, double y, double radius, Color c, double strength) {
            g.setPaint(new RadialGradientPaint((float) x, (float) y, (float) radius, new float[] {0f, 0.35f, 1f},
                    new Color[] {alpha(c, strength), alpha(c, strength * 0.35), alpha(c, 0)}));
            g.fill(ellipse(x, y, radius, radius));
        }

        /** Draws digits seven-segment style, right-aligned at {@code right}. */
        void numeral(String digits, double right, double top, double size, Color c) {
            double dw = size * 0.5;
            double x = right - digits.length() * dw * 1.5 + dw * 0.5;
            for (char ch : digits.toCharArray()) {
                int mask = SEGMENTS[ch - '0'];
                double[][] seg = {
                    {0, 0, 1, 0}, {1, 0, 1, 0.5}, {1, 0.5, 1, 1}, {0, 1, 1, 1}, {0, 0.5, 0, 1}, {0, 0, 0, 0.5}, {0, 0.5, 1, 0.5}};
                for (int i = 0; i < 7; i++) {
                    if ((mask & (1 << i)) != 0) {
                        line(x + seg[i][0] * dw, top + seg[i][1] * size, x + seg[i][2] * dw, top + seg[i][3] * size,
                                size * 0.13, c);
                    }
                }
                x += dw * 1.5;
            }
        }

        // ------------------------------------------------------------ sky, land, water

        void sky(double hz) {
            gradient(0, 0, w, hz + 2, m.skyTop, m.skyBottom);
            sunX = w * rnd(0.12, 0.88);
            if (m.night) {
                for (int i = 0; i < 90; i++) {
                    double rad = rnd(0.8, 2.2);
                    oval(rnd(0, w), rnd(0, hz * 0.75), rad, rad, alpha(WHITE, rnd(0.3, 0.9)));
                }
            }
            if (m.sun != null) {
                double y = hz * m.sunY;
                double rad = m.night ? 30 : 50;
                glow(sunX, y, rad * 6, m.sun, m.night ? 0.25 : 0.55);
                oval(sunX, y, rad, rad, m.sun);
            }
            int clouds = m.clouds + r.nextInt(2);
            for (int i = 0; i < clouds; i++) {
                cloud(rnd(-0.05, 1.05) * w, rnd(0.1, 0.6) * hz, rnd(80, 160));
            }
        }

        void cloud(double x, double y, double size) {
            Color c = switch (m) {
                case NIGHT -> alpha(mix(m.skyTop, m.skyBottom, 0.6), 0.6);
                case OVERCAST -> alpha(mix(m.skyTop, WHITE, 0.3), 0.85);
                case DUSK -> alpha(mix(m.skyBottom, new Color(0xFFD3C0), 0.5), 0.8);
                default -> alpha(WHITE, 0.85);
            };
            Area a = new Area(ellipse(x, y, size, size * 0.3));
            a.add(new Area(ellipse(x - size * 0.4, y - size * 0.12, size * 0.42, size * 0.3)));
            a.add(new Area(ellipse(x + size * 0.15, y - size * 0.25, size * 0.45, size * 0.38)));
            a.add(new Area(ellipse(x - size * 0.1, y - size * 0.3, size * 0.3, size * 0.28)));
            a.subtract(new Area(new Rectangle2D.Double(x - size * 2, y + size * 0.12, size * 4, size)));
            fill(c, a);
        }

        void gulls(double hz, int n) {
            Color c = m.night ? alpha(WHITE, 0.5) : lit(DARK);
            for (int i = 0; i < n; i++) {
                double x = rnd(0.05, 0.95) * w;
                double y = rnd(0.15, 0.55) * hz;
                double size = rnd(10, 18);
                Path2D bird = new Path2D.Double();
                bird.moveTo(x - size, y - size * 0.3);
                bird.quadTo(x - size * 0.5, y - size * 0.7, x, y);
                bird.quadTo(x + size * 0.5, y - size * 0.7, x + size, y - size * 0.3);
                stroke(bird, 2.5, c);
            }
        }

        void hills(double base, double amp, Color c) {
            double f1 = rnd(1.2, 2.5);
            double f2 = rnd(3.5, 6.5);
            double a = rnd(0, 6.3);
            double b = rnd(0, 6.3);
            Path2D path = new Path2D.Double();
            path.moveTo(0, H);
            for (double x = 0; x <= w + 20; x += 20) {
                double t = x / w * Math.PI * 2;
                path.lineTo(x, base - amp * (0.55 + 0.3 * Math.sin(t * f1 + a) + 0.15 * Math.sin(t * f2 + b)));
            }
            path.lineTo(w + 20, H);
            path.closePath();
            fill(c, path);
        }

        void ground(double y, Color c) {
            gradient(0, y, w, H - y, c, shade(c, 0.18));
        }

        Color waterTop() {
            return mix(m.skyBottom, lit(WATER), 0.45);
        }

        Color waterBottom() {
            return shade(lit(WATER), 0.2);
        }

        void water(double hz) {
            gradient(0, hz, w, H - hz, waterTop(), waterBottom());
        }

        /** Mirrors what is above the horizon into the water below it, broken into rippled strips. */
        void reflect(double hz, double strength, Shape clip) {
            int pw = img.getWidth();
            int hy = (int) Math.round(hz * s);
            int depth = Math.min(img.getHeight() - hy, hy);
            if (depth <= 0) {
                return;
            }
            BufferedImage above = new BufferedImage(pw, depth, BufferedImage.TYPE_INT_RGB);
            Graphics2D cg = above.createGraphics();
            cg.drawImage(img, 0, 0, pw, depth, 0, hy - depth, pw, hy, null);
            cg.dispose();
            Graphics2D rg = img.createGraphics();
            if (clip != null) {
                rg.setClip(AffineTransform.getScaleInstance(s, s).createTransformedShape(clip));
            }
            rg.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) strength));
            int band = Math.max(2, (int) Math.round(4 * s));
            for (int y = 0; y < depth; y += band) {
                int rows = Math.min(band, depth - y);
                double logical = y / s;
                int shift = (int) Math.round((noise((int) (logical / 4)) - 0.5) * (2 + logical * 0.06) * s);
                rg.drawImage(above, shift, hy + y, pw + shift, hy + y + rows, 0, depth - y, pw, depth - y - rows, null);
            }
            rg.dispose();
        }

        void ripples(double hz) {
            Color c = alpha(mix(m.skyBottom, WHITE, 0.4), 0.35);
            for (int i = 0; i < 80; i++) {
                double y = hz + 4 + Math.pow(r.nextDouble(), 1.5) * (H - hz);
                double len = (10 + (y - hz) * 0.25) * rnd(0.5, 1.5);
                double x = rnd(-20, w);
                line(x, y, x + len, y, 1 + (y - hz) * 0.006, c);
            }
            if (m.sun != null) {
                Color glint = alpha(m.sun, m.night ? 0.35 : 0.6);
                for (int i = 0; i < 30; i++) {
                    double y = hz + 4 + Math.pow(r.nextDouble(), 1.3) * (H - hz) * 0.8;
                    double len = 8 + (y - hz) * 0.2;
                    double x = sunX + rnd(-1, 1) * (10 + (y - hz) * 0.25) - len / 2;
                    line(x, y, x + len, y, 1.5 + (y - hz) * 0.006, glint);
                }
            }
        }

        Path2D band(double hz, double cx, double amp, double maxHalf, double phase) {
            Path2D path = new Path2D.Double();
            int n = 40;
            for (int i = 0; i <= n * 2 + 1; i++) {
                int k = i <= n ? i : n * 2 + 1 - i;
                double t = k / (double) n;
                double y = hz + (H + 20 - hz) * t;
                double x = cx + amp * Math.sin(t * 4 + phase) * t;
                double half = 10 + t * t * maxHalf;
                double px = i <= n ? x - half : x + half;
                if (i == 0) {
                    path.moveTo(px, y);
                } else {
                    path.lineTo(px, y);
                }
            }
            path.closePath();
            return path;
        }

        Path2D wave(double y, double amp, double bottom) {
            Path2D path = new Path2D.Double();
            path.moveTo(-10, y);
            for (double x = -10; x <= w + 30; x += 20) {
                path.lineTo(x, y + amp * Math.sin(x / 90.0) + amp * 0.4 * Math.sin(x / 37.0 + 1));
            }
            if (!Double.isNaN(bottom)) {
                path.lineTo(w + 30, bottom);
                path.lineTo(-10, bottom);
                path.closePath();
            }
            return path;
        }

        void rain() {
            Color c = alpha(WHITE, 0.25);
            for (int i = 0; i < 160; i++) {
                double x = rnd(-50, w);
                double y = rnd(0, H);
                line(x, y, x + 10, y + 40, 1.5, c);
            }
        }

        // ------------------------------------------------------------ buildings

        void city(double base, double minH, double maxH, double depth, boolean windows) {
            for (double x = -rnd(0, 60); x < w; ) {
                double bw = rnd(80, 170);
                building(x, base, bw, rnd(minH, maxH), layer(pick(BUILDINGS), depth), windows);
                x += bw + rnd(-14, 4);
            }
        }

        void building(double x, double base, double bw, double bh, Color wall, boolean windows) {
            double top = base - bh;
            switch (r.nextInt(4)) {
                case 1 -> rect(x + bw * 0.25, top - 24, bw * 0.5, 26, wall);
                case 2 -> line(x + bw * 0.5, top, x + bw * 0.5, top - 45, 3, wall);
                case 3 -> poly(wall, x, top + 1, x + bw, top + 1, x + bw * 0.5, top - bw * 0.3);
                default -> { }
            }
            rect(x, top, bw, bh, wall);
            rect(x + bw * 0.86, top, bw * 0.14, bh, shade(wall, 0.12));
            if (windows) {
                windows(x, top, bw * 0.86, bh, wall);
            }
        }

        void windows(double x, double top, double bw, double bh, Color wall) {
            int cols = Math.max(2, (int) (bw / 28));
            int rows = Math.max(1, (int) ((bh - 30) / 36));
            double cw = (bw - 12) / cols;
            double rh = (bh - 30) / rows;
            Color glass = mix(wall, m.skyTop, 0.35);
            Color unlit = shade(wall, 0.3);
            double litChance = m.night ? 0.5 : m == Mood.DUSK ? 0.2 : 0;
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    boolean on = r.nextDouble() < litChance;
                    Color c = on ? WINDOW_LIT : m.night ? unlit : glass;
                    rect(x + 10 + i * cw, top + 18 + j * rh, cw * 0.55, rh * 0.55, c);
                }
            }
        }

        void houses(double base, double minH, double maxH, double depth) {
            for (double x = -rnd(0, 30); x < w; ) {
                double hw = rnd(60, 100);
                double hh = rnd(minH, maxH);
                Color wall = layer(mix(pick(accents), CREAM, 0.25), depth);
                rect(x, base - hh, hw, hh, wall);
                poly(layer(ROOF, depth), x - 5, base - hh + 1, x + hw + 5, base - hh + 1, x + hw / 2, base - hh - hw * 0.5);
                Color pane = m.night || m == Mood.DUSK ? WINDOW_LIT : shade(wall, 0.35);
                for (double y = base - hh + 20; y < base - 50; y += 42) {
                    rect(x + hw * 0.2, y, hw * 0.2, 24, pane);
                    rect(x + hw * 0.6, y, hw * 0.2, 24, pane);
                }
                rect(x + hw * 0.38, base - 40, hw * 0.24, 40, shade(wall, 0.45));
                x += hw + 3;
            }
        }

        void archWindow(double x, double y, double ww, double wh) {
            Shape shape = windowShape(x, y, ww, wh);
            g.setPaint(new GradientPaint(0, (float) y, m.skyTop, 0, (float) (y + wh), m.skyBottom));
            g.fill(shape);
            stroke(shape, 8, lit(CREAM));
            line(x + ww / 2, y, x + ww / 2, y + wh, 5, lit(CREAM));
            line(x, y + wh * 0.55, x + ww, y + wh * 0.55, 5, lit(CREAM));
        }

        Shape windowShape(double x, double y, double ww, double wh) {
            Area a = new Area(new Rectangle2D.Double(x, y + ww / 2, ww, wh - ww / 2));
            a.add(new Area(new Ellipse2D.Double(x, y, ww, ww)));
            return a;
        }

        void townHallBuilding(double cx, double base, double bw) {
            Color wall = lit(STONE);
            Color trim = shade(wall, 0.15);
            rect(cx - 70, 170, 140, 260, wall);
            fill(lit(new Color(0x5E9C8F)), new Arc2D.Double(cx - 75, 100, 150, 140, 0, 180, Arc2D.CHORD));
            line(cx, 100, cx, 40, 4, lit(DARK));
            poly(acc(0), cx, 42, cx + 50, 52, cx, 64);
            clock(cx, 270, 46);
            rect(cx - bw / 2, 400, bw, base - 400, wall);
            rect(cx - bw / 2 - 12, 390, bw + 24, 20, trim);
            for (double x = cx - bw / 2 + 30; x < cx + bw / 2 - 60; x += 85) {
                if (Math.abs(x + 30 - cx) > 230) {
                    fill(mix(lit(GLASS), m.night ? WINDOW_LIT : m.skyTop, 0.4), windowShape(x, 440, 56, 90));
                    fill(mix(lit(GLASS), m.night ? WINDOW_LIT : m.skyTop, 0.4), windowShape(x, 560, 56, 90));
                }
            }
            poly(trim, cx - 230, 430, cx + 230, 430, cx, 340);
            poly(wall, cx - 200, 420, cx + 200, 420, cx, 356);
            rect(cx - 230, 430, 460, 24, trim);
            for (int i = 0; i < 6; i++) {
                double x = cx - 195 + i * 76;
                rect(x, 454, 28, base - 40 - 454, tint(wall, 0.3));
                rect(x + 20, 454, 8, base - 40 - 454, shade(wall, 0.1));
            }
            rect(cx - 50, 540, 100, base - 40 - 540, shade(wall, 0.5));
            for (int i = 0; i < 3; i++) {
                rect(cx - 250 - i * 20, base - 40 + i * 14, 500 + i * 40, 14, shade(wall, 0.05 + i * 0.05));
            }
        }

        void schoolBuilding(double cx, double base, double bw) {
            Color brick = lit(new Color(0xB5654A));
            rect(cx - 40, 160, 80, 140, brick);
            poly(lit(ROOF), cx - 55, 162, cx + 55, 162, cx, 100);
            oval(cx, 220, 22, 22, lit(CREAM));
            oval(cx, 220, 12, 12, lit(DARK));
            poly(lit(ROOF), cx - bw / 2 - 20, 302, cx + bw / 2 + 20, 302, cx + bw / 2 - 30, 250, cx - bw / 2 + 30, 250);
            rect(cx - bw / 2, 300, bw, base - 300, brick);
            Color pane = m.night ? WINDOW_LIT : mix(lit(GLASS), m.skyTop, 0.3);
            for (double x = cx - bw / 2 + 30; x < cx + bw / 2 - 80; x += 100) {
                for (double y = 330; y < base - 100; y += 130) {
                    rect(x, y, 70, 90, lit(CREAM));
                    rect(x + 5, y + 5, 60, 80, pane);
                    line(x + 35, y, x + 35, y + 90, 4, lit(CREAM));
                }
            }
            rect(cx - 60, base - 130, 120, 130, lit(CREAM));
            rect(cx - 48, base - 118, 96, 118, acc(2));
            rect(cx - 90, base - 150, 180, 20, acc(0));
        }

        void street(double hz) {
            rect(0, hz, w, 40, lit(PAVE));
            rect(0, hz + 40, w, 8, shade(lit(PAVE), 0.3));
            gradient(0, hz + 48, w, H - hz - 48, lit(ASPHALT), shade(lit(ASPHALT), 0.2));
        }

        void stationRoof(double cx, double top, double base, double rx) {
            Arc2D glass = new Arc2D.Double(cx - rx, top, rx * 2, (base - top) * 2, 0, 180, Arc2D.CHORD);
            fill(alpha(mix(m.skyTop, WHITE, 0.4), 0.35), glass);
            Color steel = lit(new Color(0x3B4656));
            for (int i = 1; i < 12; i++) {
                double a = Math.PI * i / 12;
                line(cx, base, cx + rx * Math.cos(a), base - (base - top) * Math.sin(a), 4, steel);
            }
            for (int k = 1; k <= 3; k++) {
                double f = k / 3.0;
                stroke(new Arc2D.Double(cx - rx * f, base - (base - top) * f, rx * 2 * f, (base - top) * 2 * f, 0, 180,
                        Arc2D.OPEN), 4, steel);
            }
            stroke(new Arc2D.Double(cx - rx, top, rx * 2, (base - top) * 2, 0, 180, Arc2D.OPEN), 16, steel);
            line(cx - rx, base, cx + rx, base, 12, steel);
        }

        // ------------------------------------------------------------ people

        void figure(double x, double base, double ht, Color shirt, double stride, boolean armsUp) {
            double u = ht / 10;
            Color legs = lit(pick(TROUSERS));
            Color skin = lit(pick(SKIN));
            Color hair = lit(pick(HAIR));
            double hip = base - 4.8 * u;
            double neck = base - 8.0 * u;
            oval(x, base, 1.8 * u + Math.abs(stride) * u, 0.35 * u, alpha(BLACK, 0.15));
            line(x - 0.5 * u, hip, x - 0.5 * u - stride * 1.8 * u, base - 0.5 * u, 1.3 * u, legs);
            line(x + 0.5 * u, hip, x + 0.5 * u + stride * 1.8 * u, base - 0.5 * u, 1.3 * u, legs);
            double handY = armsUp ? neck - 2.6 * u : hip + 0.2 * u;
            line(x - 1.1 * u, neck + 0.6 * u, x - 1.5 * u + stride * 1.6 * u, handY, 0.9 * u, shirt);
            line(x + 1.1 * u, neck + 0.6 * u, x + 1.5 * u - stride * 1.6 * u, handY, 0.9 * u, shirt);
            round(x - 1.3 * u, neck, 2.6 * u, hip - neck + 0.6 * u, 1.2 * u, shirt);
            oval(x, neck - 1.1 * u, 1.05 * u, 1.15 * u, skin);
            fill(hair, new Arc2D.Double(x - 1.1 * u, neck - 2.32 * u, 2.2 * u, 2.0 * u, 0, 180, Arc2D.CHORD));
        }

        void bust(double x, double base, double size, Color shirt, double depth) {
            Color skin = layer(pick(SKIN), depth);
            Color hair = layer(pick(HAIR), depth);
            round(x - size * 0.5, base - size * 0.55, size, size * 0.9, size * 0.45, shirt);
            oval(x, base - size * 0.78, size * 0.24, size * 0.27, skin);
            fill(hair, new Arc2D.Double(x - size * 0.25, base - size * 1.07, size * 0.5, size * 0.42, 0, 180, Arc2D.CHORD));
        }

        void silhouette(double x, double base, double size, Color c) {
            round(x - size * 0.5, base - size * 0.55, size, size * 0.9, size * 0.45, c);
            oval(x, base - size * 0.8, size * 0.23, size * 0.27, c);
        }

        void walkers(double base, int n, double ht) {
            for (int i = 0; i < n; i++) {
                figure(rnd(0.03, 0.97) * w, base + rnd(-6, 6), ht * rnd(0.9, 1.1), acc(r.nextInt(6)), rnd(-0.45, 0.45), false);
            }
        }

        void placard(double x, double top, double size, Color c) {
            line(x, top + size * 0.5, x, top + size * 1.3, size * 0.06, lit(WOOD));
            round(x - size * 0.45, top, size * 0.9, size * 0.55, 6, c);
            rect(x - size * 0.3, top + size * 0.15, size * 0.6, size * 0.08, tint(c, 0.6));
            rect(x - size * 0.3, top + size * 0.32, size * 0.4, size * 0.08, tint(c, 0.6));
        }

        void deskRow(double cx, double cy, double rx, double ry, double size) {
            Color wood = shade(lit(WOOD), 0.05);
            for (double a = 28; a <= 152; a += Math.toDegrees(size * 1.45 / rx)) {
                double t = Math.toRadians(a);
                double x = cx + rx * Math.cos(t);
                double y = cy - ry * Math.sin(t);
                bust(x, y - 4, size, acc((int) a), 1);
            }
            stroke(new Arc2D.Double(cx - rx, cy - ry, rx * 2, ry * 2, 10, 160, Arc2D.OPEN), size * 0.45, wood);
            stroke(new Arc2D.Double(cx - rx, cy - ry - size * 0.2, rx * 2, ry * 2, 10, 160, Arc2D.OPEN), size * 0.1,
                    tint(wood, 0.2));
        }

        void cyclist(double x, double base, double size, Color shirt) {
            double wr = size * 0.22;
            Color frame = lit(DARK);
            double rear = x - size * 0.33;
            double front = x + size * 0.33;
            double hubY = base - wr;
            oval(x, base, size * 0.6, size * 0.04, alpha(BLACK, 0.2));
            stroke(ellipse(rear, hubY, wr, wr), size * 0.035, frame);
            stroke(ellipse(front, hubY, wr, wr), size * 0.035, frame);
            double seatX = x - size * 0.1;
            double seatY = base - size * 0.6;
            double barX = x + size * 0.24;
            double barY = base - size * 0.66;
            Path2D bike = new Path2D.Double();
            bike.moveTo(rear, hubY);
            bike.lineTo(seatX, seatY);
            bike.lineTo(x, hubY);
            bike.closePath();
            bike.moveTo(seatX, seatY);
            bike.lineTo(barX, barY);
            bike.lineTo(front, hubY);
            bike.moveTo(x, hubY);
            bike.lineTo(barX - size * 0.03, barY + size * 0.05);
            stroke(bike, size * 0.03, acc(3));
            double shoulderX = x + size * 0.08;
            double shoulderY = base - size * 1.0;
            line(seatX, seatY - size * 0.04, x + size * 0.12, base - size * 0.42, size * 0.08, lit(pick(TROUSERS)));
            line(x + size * 0.12, base - size * 0.42, x + size * 0.02, hubY + size * 0.06, size * 0.07, lit(pick(TROUSERS)));
            line(seatX, seatY - size * 0.04, shoulderX, shoulderY, size * 0.14, shirt);
            line(shoulderX, shoulderY + size * 0.03, barX, barY, size * 0.06, shirt);
            oval(shoulderX + size * 0.06, shoulderY - size * 0.12, size * 0.08, size * 0.085, lit(pick(SKIN)));
            fill(acc(1), new Arc2D.Double(shoulderX - size * 0.03, shoulderY - size * 0.23, size * 0.18, size * 0.16, 0, 180,
                    Arc2D.CHORD));
        }

        void bikeGlyph(double x, double y, double size, Color c) {
            stroke(ellipse(x - size, y, size * 0.6, size * 0.3), 4, c);
            stroke(ellipse(x + size, y, size * 0.6, size * 0.3), 4, c);
            Path2D frame = new Path2D.Double();
            frame.moveTo(x - size, y);
            frame.lineTo(x - size * 0.2, y - size * 0.4);
            frame.lineTo(x + size * 0.6, y - size * 0.4);
            frame.lineTo(x + size, y);
            frame.moveTo(x - size * 0.2, y - size * 0.4);
            frame.lineTo(x, y);
            frame.lineTo(x + size * 0.6, y - size * 0.4);
            stroke(frame, 4, c);
        }

        // ------------------------------------------------------------ vehicles and boats

        void vehicle(double x, double base, double len, double ht, Color body, boolean rail) {
            double wr = ht * 0.13;
            double top = base - wr - ht;
            Color glass = m.night || m == Mood.DUSK ? mix(WINDOW_LIT, body, 0.2) : mix(lit(GLASS), m.skyBottom, 0.3);
            oval(x + len / 2, base, len * 0.52, wr * 0.5, alpha(BLACK, 0.25));
            round(x, top, len, ht, rail ? 60 : 34, body);
            rect(x, top + ht * 0.7, len, ht * 0.08, tint(body, 0.5));
            round(x + len * 0.02, top + ht * 0.14, len * 0.96, ht * 0.38, 14, glass);
            for (double px = x + len * 0.1; px < x + len * 0.95; px += len / 9) {
                rect(px, top + ht * 0.14, ht * 0.04, ht * 0.38, body);
            }
            int doors = rail ? 3 : 2;
            for (int k = 0; k < doors; k++) {
                double dx = x + len * (rail ? 0.18 + k * 0.3 : 0.1 + k * 0.55);
                rect(dx, top + ht * 0.12, len * 0.06, ht * 0.82, shade(body, 0.2));
                rect(dx + len * 0.006, top + ht * 0.16, len * 0.048, ht * 0.36, glass);
            }
            rect(x + len * 0.015, top + ht * 0.03, len * 0.97, ht * 0.06, shade(body, 0.25));
            double[] wheels = rail ? new double[] {0.1, 0.2, 0.8, 0.9} : new double[] {0.17, 0.82};
            double radius = rail ? wr * 0.9 : wr * 1.7;
            for (double f : wheels) {
                oval(x + len * f, base - radius * 0.6, radius, radius, lit(new Color(0x1E2228)));
                oval(x + len * f, base - radius * 0.6, radius * 0.45, radius * 0.45, lit(new Color(0x9AA0A6)));
            }
            if (m.night) {
                glow(x + len - 10, top + ht * 0.75, 90, WINDOW_LIT, 0.6);
            }
        }

        void sailboat(double x, double y, double size, Color sail) {
            oval(x, y + size * 0.2, size * 0.9, size * 0.08, alpha(BLACK, 0.18));
            poly(lit(CREAM), x - size, y - size * 0.15, x + size, y - size * 0.15, x + size * 0.7, y + size * 0.12,
                    x - size * 0.75, y + size * 0.12);
            rect(x - size * 0.9, y - size * 0.06, size * 1.75, size * 0.05, sail);
            line(x, y - size * 0.15, x, y - size * 1.6, Math.max(1.5, size * 0.04), lit(DARK));
            poly(tint(sail, 0.75), x + size * 0.06, y - size * 1.55, x + size * 0.06, y - size * 0.25, x + size * 0.9,
                    y - size * 0.25);
            poly(tint(sail, 0.3), x - size * 0.06, y - size * 1.35, x - size * 0.06, y - size * 0.3, x - size * 0.7,
                    y - size * 0.3);
        }

        void ferryBoat(double x, double y, double len) {
            double u = len / 100;
            Color white = lit(new Color(0xF4F1EA));
            Color glass = m.night || m == Mood.DUSK ? WINDOW_LIT : lit(new Color(0x34495E));
            oval(x + len / 2, y + 5 * u, len * 0.55, 2.5 * u, alpha(BLACK, 0.25));
            poly(lit(new Color(0x27364A)), x, y - 9 * u, x + len, y - 9 * u, x + len - 7 * u, y + 4 * u, x + 5 * u, y + 4 * u);
            rect(x + 1 * u, y - 6 * u, len - 4 * u, 2 * u, acc(0));
            round(x + 6 * u, y - 20 * u, 84 * u, 11.5 * u, 2 * u, white);
            round(x + 18 * u, y - 29 * u, 58 * u, 10 * u, 2 * u, white);
            round(x + 62 * u, y - 36 * u, 16 * u, 8 * u, 2 * u, white);
            for (double wx = x + 9 * u; wx < x + 87 * u; wx += 4 * u) {
                rect(wx, y - 17 * u, 2.6 * u, 3.5 * u, glass);
            }
            for (double wx = x + 21 * u; wx < x + 74 * u; wx += 4 * u) {
                rect(wx, y - 26.5 * u, 2.6 * u, 3.2 * u, glass);
            }
            rect(x + 63.5 * u, y - 34 * u, 13 * u, 3 * u, glass);
            poly(acc(1), x + 38 * u, y - 29 * u, x + 47 * u, y - 29 * u, x + 46 * u, y - 42 * u, x + 40 * u, y - 42 * u);
            rect(x + 40 * u, y - 42 * u, 6 * u, 2 * u, lit(DARK));
            line(x + 70 * u, y - 36 * u, x + 70 * u, y - 46 * u, 0.5 * u, lit(DARK));
        }

        void wake(double x, double y, double len) {
            Color foam = alpha(WHITE, 0.5);
            poly(alpha(WHITE, 0.25), x - 30, y - 6, x + len, y - 30, x + len, y + 40);
            for (int i = 0; i < 12; i++) {
                double t = i / 12.0;
                line(x + t * len, y + rnd(-8, 8) - t * 20, x + t * len + 60, y + rnd(-8, 8) - t * 10, 3, foam);
            }
        }

        void shell(double x, double y, double len, int rowers, double size, Color kit) {
            oval(x + len / 2, y + size * 0.1, len * 0.5, size * 0.06, alpha(BLACK, 0.25));
            poly(lit(new Color(0xF2EEE4)), x, y - size * 0.04, x + len * 0.5, y - size * 0.1, x + len, y - size * 0.05,
                    x + len * 0.5, y + size * 0.07);
            for (int i = 0; i < rowers; i++) {
                double rx = x + len * (0.14 + 0.72 * i / Math.max(1, rowers - 1));
                line(rx + size * 0.15, y - size * 0.42, rx + size * 0.95, y + size * 0.12, size * 0.04, lit(DARK));
                poly(acc(3), rx + size * 0.9, y + size * 0.06, rx + size * 1.08, y + size * 0.16, rx + size * 1.0,
                        y + size * 0.22, rx + size * 0.86, y + size * 0.12);
                oval(rx + size * 1.02, y + size * 0.18, size * 0.2, size * 0.04, alpha(WHITE, 0.5));
                line(rx, y - size * 0.08, rx - size * 0.18, y - size * 0.62, size * 0.2, kit);
                line(rx - size * 0.1, y - size * 0.5, rx + size * 0.15, y - size * 0.42, size * 0.08, kit);
                oval(rx - size * 0.22, y - size * 0.8, size * 0.1, size * 0.11, lit(pick(SKIN)));
            }
        }

        void hull(double x, double y, double len) {
            Color grey = lit(new Color(0x4D5866));
            oval(x + len / 2, y + 6, len * 0.5, 10, alpha(BLACK, 0.3));
            poly(grey, x, y - 190, x + len, y - 210, x + len * 0.94, y, x + len * 0.04, y);
            rect(x + len * 0.02, y - 40, len * 0.94, 40, lit(new Color(0x8E2F2A)));
            rect(x + len * 0.02, y - 196, len * 0.96, 10, tint(grey, 0.3));
            Color scaffold = alpha(lit(new Color(0xC9A24A)), 0.8);
            for (double sx = x + 40; sx < x + len * 0.6; sx += 50) {
                line(sx, y - 230, sx, y, 3, scaffold);
            }
            for (double sy = y - 220; sy < y; sy += 45) {
                line(x + 40, sy, x + len * 0.6 - 10, sy, 3, scaffold);
            }
            rect(x + len * 0.7, y - 300, len * 0.22, 110, lit(CREAM));
            for (double wx = x + len * 0.72; wx < x + len * 0.9; wx += 28) {
                rect(wx, y - 280, 16, 14, m.night ? WINDOW_LIT : lit(DARK));
                rect(wx, y - 240, 16, 14, m.night ? WINDOW_LIT : lit(DARK));
            }
        }

        void gantry(double x, double span, double top, double base, Color c) {
            rect(x, top, 26, base - top, c);
            rect(x + span - 26, top, 26, base - top, c);
            rect(x - 20, top - 10, span + 40, 40, c);
            rect(x + span * 0.4, top + 30, 50, 36, shade(c, 0.25));
            line(x + span * 0.4 + 25, top + 66, x + span * 0.4 + 25, top + 200, 3, lit(DARK));
            rect(x + span * 0.4 - 5, top + 200, 60, 40, lit(new Color(0x6E7C8A)));
        }

        void towerCrane(double x, double base, double ht, Color c) {
            double top = base - ht;
            lattice(x - 14, top, 28, ht, c);
            rect(x - 260, top - 14, 420, 16, c);
            for (double jx = x - 250; jx < x + 150; jx += 24) {
                line(jx, top - 14, jx + 12, top - 36, 2.5, c);
                line(jx + 12, top - 36, jx + 24, top - 14, 2.5, c);
            }
            rect(x + 100, top + 2, 60, 40, lit(new Color(0x6E7C8A)));
            rect(x - 14, top + 10, 36, 30, lit(CREAM));
            line(x - 200, top + 2, x - 200, top + 240, 2.5, lit(DARK));
            rect(x - 215, top + 240, 30, 14, lit(DARK));
        }

        void lattice(double x, double top, double lw, double ht, Color c) {
            line(x, top, x, top + ht, 4, c);
            line(x + lw, top, x + lw, top + ht, 4, c);
            for (double y = top; y < top + ht - lw; y += lw) {
                line(x, y, x + lw, y + lw, 2.5, c);
                line(x, y + lw, x + lw, y + lw, 2, c);
            }
        }

        void containers(double x, double base, double span) {
            double cw = 130;
            double ch = 60;
            for (int row = 0; row < 3; row++) {
                for (double cx = x + row * 30; cx + cw < x + span; cx += cw + 4) {
                    if (r.nextInt(5) != 0) {
                        Color c = acc(r.nextInt(4));
                        double y = base - (row + 1) * ch;
                        rect(cx, y, cw, ch - 2, c);
                        for (double rx = cx + 8; rx < cx + cw - 4; rx += 10) {
                            line(rx, y + 5, rx, y + ch - 7, 2, shade(c, 0.2));
                        }
                    }
                }
            }
        }

        // ------------------------------------------------------------ bridges

        void suspensionBridge(double hz) {
            Color steel = layer(acc(0), 0.85);
            double deck = hz - 90;
            double t1 = w * 0.22;
            double t2 = w * 0.78;
            double towerTop = hz - 400;
            double sag = deck - 30;
            Path2D cable = new Path2D.Double();
            cable.moveTo(-20, deck - 20);
            cable.quadTo(t1 * 0.6, deck - 40, t1, towerTop);
            cable.quadTo(w / 2, sag + (sag - towerTop), t2, towerTop);
            cable.quadTo(t2 + (w - t2) * 0.4, deck - 40, w + 20, deck - 20);
            stroke(cable, 5, steel);
            for (double x = t1 + 25; x < t2; x += 28) {
                double t = (x - t1) / (t2 - t1);
                double cy = (1 - t) * (1 - t) * towerTop + 2 * (1 - t) * t * (2 * sag - towerTop) + t * t * towerTop;
                line(x, cy, x, deck, 1.5, steel);
            }
            for (double tx : new double[] {t1, t2}) {
                rect(tx - 16, towerTop, 12, hz - towerTop, steel);
                rect(tx + 4, towerTop, 12, hz - towerTop, steel);
                rect(tx - 16, towerTop + 30, 32, 12, steel);
                rect(tx - 16, deck - 110, 32, 12, steel);
            }
            rect(-10, deck, w + 20, 18, shade(steel, 0.3));
        }

        void archBridge(double hz) {
            Color stone = layer(STONE, 0.85);
            double deck = hz - 140;
            Area body = new Area(new Rectangle2D.Double(-10, deck, w + 20, hz - deck));
            int arches = Math.max(3, (int) (w / 300));
            double span = (w + 20) / arches;
            for (int i = 0; i < arches; i++) {
                double ax = -10 + i * span + span * 0.12;
                double aw = span * 0.76;
                body.subtract(new Area(new Ellipse2D.Double(ax, deck + 30, aw, (hz - deck - 30) * 2)));
            }
            fill(stone, body);
            rect(-10, deck - 14, w + 20, 14, shade(stone, 0.15));
            for (double x = 0; x < w; x += 36) {
                rect(x, deck - 34, 8, 20, shade(stone, 0.15));
            }
            rect(-10, deck - 38, w + 20, 6, shade(stone, 0.15));
        }

        // ------------------------------------------------------------ nature

        void tree(double x, double base, double size, Color leaf) {
            Color trunk = mix(lit(TRUNK), leaf, 0.2);
            rect(x - size * 0.05, base - size * 0.55, size * 0.1, size * 0.55, trunk);
            oval(x, base - size * 0.72, size * 0.36, size * 0.32, leaf);
            oval(x - size * 0.22, base - size * 0.58, size * 0.24, size * 0.2, leaf);
            oval(x + size * 0.22, base - size * 0.6, size * 0.26, size * 0.21, leaf);
            oval(x - size * 0.08, base - size * 0.82, size * 0.2, size * 0.16, tint(leaf, 0.12));
            oval(x + size * 0.16, base - size * 0.52, size * 0.16, size * 0.1, shade(leaf, 0.1));
        }

        void pine(double x, double base, double size, Color c) {
            rect(x - size * 0.03, base - size * 0.15, size * 0.06, size * 0.15, mix(lit(TRUNK), c, 0.4));
            for (int i = 0; i < 3; i++) {
                double y = base - size * (0.12 + i * 0.27);
                double half = size * (0.26 - i * 0.06);
                poly(i == 1 ? tint(c, 0.05) : c, x - half, y, x + half, y, x, y - size * 0.45);
            }
        }

        void bankTrees(double hz, Shape river) {
            for (int i = 0; i < 26; i++) {
                double t = Math.pow(r.nextDouble(), 1.4);
                double y = hz + 8 + t * (H - hz);
                double x = rnd(0, w);
                double size = 40 + t * 300;
                if (!river.intersects(x - size * 0.4, y - size * 0.2, size * 0.8, size * 0.2)) {
                    tree(x, y, size, layer(pick(LEAVES), 0.6 + t * 0.4));
                }
            }
        }

        void sunflower(double x, double base, double ht) {
            line(x, base, x, base - ht, 6, lit(new Color(0x4E7A35)));
            oval(x + 16, base - ht * 0.5, 16, 8, lit(new Color(0x4E7A35)));
            for (int i = 0; i < 12; i++) {
                double a = i * Math.PI / 6;
                oval(x + Math.cos(a) * 22, base - ht + Math.sin(a) * 22, 12, 12, lit(new Color(0xF4C430)));
            }
            oval(x, base - ht, 18, 18, lit(new Color(0x6B4226)));
        }

        void flower(double x, double base, double ht, Color c) {
            line(x, base, x, base - ht, 3, lit(new Color(0x4E7A35)));
            oval(x - 8, base - ht * 0.45, 8, 4, lit(new Color(0x5E8A40)));
            double rad = 6 + ht * 0.1;
            for (int i = 0; i < 5; i++) {
                double a = i * Math.PI * 2 / 5;
                oval(x + Math.cos(a) * rad, base - ht + Math.sin(a) * rad, rad * 0.8, rad * 0.8, c);
            }
            oval(x, base - ht, rad * 0.6, rad * 0.6, lit(new Color(0xF7D774)));
        }

        void fence(double top, double base) {
            Color wood = lit(new Color(0xD8C3A0));
            rect(0, top + 50, w, 14, shade(wood, 0.1));
            rect(0, base - 70, w, 14, shade(wood, 0.1));
            for (double x = w * 0.26; x < w; x += 34) {
                poly(wood, x, base, x + 24, base, x + 24, top + 10, x + 12, top, x, top + 10);
            }
        }

        void shed(double x, double base, double size) {
            Color wall = acc(2);
            rect(x, base - size * 0.8, size, size * 0.8, wall);
            for (double px = x; px < x + size; px += size / 8) {
                line(px, base - size * 0.8, px, base, 2, shade(wall, 0.2));
            }
            poly(lit(ROOF), x - 20, base - size * 0.78, x + size + 20, base - size * 0.78, x + size / 2, base - size * 1.15);
            rect(x + size * 0.35, base - size * 0.55, size * 0.3, size * 0.55, shade(wall, 0.35));
            rect(x + size * 0.72, base - size * 0.6, size * 0.18, size * 0.16, m.night ? WINDOW_LIT : lit(GLASS));
        }

        void turbine(double x, double base, double size, double depth) {
            Color c = layer(new Color(0xF2F2EE), depth);
            double hub = base - size;
            poly(c, x - size * 0.03, base, x + size * 0.03, base, x + size * 0.012, hub, x - size * 0.012, hub);
            round(x - size * 0.02, hub - size * 0.03, size * 0.09, size * 0.05, size * 0.03, c);
            double angle = rnd(0, Math.PI * 2);
            AffineTransform saved = g.getTransform();
            for (int i = 0; i < 3; i++) {
                g.translate(x, hub);
                g.rotate(angle + i * Math.PI * 2 / 3);
                poly(c, 0, -size * 0.025, size * 0.1, -size * 0.035, size * 0.62, -size * 0.008, size * 0.62, 0, 0, size * 0.02);
                g.setTransform(saved);
            }
            oval(x, hub, size * 0.028, size * 0.028, shade(c, 0.1));
        }

        // ------------------------------------------------------------ street furniture and interiors

        void clock(double x, double y, double rad) {
            oval(x, y, rad + 6, rad + 6, lit(DARK));
            oval(x, y, rad, rad, lit(CREAM));
            double minute = rnd(0, Math.PI * 2);
            double hour = rnd(0, Math.PI * 2);
            line(x, y, x + Math.sin(minute) * rad * 0.8, y - Math.cos(minute) * rad * 0.8, rad * 0.08, lit(DARK));
            line(x, y, x + Math.sin(hour) * rad * 0.5, y - Math.cos(hour) * rad * 0.5, rad * 0.12, lit(DARK));
        }

        void gauge(double x, double top, double ht) {
            rect(x - 14, top, 28, ht, lit(CREAM));
            for (double y = top; y < top + ht; y += 30) {
                rect(x - 14, y, 28, 15, lit(new Color(0xC8342E)));
            }
            stroke(new Rectangle2D.Double(x - 14, top, 28, ht), 3, lit(DARK));
        }

        void umbrella(double x, double base, double size, Color c) {
            line(x, base, x - size * 0.1, base - size * 1.1, 5, lit(CREAM));
            int panels = 6;
            for (int i = 0; i < panels; i++) {
                fill(i % 2 == 0 ? c : lit(CREAM), new Arc2D.Double(x - size * 0.75, base - size * 1.4, size * 1.5, size * 0.7,
                        i * 180.0 / panels, 180.0 / panels, Arc2D.PIE));
            }
            oval(x - size * 0.1, base - size * 1.42, 5, 5, lit(CREAM));
        }

        void bench(double x, double base, double size) {
            Color wood = lit(WOOD);
            Color iron = lit(DARK);
            rect(x, base - size * 0.32, size, size * 0.07, wood);
            rect(x, base - size * 0.55, size, size * 0.07, wood);
            rect(x, base - size * 0.44, size, size * 0.07, wood);
            rect(x + size * 0.08, base - size * 0.55, size * 0.04, size * 0.55, iron);
            rect(x + size * 0.88, base - size * 0.55, size * 0.04, size * 0.55, iron);
        }

        void lampPost(double x, double base, double ht) {
            line(x, base, x, base - ht, 8, lit(DARK));
            oval(x, base - ht - 14, 20, 22, m.night || m == Mood.DUSK ? WINDOW_LIT : lit(CREAM));
            if (m.night || m == Mood.DUSK) {
                glow(x, base - ht - 14, 140, WINDOW_LIT, 0.5);
            }
        }

        void plantPot(double x, double base, double size) {
            for (int i = 0; i < 6; i++) {
                double a = Math.PI * (0.15 + i * 0.14);
                oval(x - Math.cos(a) * size * 0.35, base - size * 0.5 - Math.sin(a) * size * 0.4, size * 0.12, size * 0.3,
                        lit(LEAVES[i % LEAVES.length]));
            }
            poly(lit(new Color(0xB8643C)), x - size * 0.3, base - size * 0.5, x + size * 0.3, base - size * 0.5,
                    x + size * 0.22, base, x - size * 0.22, base);
        }

        void awning(double x, double y, double aw, double ah, Color c) {
            int stripes = Math.max(6, (int) (aw / 70));
            double sw = aw / stripes;
            double inset = 16;
            double tw = (aw - inset * 2) / stripes;
            for (int i = 0; i < stripes; i++) {
                Color sc = i % 2 == 0 ? c : lit(CREAM);
                poly(sc, x + inset + i * tw, y, x + inset + (i + 1) * tw + 0.5, y, x + (i + 1) * sw + 0.5, y + ah, x + i * sw, y + ah);
                fill(sc, new Arc2D.Double(x + i * sw, y + ah - sw * 0.22, sw + 0.5, sw * 0.44, 180, 180, Arc2D.CHORD));
            }
            rect(x + inset, y - 6, aw - inset * 2, 8, shade(c, 0.3));
        }

        void stall(double x, double base, double sw, int i) {
            Color wood = lit(WOOD);
            rect(x + 8, base - 330, 12, 330, wood);
            rect(x + sw - 20, base - 330, 12, 330, wood);
            rect(x, base - 110, sw, 110, shade(wood, 0.15));
            rect(x, base - 110, sw, 30, acc(i + 2));
            for (double cx = x + 20; cx < x + sw - 60; cx += 70) {
                Color fruit = lit(pick(PRODUCE));
                rect(cx, base - 140, 62, 30, lit(new Color(0xC8A374)));
                for (int k = 0; k < 4; k++) {
                    oval(cx + 10 + k * 14, base - 142 - (k % 2) * 6, 11, 11, fruit);
                }
            }
            awning(x - 14, base - 350, sw + 28, 70, acc(i));
        }

        void shopWindow(double x, double y, double ww, double wh) {
            Color inside = m.night || m == Mood.DUSK ? mix(WINDOW_LIT, CREAM, 0.4) : lit(new Color(0xDCE6EA));
            gradient(x, y, ww, wh, inside, shade(inside, 0.2));
            for (int shelf = 0; shelf < 3; shelf++) {
                double sy = y + 110 + shelf * 110;
                rect(x, sy, ww, 8, lit(WOOD));
                for (double ix = x + 20; ix < x + ww - 40; ix += rnd(36, 60)) {
                    double ih = rnd(40, 80);
                    round(ix, sy - ih, 28, ih, 8, acc(r.nextInt(6)));
                }
            }
            poly(alpha(WHITE, 0.18), x + ww * 0.55, y, x + ww * 0.75, y, x + ww * 0.35, y + wh, x + ww * 0.15, y + wh);
            stroke(new Rectangle2D.Double(x, y, ww, wh), 10, lit(DARK));
        }

        void door(double x, double y, double dw, double dh) {
            rect(x, y, dw, dh, acc(2));
            rect(x + dw * 0.15, y + dh * 0.1, dw * 0.7, dh * 0.45, m.night ? WINDOW_LIT : lit(GLASS));
            oval(x + dw * 0.82, y + dh * 0.62, 8, 8, lit(new Color(0xD4AF37)));
        }

        void lamp(double x, double drop) {
            line(x, 0, x, drop, 3, lit(DARK));
            fill(acc(1), new Arc2D.Double(x - 60, drop - 10, 120, 90, 0, 180, Arc2D.CHORD));
            glow(x, drop + 40, 220, WINDOW_LIT, 0.35);
        }

        void loaves(double shelf, int row) {
            Color crust = lit(new Color(row == 1 ? 0xB8733A : 0xC98A4B));
            double size = 46 + row * 4;
            for (double x = rnd(10, 40); x < w - 60; ) {
                int kind = r.nextInt(3);
                double lw = kind == 0 ? size * 0.8 : size * 1.1;
                Color c = mix(crust, new Color(0x7A4520), rnd(0, 0.35));
                if (kind == 2) {
                    basket(x + lw, shelf, size, c);
                } else {
                    oval(x + lw, shelf - size * 0.5, lw, size * (kind == 0 ? 0.5 : 0.45), c);
                    oval(x + lw * 0.9, shelf - size * 0.7, lw * 0.6, size * 0.16, tint(c, 0.18));
                    for (int k = -1; k <= 1; k++) {
                        double sx = x + lw + k * lw * 0.4;
                        line(sx - 6, shelf - size * 0.75, sx + 6, shelf - size * 0.5, 3, shade(c, 0.3));
                    }
                }
                x += lw * 2 + rnd(14, 40);
            }
        }

        void basket(double x, double shelf, double size, Color bread) {
            for (int i = -2; i <= 2; i++) {
                line(x + i * size * 0.18, shelf - size * 0.4, x + i * size * 0.3, shelf - size * 1.9, size * 0.2, bread);
            }
            poly(lit(new Color(0x8C6239)), x - size * 0.9, shelf - size * 0.6, x + size * 0.9, shelf - size * 0.6,
                    x + size * 0.7, shelf, x - size * 0.7, shelf);
            line(x - size * 0.8, shelf - size * 0.35, x + size * 0.8, shelf - size * 0.35, 3, lit(new Color(0x6B4A2B)));
        }

        void pastries(double y) {
            Color crust = lit(new Color(0xD69A4E));
            for (double x = 40; x < w - 40; x += 95) {
                if (r.nextBoolean()) {
                    stroke(new Arc2D.Double(x, y - 20, 70, 50, 20, 140, Arc2D.OPEN), 18, crust);
                } else {
                    oval(x + 35, y, 32, 20, tint(crust, 0.1));
                    oval(x + 35, y - 6, 14, 9, acc(r.nextInt(2)));
                }
            }
        }

        void desk(double cx, double top, int i) {
            Color screen = m.night ? mix(acc(i), WHITE, 0.5) : mix(acc(i), WHITE, 0.7);
            rect(cx - 130, top - 180, 150, 110, lit(DARK));
            rect(cx - 122, top - 172, 134, 94, screen);
            rect(cx - 60, top - 70, 10, 70, lit(DARK));
            bust(cx + 100, top + 20, 150, acc(i + 3), 1);
            rect(cx - 230, top, 460, 20, lit(new Color(0xD9CDBA)));
            rect(cx - 220, top + 20, 14, 180, lit(new Color(0x7F858F)));
            rect(cx + 206, top + 20, 14, 180, lit(new Color(0x7F858F)));
            round(cx - 200, top - 16, 60, 16, 6, lit(CREAM));
        }

        void bookcase(double x, double y, double bw, double bh) {
            Color wood = shade(lit(WOOD), 0.35);
            rect(x, y, bw, bh, wood);
            for (double sy = y + 14; sy + 110 < y + bh; sy += 124) {
                rect(x + 10, sy, bw - 20, 110, shade(wood, 0.4));
                double bx = x + 12;
                while (bx < x + bw - 34) {
                    double bk = rnd(12, 24);
                    double ht = rnd(70, 104);
                    Color c = mix(acc(r.nextInt(6)), DARK, rnd(0, 0.35));
                    rect(bx, sy + 110 - ht, bk, ht, c);
                    rect(bx, sy + 110 - ht + 10, bk, 4, tint(c, 0.35));
                    bx += bk + 1.5;
                }
                rect(x, sy + 110, bw, 14, wood);
            }
        }

        void readingLamp(double x, double base) {
            Color brass = lit(new Color(0xC9A44C));
            line(x, base, x, base - 120, 6, brass);
            oval(x, base - 4, 30, 8, brass);
            fill(lit(new Color(0x2F6B4F)), new Arc2D.Double(x - 60, base - 170, 120, 100, 0, 180, Arc2D.CHORD));
            glow(x, base - 110, 260, WINDOW_LIT, 0.45);
        }

        void painting(double x, double y, double pw, double ph, int i) {
            rect(x - 14, y - 14, pw + 28, ph + 28, i % 2 == 0 ? lit(new Color(0xC9A44C)) : lit(DARK));
            Color bg = tint(acc(i + 3), 0.3);
            rect(x, y, pw, ph, bg);
            if (i % 2 == 0) {
                gradient(x, y, pw, ph * 0.6, tint(acc(i), 0.6), tint(acc(i + 1), 0.4));
                poly(shade(acc(i + 4), 0.1), x, y + ph, x, y + ph * 0.6, x + pw * 0.4, y + ph * 0.45, x + pw, y + ph * 0.7,
                        x + pw, y + ph);
                oval(x + pw * 0.7, y + ph * 0.25, pw * 0.1, pw * 0.1, acc(1));
            } else {
                oval(x + pw * 0.35, y + ph * 0.4, pw * 0.22, pw * 0.22, acc(i));
                rect(x + pw * 0.45, y + ph * 0.45, pw * 0.4, ph * 0.35, acc(i + 2));
                poly(acc(i + 1), x + pw * 0.1, y + ph * 0.9, x + pw * 0.5, y + ph * 0.9, x + pw * 0.3, y + ph * 0.55);
            }
            glow(x + pw / 2, y - 20, pw * 0.8, WHITE, 0.25);
        }

        void pedestal(double x, double base) {
            Color white = lit(new Color(0xF4F1EA));
            rect(x - 50, base - 180, 100, 180, white);
            rect(x + 30, base - 180, 20, 180, shade(white, 0.1));
            Color vase = acc(2);
            oval(x, base - 250, 46, 60, vase);
            rect(x - 18, base - 330, 36, 40, vase);
            oval(x, base - 330, 26, 8, shade(vase, 0.3));
            rect(x - 30, base - 196, 60, 16, vase);
        }

        void curtain(double x, double cw, boolean left) {
            Color red = lit(new Color(0xA3232E));
            int folds = 5;
            double fw = cw / folds;
            for (int i = 0; i < folds; i++) {
                double fx = x + i * fw;
                g.setPaint(new GradientPaint((float) fx, 0, shade(red, 0.45), (float) (fx + fw), 0, tint(red, 0.1)));
                double drape = left ? i * 12 : (folds - 1 - i) * 12;
                g.fill(new Rectangle2D.Double(fx, 0, fw + 1, 720 - drape));
            }
        }

        void valance() {
            Color red = lit(new Color(0x8E1D27));
            rect(0, 0, w, 70, red);
            for (double x = 0; x < w; x += 80) {
                fill(red, new Arc2D.Double(x, 30, 80, 80, 180, 180, Arc2D.CHORD));
            }
            rect(0, 0, w, 12, lit(new Color(0xC9A44C)));
        }

        void spotlight(double x, double floor, double rad) {
            poly(alpha(new Color(0xFFF1C9), 0.18), x - 30, 0, x + 30, 0, x + rad, floor, x - rad, floor);
            oval(x, floor, rad, rad * 0.22, alpha(new Color(0xFFF1C9), 0.35));
        }

        void piano(double x, double base, double size, Color ink) {
            poly(ink, x - size * 0.6, base - size * 0.55, x + size * 0.3, base - size * 0.55, x + size * 0.7, base - size * 0.45,
                    x + size * 0.7, base - size * 0.38, x - size * 0.6, base - size * 0.38);
            line(x - size * 0.5, base - size * 0.4, x - size * 0.5, base, size * 0.05, ink);
            line(x + size * 0.55, base - size * 0.4, x + size * 0.55, base, size * 0.05, ink);
            line(x + size * 0.3, base - size * 0.55, x - size * 0.2, base - size * 0.95, size * 0.02, ink);
            rect(x + size * 0.72, base - size * 0.35, size * 0.14, size * 0.35, ink);
            oval(x + size * 0.8, base - size * 0.75, size * 0.11, size * 0.12, ink);
            round(x + size * 0.68, base - size * 0.65, size * 0.24, size * 0.32, size * 0.1, ink);
            line(x + size * 0.72, base - size * 0.55, x + size * 0.6, base - size * 0.42, size * 0.06, ink);
        }

        void bassist(double x, double base, double size, Color ink) {
            figureSilhouette(x - size * 0.15, base, size, ink);
            Color bass = mix(ink, new Color(0x6B3A1F), 0.35);
            oval(x + size * 0.05, base - size * 0.28, size * 0.17, size * 0.2, bass);
            oval(x + size * 0.05, base - size * 0.55, size * 0.13, size * 0.15, bass);
            line(x + size * 0.05, base - size * 0.6, x + size * 0.05, base - size * 1.15, size * 0.03, bass);
            line(x + size * 0.05, base - size * 0.08, x + size * 0.05, base, size * 0.015, ink);
        }

        void saxophonist(double x, double base, double size, Color ink) {
            figureSilhouette(x, base, size, ink);
            Path2D sax = new Path2D.Double();
            sax.moveTo(x - size * 0.02, base - size * 0.82);
            sax.lineTo(x - size * 0.12, base - size * 0.45);
            sax.quadTo(x - size * 0.14, base - size * 0.3, x - size * 0.02, base - size * 0.32);
            sax.lineTo(x + size * 0.06, base - size * 0.42);
            stroke(sax, size * 0.05, lit(new Color(0xD9A441)));
            oval(x + size * 0.07, base - size * 0.44, size * 0.04, size * 0.04, lit(new Color(0xD9A441)));
        }

        void figureSilhouette(double x, double base, double size, Color ink) {
            line(x - size * 0.05, base - size * 0.45, x - size * 0.08, base, size * 0.07, ink);
            line(x + size * 0.05, base - size * 0.45, x + size * 0.08, base, size * 0.07, ink);
            round(x - size * 0.11, base - size * 0.82, size * 0.22, size * 0.42, size * 0.1, ink);
            oval(x, base - size * 0.92, size * 0.075, size * 0.085, ink);
        }

        void micStand(double x, double base, double ht, Color ink) {
            line(x, base, x, base - ht, 4, ink);
            line(x - 30, base, x + 30, base, 5, ink);
            oval(x, base - ht, 10, 14, ink);
        }

        void lantern(double x, double y, double size, Color c) {
            glow(x, y, size * 4, c, 0.45);
            line(x, y - size * 1.2, x, y - size * 0.9, 2, lit(DARK));
            oval(x, y, size * 0.85, size, tint(c, 0.15));
            oval(x - size * 0.2, y - size * 0.2, size * 0.3, size * 0.4, alpha(WHITE, 0.35));
            rect(x - size * 0.4, y - size * 1.05, size * 0.8, size * 0.18, lit(DARK));
            rect(x - size * 0.4, y + size * 0.9, size * 0.8, size * 0.18, lit(DARK));
        }

        // ------------------------------------------------------------ sport

        void stands(double bottom) {
            Color stand = lit(new Color(0x39404C));
            rect(0, 0, w, bottom, stand);
            crowdDots(30, bottom - 20, stand);
            rect(0, 0, w, 24, shade(stand, 0.4));
            double boardW = 220;
            for (double x = 0; x < w; x += boardW) {
                rect(x, bottom - 30, boardW - 4, 34, acc((int) (x / boardW)));
            }
        }

        void crowdDots(double top, double bottom, Color stand) {
            for (double y = top; y < bottom; y += 20) {
                rect(0, y + 12, w, 4, shade(stand, 0.25));
                for (double x = rnd(0, 10); x < w; x += rnd(14, 22)) {
                    Color c = mix(acc(r.nextInt(6)), stand, 0.45);
                    oval(x, y, 6, 7, c);
                }
            }
        }

        void pitch(double top, Color grass) {
            int stripes = 8;
            double y = top;
            for (int i = 0; i < stripes; i++) {
                double bh = (H - top) * (0.06 + 0.035 * i);
                rect(0, y, w, bh + 1, i % 2 == 0 ? grass : tint(grass, 0.08));
                y += bh;
            }
        }

        void goal(double x, double top) {
            Color post = lit(WHITE);
            Path2D net = new Path2D.Double();
            for (int i = 0; i <= 8; i++) {
                net.moveTo(x + i * 12, top + i * 6);
                net.lineTo(x + i * 12 - 40, top + i * 6 + 180);
            }
            stroke(net, 1.5, alpha(WHITE, 0.6));
            line(x, top, x, top + 200, 7, post);
            line(x + 100, top + 50, x + 100, top + 250, 7, post);
            line(x, top, x + 100, top + 50, 7, post);
        }

        void ball(double x, double y, double rad) {
            oval(x + rad * 0.4, y + rad * 1.3, rad, rad * 0.3, alpha(BLACK, 0.2));
            if (rad > 20) {
                oval(x, y, rad, rad, lit(new Color(0xE07A2E)));
                line(x - rad, y, x + rad, y, 2, lit(DARK));
                line(x, y - rad, x, y + rad, 2, lit(DARK));
                stroke(new Arc2D.Double(x - rad * 1.6, y - rad, rad * 2, rad * 2, -60, 120, Arc2D.OPEN), 2, lit(DARK));
                stroke(new Arc2D.Double(x - rad * 0.4, y - rad, rad * 2, rad * 2, 120, 120, Arc2D.OPEN), 2, lit(DARK));
                return;
            }
            oval(x, y, rad, rad, WHITE);
            oval(x, y, rad * 0.35, rad * 0.35, lit(DARK));
            oval(x - rad * 0.7, y - rad * 0.4, rad * 0.2, rad * 0.2, lit(DARK));
            oval(x + rad * 0.7, y + rad * 0.3, rad * 0.2, rad * 0.2, lit(DARK));
        }

        void hoop(double x, double y) {
            rect(x + 140, y, 18, 560 - y, lit(DARK));
            rect(x + 40, y + 20, 110, 14, lit(DARK));
            rect(x - 90, y - 80, 180, 130, alpha(WHITE, 0.9));
            stroke(new Rectangle2D.Double(x - 90, y - 80, 180, 130), 6, lit(DARK));
            stroke(new Rectangle2D.Double(x - 35, y - 10, 70, 50), 5, acc(0));
            Path2D net = new Path2D.Double();
            for (int i = 0; i <= 5; i++) {
                net.moveTo(x - 45 + i * 18, y + 55);
                net.lineTo(x - 28 + i * 11, y + 120);
            }
            stroke(net, 2, alpha(WHITE, 0.9));
            stroke(ellipse(x, y + 55, 46, 9), 5, lit(new Color(0xE0502A)));
        }

        void hopscotch(double x, double y) {
            Color chalk = alpha(WHITE, 0.75);
            for (int i = 0; i < 5; i++) {
                stroke(new Rectangle2D.Double(x + i * 60, y, 60, 60), 3, chalk);
            }
            stroke(ellipse(x + 340, y + 30, 30, 30), 3, chalk);
        }

        void laneRope(double y) {
            Color[] colors = {lit(new Color(0xD93B3B)), lit(WHITE), lit(new Color(0x2E6BD9))};
            for (double x = 0; x < w; x += 16) {
                oval(x, y, 8, 7, colors[(int) (x / 16) % 3]);
            }
        }

        void swimmer(double x, double y, double size, Color cap) {
            oval(x + size * 1.2, y, size * 1.4, size * 0.35, alpha(WHITE, 0.35));
            oval(x + size * 0.8, y, size * 0.9, size * 0.22, alpha(mix(lit(SKIN[1]), lit(WATER), 0.5), 0.7));
            line(x, y, x - size * 0.9, y - size * 0.3, size * 0.16, lit(SKIN[(int) (x) % SKIN.length]));
            oval(x - size * 0.9, y - size * 0.3, size * 0.25, size * 0.12, alpha(WHITE, 0.6));
            oval(x, y, size * 0.24, size * 0.2, cap);
        }

        void caustics() {
            Color c = alpha(WHITE, 0.14);
            for (int i = 0; i < 28; i++) {
                double y = rnd(130, H);
                double phase = rnd(0, 6);
                Path2D path = new Path2D.Double();
                path.moveTo(0, y);
                for (double x = 0; x <= w; x += 30) {
                    path.lineTo(x, y + 8 * Math.sin(x / 60 + phase));
                }
                stroke(path, 3, c);
            }
        }

        // ------------------------------------------------------------ charts and maps

        Color chartPaper() {
            return m.night ? new Color(0x172033) : new Color(0xF8F5EF);
        }

        Color chartInk() {
            return m.night ? new Color(0xC9D1DE) : new Color(0x39404C);
        }

        Frame chartFrame() {
            rect(0, 0, w, H, chartPaper());
            round(30, 30, w - 60, H - 60, 30, m.night ? new Color(0x1E2A40) : WHITE);
            Frame f = new Frame(190, 110, w - 290, 660);
            Color grid = alpha(chartInk(), 0.15);
            int[] steps = {5, 10, 20, 25, 50, 100, 250};
            int step = steps[r.nextInt(steps.length)];
            for (int i = 0; i <= 4; i++) {
                double y = f.bottom() - f.height() * i / 4;
                line(f.x(), y, f.x() + f.width(), y, 2, grid);
                numeral(Integer.toString(step * i), f.x() - 30, y - 16, 32, alpha(chartInk(), 0.7));
            }
            return f;
        }

        double[] walk(int n, Frame f) {
            double[] ys = new double[n];
            double v = rnd(0.2, 0.5);
            for (int i = 0; i < n; i++) {
                v = Math.max(0.08, Math.min(0.95, v + rnd(-0.14, 0.18)));
                ys[i] = f.bottom() - v * f.height();
            }
            return ys;
        }

        void cityBlocks(boolean dark) {
            Color block = dark ? new Color(0x2A3342) : new Color(0xE2D8C6);
            Color park = dark ? new Color(0x21402F) : new Color(0xC4E0B0);
            for (double y = -20; y < H; y += 110) {
                for (double x = -20; x < w; x += 130) {
                    Color c = r.nextInt(9) == 0 ? park : block;
                    round(x + 14, y + 14, 102, 82, 14, c);
                }
            }
        }

        Path2D coast() {
            Path2D sea = new Path2D.Double();
            double base = w * rnd(0.7, 0.8);
            sea.moveTo(w + 10, -10);
            sea.lineTo(base, -10);
            for (double y = 0; y <= H + 20; y += 30) {
                sea.lineTo(base - y * 0.12 + 30 * Math.sin(y / 70) + 14 * Math.sin(y / 23), y);
            }
            sea.lineTo(w + 10, H + 20);
            sea.closePath();
            return sea;
        }

        Path2D meander() {
            Path2D river = new Path2D.Double();
            double y0 = rnd(150, 350);
            river.moveTo(-40, y0);
            river.curveTo(w * 0.25, y0 + 300, w * 0.4, y0 - 200, w * 0.75, rnd(450, 700));
            return river;
        }

        void roads(boolean dark) {
            Color casing = dark ? new Color(0x111722) : new Color(0xCFC3AE);
            Color road = dark ? new Color(0x4F5B6E) : WHITE;
            Color major = dark ? new Color(0x8A6D3B) : new Color(0xF6CF65);
            for (int i = 0; i < 3; i++) {
                Path2D path = new Path2D.Double();
                double y = rnd(100, 800);
                path.moveTo(-20, y);
                path.quadTo(w * rnd(0.3, 0.6), rnd(0, H), w + 20, rnd(100, 800));
                stroke(path, 26, casing);
                stroke(path, 18, i == 0 ? major : road);
            }
            Path2D rail = new Path2D.Double();
            rail.moveTo(w * rnd(0.2, 0.4), -20);
            rail.lineTo(w * rnd(0.3, 0.6), H + 20);
            stroke(rail, 6, dark ? new Color(0x7A8597) : new Color(0x8A8A8A));
            g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {16, 16}, 0));
            g.setPaint(dark ? new Color(0x1E2633) : WHITE);
            g.draw(rail);
        }

        void pin(double x, double y, Color c) {
            oval(x, y + 4, 18, 6, alpha(BLACK, 0.25));
            poly(c, x - 24, y - 52, x + 24, y - 52, x, y);
            oval(x, y - 62, 30, 30, c);
            oval(x, y - 62, 12, 12, WHITE);
        }

        // ------------------------------------------------------------ portrait parts

        void hair(double cx, int style, Color hair) {
            Area cap = new Area(new Arc2D.Double(cx - 152, 250, 304, 240, 0, 180, Arc2D.CHORD));
            switch (style) {
                case 0 -> cap.add(new Area(new Rectangle2D.Double(cx - 152, 360, 30, 70)));
                case 2 -> cap.add(new Area(ellipse(cx, 255, 70, 60)));
                case 3 -> cap = new Area(new Arc2D.Double(cx - 148, 258, 296, 150, 0, 180, Arc2D.CHORD));
                case 4 -> {
                    for (int i = 0; i < 9; i++) {
                        double a = Math.PI * (i / 8.0);
                        cap.add(new Area(ellipse(cx - Math.cos(a) * 140, 350 - Math.sin(a) * 90, 48, 48)));
                    }
                }
                default -> cap.add(new Area(new Rectangle2D.Double(cx - 160, 360, 40, 220)));
            }
            if (style == 1) {
                cap.add(new Area(new Rectangle2D.Double(cx + 120, 360, 40, 220)));
            }
            fill(style == 3 ? alpha(hair, 0.55) : hair, cap);
        }

        void face(double cx, Color skin, boolean glasses) {
            Color ink = new Color(0x2B2220);
            oval(cx - 55, 450, 13, 15, ink);
            oval(cx + 55, 450, 13, 15, ink);
            line(cx - 78, 412, cx - 32, 406, 7, shade(skin, 0.45));
            line(cx + 32, 406, cx + 78, 412, 7, shade(skin, 0.45));
            stroke(new Arc2D.Double(cx - 14, 470, 28, 40, 200, 140, Arc2D.OPEN), 5, shade(skin, 0.25));
            stroke(new Arc2D.Double(cx - 50, 480, 100, 60, 200, 140, Arc2D.OPEN), 7, new Color(0x9C4A3C));
            oval(cx - 90, 505, 26, 16, alpha(new Color(0xE8737A), 0.3));
            oval(cx + 90, 505, 26, 16, alpha(new Color(0xE8737A), 0.3));
            if (glasses) {
                stroke(ellipse(cx - 55, 450, 38, 32), 6, ink);
                stroke(ellipse(cx + 55, 450, 38, 32), 6, ink);
                line(cx - 17, 448, cx + 17, 448, 6, ink);
            }
        }
    }
}
