package org.masthead.content;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.CustomBlock;

/**
 * A video or map from another site, written {@code ::: embed URL [title]}. It is stored as a
 * placeholder with a link; the frame itself ({@link #frameSrc}) is loaded by consent.js only
 * once the reader allows external media. Only the providers below are recognised.
 */
final class Embed extends CustomBlock {
    /** The frame addresses the sanitizer lets through; the CSP's frame-src names the same hosts. */
    static final Pattern FRAME_SRC = Pattern.compile(
            "https://www\\.youtube-nocookie\\.com/embed/[A-Za-z0-9_-]{11}"
                    + "|https://player\\.vimeo\\.com/video/\\d{1,12}\\?dnt=1"
                    + "|https://www\\.openstreetmap\\.org/export/embed\\.html\\?bbox=[0-9.,-]{7,80}&layer=mapnik&marker=[0-9.,-]{3,40}");
    static final Pattern PROVIDER = Pattern.compile("YouTube|Vimeo|OpenStreetMap");

    private static final Pattern YOUTUBE = Pattern.compile(
            "https?://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/|embed/)|youtu\\.be/)([A-Za-z0-9_-]{11})(?:[&?#].*)?");
    private static final Pattern VIMEO = Pattern.compile("https?://(?:www\\.)?vimeo\\.com/(\\d{1,12})(?:[/?#].*)?");
    private static final Pattern OSM = Pattern.compile(
            "https?://(?:www\\.)?openstreetmap\\.org/.*#map=(\\d{1,2})/(-?\\d{1,2}(?:\\.\\d+)?)/(-?\\d{1,3}(?:\\.\\d+)?)");

    final String provider;
    final boolean map;
    final String frameSrc;
    final String link;
    final String title;

    private Embed(String provider, boolean map, String frameSrc, String link, String title) {
        this.provider = provider;
        this.map = map;
        this.frameSrc = frameSrc;
        this.link = link;
        this.title = title;
    }

    /** The embed for a supported address, or nothing (the line then stays as the editor wrote it). */
    static Optional<Embed> of(String url, String title) {
        Matcher m = YOUTUBE.matcher(url);
        if (m.matches()) {
            return Optional.of(new Embed("YouTube", false, "https://www.youtube-nocookie.com/embed/" + m.group(1),
                    "https://www.youtube.com/watch?v=" + m.group(1), orDefault(title, "Video")));
        }
        m = VIMEO.matcher(url);
        if (m.matches()) {
            return Optional.of(new Embed("Vimeo", false, "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1",
                    "https://vimeo.com/" + m.group(1), orDefault(title, "Video")));
        }
        m = OSM.matcher(url);
        if (m.matches()) {
            return osm(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), title);
        }
        return Optional.empty();
    }

    private static Optional<Embed> osm(int zoom, double lat, double lon, String title) {
        if (zoom < 1 || zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) {
            return Optional.empty();
        }
        // About one map tile's span each way from the centre at this zoom level.
        double span = 360 / Math.pow(2, zoom);
        String bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", lon - span, lat - span / 2, lon + span, lat + span / 2);
        String marker = String.format(Locale.ROOT, "%.5f,%.5f", lat, lon);
        String frame = "https://www.openstreetmap.org/export/embed.html?bbox=" + bbox + "&layer=mapnik&marker=" + marker;
        String link = String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=%d/%.5f/%.5f", lat, lon, zoom, lat, lon);
        return Optional.of(new Embed("OpenStreetMap", true, frame, link, orDefault(title, "Map")));
    }

    private static String orDefault(String title, String fallback) {
        return title == null || title.isBlank() ? fallback : title.strip();
    }
}
