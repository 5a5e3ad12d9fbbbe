package org.masthead.content;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An image of the media library with the words that travel with it. {@code fileName} is
 * the original's path under /media/; each width in {@code widths} also exists as a
 * variant named {@code base-WIDTH.ext}.
 */
public record Media(long id, String fileName, String contentType, int width, int height,
                    List<Integer> widths, String alt, String caption, String credit) {

    public static final String URL_PREFIX = "/media/";
    /** The characters of a stored file's path, as a regular expression: where its address in a text ends. */
    public static final String FILE_NAME_PATTERN = "[A-Za-z0-9/._-]+";
    /** A stored file's address in a text, its path the group. */
    private static final Pattern PATH_IN_TEXT = Pattern.compile(Pattern.quote(URL_PREFIX) + "(" + FILE_NAME_PATTERN + ")");

    public Media {
        widths = List.copyOf(widths);
    }

    /** The URL of the smallest variant at least {@code wanted} pixels wide, else the largest. */
    public String url(int wanted) {
        for (int w : widths) {
            if (w >= wanted) {
                return variantUrl(w);
            }
        }
        return widths.isEmpty() ? URL_PREFIX + fileName : variantUrl(widths.getLast());
    }

    public String srcset() {
        return widths.stream().map(w -> variantUrl(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    public String variantUrl(int w) {
        return URL_PREFIX + variantName(fileName, w);
    }

    /**
     * The paths under /media/ that {@code texts} name, originals and variants alike (at most 200
     * characters, as stored), in the order first met; nulls are skipped.
     */
    public static Set<String> fileNamesIn(String... texts) {
        Set<String> names = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || !text.contains(URL_PREFIX)) {
                continue;
            }
            Matcher path = PATH_IN_TEXT.matcher(text);
            while (path.find()) {
                if (path.group(1).length() <= 200) {
                    names.add(path.group(1));
                }
            }
        }
        return names;
    }

    /** {@code demo/tram-2.jpg} at 480 is {@code demo/tram-2-480.jpg}. */
    public static String variantName(String fileName, int w) {
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot) + "-" + w + fileName.substring(dot);
    }

    /** Height of the variant {@code w} pixels wide, keeping the original's proportions. */
    public int heightAt(int w) {
        return Math.round((float) height * w / width);
    }
}
