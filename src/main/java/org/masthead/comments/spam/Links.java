package org.masthead.comments.spam;

/**
 * Finds links in normalized comment text without regular expressions: words starting with
 * {@code http://}, {@code https://} or {@code www.}, and bare host names such as
 * {@code murdev.com} whose last label is a common top-level domain (a plain "song.love"
 * typo is not a link). Each link adds its host (without "www.") as a {@code d:} feature,
 * and a comment with any link gets the one {@code has:url} feature.
 */
final class Links {
    private static final String[] TOP_LEVEL = {"com", "net", "org", "info", "biz", "co", "io", "me", "ly", "tv",
            "us", "uk", "ru", "de", "fr", "in", "xyz", "online", "site", "top", "club", "shop", "store", "link",
            "click", "live", "gl", "to", "cc", "ws", "be", "eu", "pl", "es", "it", "nl", "br", "tk", "ml", "ga"};

    void find(FeatureExtractor features, char[] text, int length) {
        boolean any = false;
        int i = 0;
        while (i < length) {
            while (i < length && text[i] == ' ') {
                i++;
            }
            int end = i;
            while (end < length && text[end] != ' ') {
                end++;
            }
            if (end > i && link(features, text, i, end)) {
                any = true;
            }
            i = end;
        }
        if (any) {
            features.add(FeatureExtractor.LINK, 0, 0);
        }
    }

    /** Adds the host of the link in {@code text[start, end)}, if it is one. */
    private static boolean link(FeatureExtractor features, char[] text, int start, int end) {
        while (start < end && !Character.isLetterOrDigit(text[start])) {
            start++;
        }
        boolean explicit = false;
        if (startsWith(text, start, end, "https://")) {
            start += 8;
            explicit = true;
        } else if (startsWith(text, start, end, "http://")) {
            start += 7;
            explicit = true;
        }
        if (startsWith(text, start, end, "www.")) {
            start += 4;
            explicit = true;
        }
        int hostEnd = start;
        while (hostEnd < end && host(text[hostEnd])) {
            hostEnd++;
        }
        while (hostEnd > start && (text[hostEnd - 1] == '.' || text[hostEnd - 1] == '-')) {
            hostEnd--;
        }
        int lastDot = -1;
        for (int i = start; i < hostEnd; i++) {
            if (text[i] == '.') {
                lastDot = i;
            }
        }
        if (!explicit && (lastDot <= start || !topLevel(text, lastDot + 1, hostEnd))) {
            return false;
        }
        if (hostEnd > start && hostEnd - start <= 100) {
            features.add(FeatureExtractor.DOMAIN, start, hostEnd);
        }
        return true;
    }

    private static boolean host(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean topLevel(char[] text, int start, int end) {
        for (String tld : TOP_LEVEL) {
            if (tld.length() == end - start && startsWith(text, start, end, tld)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(char[] text, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
