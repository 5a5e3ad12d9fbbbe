package org.masthead.comments.spam;

/**
 * Turns a comment into the features the classifier weighs: its words, each pair of adjacent
 * words, its letter n-grams (3 to 5 characters of the lowercased, whitespace-normalized text)
 * and its links. Every feature is a slice of one normalized buffer, hashed as it is found, so
 * the hot path allocates nothing; {@link #name} builds a feature's stored name only when
 * asked. One extractor per thread: it reuses its buffers and is not thread-safe.
 */
final class FeatureExtractor {
    static final int WORD = 0;
    static final int GRAM = 1;
    static final int LINK = 2;
    static final int DOMAIN = 3;
    static final int PAIR = 4;
    static final int SHAPE = 5;
    /**
     * Stored names are the prefix then the slice; "has:url" is a whole name on its own, and a
     * pair is its two words with one space between, whatever separated them in the comment.
     */
    static final String[] PREFIXES = {"w:", "c:", "has:url", "d:", "p:", "s:"};
    static final int MIN_GRAM = 3;
    static final int MAX_GRAM = 5;
    static final int MAX_WORD = 40;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long[] PREFIX_HASHES = new long[PREFIXES.length];
    private static final long[] SHAPE_HASHES = new long[Shapes.NAMES.length];

    static {
        for (int kind = 0; kind < PREFIXES.length; kind++) {
            PREFIX_HASHES[kind] = feed(FNV_OFFSET, PREFIXES[kind]);
        }
        for (int shape = 0; shape < Shapes.NAMES.length; shape++) {
            SHAPE_HASHES[shape] = finish(feed(FNV_OFFSET, Shapes.NAMES[shape]));
        }
    }

    private char[] text = new char[256];
    private int length;
    private long[] hashes = new long[1024];
    private byte[] kinds = new byte[1024];
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    /** For a pair, where its first word ends; its second word is the last run of the slice. */
    private int[] firstEnds = new int[1024];
    private int count;
    private final Links links = new Links();
    private final Shapes shapes = new Shapes();
    private int capitals;
    private int letters;

    /** Replaces the current features with those of {@code comment}. */
    void extract(String comment) {
        normalize(comment);
        count = 0;
        words();
        grams();
        links.find(this, text, length);
        shapes.find(this, text, length, capitals, letters);
    }

    int count() {
        return count;
    }

    long hash(int i) {
        return hashes[i];
    }

    int kind(int i) {
        return kinds[i];
    }

    /**
     * The feature's stored name, such as {@code w:subscribe}, {@code p:my channel}, {@code c:sub}
     * or {@code d:example.com}.
     */
    String name(int i) {
        if (kinds[i] == SHAPE) {
            return Shapes.NAMES[starts[i]];
        }
        if (kinds[i] == PAIR) {
            int second = ends[i];
            while (Character.isLetterOrDigit(text[second - 1])) {
                second--;
            }
            return PREFIXES[PAIR] + new String(text, starts[i], firstEnds[i] - starts[i]) + ' '
                    + new String(text, second, ends[i] - second);
        }
        return PREFIXES[kinds[i]] + new String(text, starts[i], ends[i] - starts[i]);
    }

    /** The hash of a stored name: the same number {@link #extract} gives that feature. */
    static long hashOf(String name) {
        return finish(feed(FNV_OFFSET, name));
    }

    /**
     * Lowercases, turns every run of white space and control characters into one space
     * (with one at each end, so n-grams see word edges), drops invisible format characters
     * such as the byte-order mark, and folds characters outside the Basic Multilingual Plane
     * (emoji) into U+FFFD so that no n-gram splits a surrogate pair.
     */
    private void normalize(String comment) {
        int n = comment.length();
        if (text.length < n + 2) {
            text = new char[Math.max(n + 2, text.length * 2)];
        }
        char[] out = text;
        int at = 0;
        int upper = 0;
        int all = 0;
        out[at++] = ' ';
        for (int i = 0; i < n; i++) {
            char c = comment.charAt(i);
            if (c < 128) {
                if (c <= ' ' || c == 127) {
                    if (out[at - 1] != ' ') {
                        out[at++] = ' ';
                    }
                } else if (c >= 'A' && c <= 'Z') {
                    upper++;
                    all++;
                    out[at++] = (char) (c + 32);
                } else {
                    all += c >= 'a' && c <= 'z' ? 1 : 0;
                    out[at++] = c;
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(comment.charAt(i + 1))) {
                    i++;
                }
                out[at++] = '\uFFFD';
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                if (out[at - 1] != ' ') {
                    out[at++] = ' ';
                }
            } else if (Character.getType(c) != Character.FORMAT) {
                if (Character.isLetter(c)) {
                    all++;
                    upper += Character.isUpperCase(c) ? 1 : 0;
                }
                out[at++] = Character.toLowerCase(c);
            }
        }
        if (out[at - 1] != ' ') {
            out[at++] = ' ';
        }
        length = at;
        capitals = upper;
        letters = all;
    }

