package org.masthead.search;

/**
 * The words of an article's stored (sanitized) HTML body, without tags or entities: block ends
 * and line breaks become line breaks, other tags a space, entities their characters, and runs
 * of spaces one space. One pass over the HTML and one over the text, as a rebuild reads every body.
 */
final class PlainText {
    private static final java.util.regex.Pattern BLOCK_END =
            java.util.regex.Pattern.compile("(?i)</(p|h[1-6]|li|blockquote|figcaption|td|th|pre)>|<br\\s*/?>");

    private PlainText() {
    }

    static String of(String html) {
        StringBuilder text = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int end;
            if (c == '<' && (end = html.indexOf('>', i + 1)) >= 0) {
                text.append(blockEnd(html, i, end) ? '\n' : ' ');
                i = end + 1;
            } else if (c == '&' && (end = entityEnd(html, i)) > 0) {
                text.append(entity(html.substring(i + 1, end)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        return spaced(text).strip();
    }

    private static boolean blockEnd(String html, int from, int to) {
        char next = from + 1 < to ? html.charAt(from + 1) : '>';
        return (next == '/' || next == 'b' || next == 'B') && BLOCK_END.matcher(html).region(from, to + 1).matches();
    }

    /** The index of the {@code ;} ending an entity at {@code at}, or -1 when none starts there. */
    private static int entityEnd(String s, int at) {
        int i = at + 1;
        int from;
        int max;
        if (i + 1 < s.length() && s.charAt(i) == '#' && (s.charAt(i + 1) == 'x')) {
            from = i + 2;
            max = 6;
        } else if (i < s.length() && s.charAt(i) == '#') {
            from = i + 1;
            max = 7;
        } else {
            from = i;
            max = 8;
        }
        int j = from;
        while (j < s.length() && j - from < max && kind(s.charAt(j), s.charAt(i), from == i + 2)) {
            j++;
        }
        int length = j - from;
        boolean named = s.charAt(i) != '#';
        if (length < (named ? 2 : 1) || j >= s.length() || s.charAt(j) != ';') {
            return -1;
        }
        return j;
    }

    private static boolean kind(char c, char first, boolean hex) {
        if (first != '#') {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    }

    /** Runs of spaces and tabs as one space; no space at either side of a line break, and no blank lines. */
    private static String spaced(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean afterBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
                space = !afterBreak;
            } else if (c == '\n') {
                space = false;
                if (!afterBreak) {
                    out.append('\n');
                }
                afterBreak = true;
            } else {
                if (space) {
                    out.append(' ');
                }
                space = false;
                afterBreak = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String entity(String name) {
        try {
            if (name.startsWith("#x")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return " ";
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> " ";
        };
    }
}
