package org.masthead.site;

import java.util.List;
import org.masthead.content.Media;

/**
 * What a page tells social networks and link previews (Open Graph, Twitter cards): its kind
 * (website, article, profile), absolute address, title, description and picture with the real
 * size of the file named, and for an article its times, section, tags and writers' pages.
 */
public record Social(String type, String url, String title, String description, Picture picture,
                     String publishedTime, String modifiedTime, String section, List<String> tags,
                     List<String> authorUrls) {

    /** Width of the picture previews get: large enough for a large card, no larger. */
    static final int PREVIEW_WIDTH = 1200;

    public record Picture(String url, int width, int height, String alt, String contentType) {
        /** The variant at least {@link #PREVIEW_WIDTH} wide (else the largest, else the original), with its size. */
        static Picture of(Media media, String origin) {
            int width = media.width();
            for (int w : media.widths()) {
                width = w;
                if (w >= PREVIEW_WIDTH) {
                    break;
                }
            }
            boolean original = media.widths().isEmpty();
            return new Picture(origin + (original ? Media.URL_PREFIX + media.fileName() : media.variantUrl(width)),
                    width, original ? media.height() : media.heightAt(width), media.alt(), media.contentType());
        }
    }

    static Social page(String type, String url, String title, String description, Media picture, String origin) {
        return new Social(type, url, title, description, picture == null ? null : Picture.of(picture, origin),
                null, null, null, List.of(), List.of());
    }

    public boolean isArticle() {
        return "article".equals(type);
    }

    /** Where other sites ask for this article's embeddable card (the oEmbed provider's discovery link). */
    public String oembed() {
        return "/oembed?url=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Twitter's large card when there is a picture to show. */
    public String twitterCard() {
        return picture == null ? "summary" : "summary_large_image";
    }
}