    /**
     * Words: runs of letters and digits, two to {@value #MAX_WORD} characters long; and each
     * word with the one before it, as a pair ("check out", "my channel"), which carries what
     * the two words alone do not.
     */
    private void words() {
        int start = -1;
        int previousStart = -1;
        int previousEnd = -1;
        long pairSoFar = 0;
        for (int i = 0; i <= length; i++) {
            boolean inWord = i < length && Character.isLetterOrDigit(text[i]);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                int size = i - start;
                if (size >= 2 && size <= MAX_WORD) {
                    long word = PREFIX_HASHES[WORD];
                    long pair = (pairSoFar ^ ' ') * FNV_PRIME;
                    long nextPair = PREFIX_HASHES[PAIR];
                    for (int j = start; j < i; j++) {
                        word = (word ^ text[j]) * FNV_PRIME;
                        pair = (pair ^ text[j]) * FNV_PRIME;
                        nextPair = (nextPair ^ text[j]) * FNV_PRIME;
                    }
                    addHashed(WORD, start, i, word);
                    if (previousStart >= 0) {
                        addHashed(PAIR, previousStart, i, pair);
                        firstEnds[count - 1] = previousEnd;
                    }
                    previousStart = start;
                    previousEnd = i;
                    pairSoFar = nextPair;
                }
                start = -1;
            }
        }
    }

    /** Every 3-, 4- and 5-character slice, each hash extended from the shorter one. */
    private void grams() {
        char[] t = text;
        for (int i = 0; i + MIN_GRAM <= length; i++) {
            long h = PREFIX_HASHES[GRAM];
            h = (h ^ t[i]) * FNV_PRIME;
            h = (h ^ t[i + 1]) * FNV_PRIME;
            h = (h ^ t[i + 2]) * FNV_PRIME;
            addHashed(GRAM, i, i + 3, h);
            if (i + 4 <= length) {
                h = (h ^ t[i + 3]) * FNV_PRIME;
                addHashed(GRAM, i, i + 4, h);
                if (i + 5 <= length) {
                    h = (h ^ t[i + 4]) * FNV_PRIME;
                    addHashed(GRAM, i, i + 5, h);
                }
            }
        }
    }

    void add(int kind, int start, int end) {
        long h = PREFIX_HASHES[kind];
        for (int i = start; i < end; i++) {
            h = (h ^ text[i]) * FNV_PRIME;
        }
        addHashed(kind, start, end, h);
    }

    /** Adds the shape numbered {@code shape} in {@link Shapes#NAMES}. */
    void shape(int shape) {
        if (count == hashes.length) {
            grow();
        }
        hashes[count] = SHAPE_HASHES[shape];
        kinds[count] = SHAPE;
        starts[count] = shape;
        ends[count] = shape;
        count++;
    }

    private void addHashed(int kind, int start, int end, long rawHash) {
        if (count == hashes.length) {
            grow();
        }
        hashes[count] = finish(rawHash);
        kinds[count] = (byte) kind;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    private void grow() {
        int size = hashes.length * 2;
        hashes = java.util.Arrays.copyOf(hashes, size);
        kinds = java.util.Arrays.copyOf(kinds, size);
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        firstEnds = java.util.Arrays.copyOf(firstEnds, size);
    }

    private static long feed(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** Zero marks an empty slot in {@link Weights}, so no feature may hash to it. */
    private static long finish(long h) {
        return h == 0 ? 1 : h;
    }
}
