package org.masthead.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, read the forgiving way: "quoted words" are a phrase, a leading minus
 * excludes a word or phrase, and everything else is plain text (operators, brackets, stray
 * quotes and symbols included), so no query is ever an error. Control characters count as spaces.
 */
record QueryText(List<String> words, List<String> phrases, List<String> excluded) {
    static final int MAX_LENGTH = 500;

    static QueryText parse(String raw) {
        String text = clean(raw);
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            boolean minus = text.charAt(i) == '-' && i + 1 < n && text.charAt(i + 1) != ' ';
            int start = minus ? i + 1 : i;
            if (text.charAt(start) == '"') {
                int close = text.indexOf('"', start + 1);
                if (close > start + 1) {
                    String phrase = text.substring(start + 1, close).strip();
                    if (!phrase.isEmpty()) {
                        (minus ? excluded : phrases).add(phrase);
                    }
                    i = close + 1;
                    continue;
                }
                if (close < 0) {
                    // An unclosed quote: the rest is plain words.
                    start++;
                }
            }
            int end = text.indexOf(' ', start);
            end = end < 0 ? n : end;
            String word = text.substring(start, end);
            if (!word.isBlank() && !word.equals("\"\"")) {
                (minus ? excluded : words).add(word);
            }
            i = end;
        }
        return new QueryText(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded));
    }

    /** Control and formatting characters become spaces; runs of spaces become one. */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || Character.isWhitespace(c)
                    || Character.isSpaceChar(c);
            out.appendCodePoint(control ? ' ' : c);
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** The query as a reader would type it again, with {@code replaced} words swapped in. */
    String withWords(List<String> replaced) {
        List<String> parts = new ArrayList<>(replaced);
        phrases.forEach(p -> parts.add("\"" + p + "\""));
        excluded.forEach(e -> parts.add("-" + (e.contains(" ") ? "\"" + e + "\"" : e)));
        return String.join(" ", parts);
    }
}
