package org.masthead.comments.spam;

/**
 * Features of a comment's shape rather than its words, which carry from one site to another
 * where its vocabulary does not: its length (in five bands), a link written so that it does not
 * look like one ("site dot com", "www . site . com"), an email address, a phone number, shouting
 * (mostly capitals, "!!!"), several emoji, a letter stretched ("sooooo"), the same words over
 * and over, self-promotion ("my channel", "check out my") and engagement bait ("like this
 * comment", "thumbs up if"). Each is one feature with a fixed name such as {@code s:promo};
 * what it weighs is learned like every other feature. Reads the normalized buffer without
 * allocating.
 */
final class Shapes {
    static final String[] NAMES = {"s:len:1", "s:len:2", "s:len:3", "s:len:4", "s:len:5", "s:hidden-link", "s:email",
            "s:phone", "s:caps", "s:shout", "s:emoji", "s:stretch", "s:repeat", "s:promo", "s:bait"};
    private static final int HIDDEN_LINK = 5;
    private static final int EMAIL = 6;
    private static final int PHONE = 7;
    private static final int CAPS = 8;
    private static final int SHOUT = 9;
    private static final int EMOJI = 10;
    private static final int STRETCH = 11;
    private static final int REPEAT = 12;
    private static final int PROMO = 13;
    private static final int BAIT = 14;
    /** Upper bounds of the length bands, in normalized characters. */
    private static final int[] LENGTHS = {30, 80, 200, 500};
    private static final String[] HIDDEN = {" dot com", " dot net", " dot org", "(dot)", "[dot]", " . com ", " .com ",
            " . net", "www . ", " www ", "www dot", "http : ", "https : ", "h t t p"};
    private static final String[] PROMO_PHRASES = {" my channel", " my chanel", " my youtube", " my video", " my new video",
            " my page", " my music", " my song", " my new song", " my blog", " my website", " my site", " my profile",
            " my account", " check out my", " check my", " visit my", " follow me", " add me", " subscribe to me",
            " sub to me", " subscribe to my", " subscribe back", " sub back", " sub 4 sub", " sub4sub", " promo code",
            " earn money", " make money", " work from home", " per hour", " per day", " free gift", " gift card",
            " click here", " click the link", " sign up", " for free", " dollars a"};
    private static final String[] BAIT_PHRASES = {" like this comment", " like my comment", " like if ", " thumbs up",
            " give it a like", " give this a like", " give me a like", " please like", " who is watching",
            " who's watching", " who else is", " is watching in", " if you are watching", " if you're watching",
            " likes and", " likes if", " like and subscribe", " share this", " please share", " spread the word"};

    private final long[] words = new long[256];

    /**
     * Adds the shapes of {@code text[0, length)}: lowercased, white space folded, a space at
     * each end; {@code capitals} and {@code letters} were counted before lowercasing.
     */
    void find(FeatureExtractor features, char[] text, int length, int capitals, int letters) {
        int band = 0;
        while (band < LENGTHS.length && length > LENGTHS[band]) {
            band++;
        }
        features.shape(band);
        if (any(text, length, HIDDEN)) {
            features.shape(HIDDEN_LINK);
        }
        if (any(text, length, PROMO_PHRASES)) {
            features.shape(PROMO);
        }
        if (any(text, length, BAIT_PHRASES)) {
            features.shape(BAIT);
        }
        if (letters >= 12 && capitals * 2 > letters) {
            features.shape(CAPS);
        }
        characters(features, text, length);
        if (repeated(features)) {
            features.shape(REPEAT);
        }
    }

    private static void characters(FeatureExtractor features, char[] text, int length) {
        boolean email = false;
        boolean shout = false;
        boolean stretch = false;
        int emoji = 0;
        int digits = 0;
        int longestDigits = 0;
        int run = 1;
        for (int i = 1; i < length; i++) {
            char c = text[i];
            char before = text[i - 1];
            run = c == before ? run + 1 : 1;
            if (run >= 5 && Character.isLetter(c)) {
                stretch = true;
            }
            if ((c == '!' || c == '?') && run >= 3) {
                shout = true;
            }
            if (c == '\uFFFD') {
                emoji++;
            }
            if (c == '@' && Character.isLetterOrDigit(before) && emailAfter(text, i + 1, length)) {
                email = true;
            }
            // A phone number: nine or more digits, which may be split by spaces, dashes, dots or brackets.
            if (c >= '0' && c <= '9') {
                digits++;
                longestDigits = Math.max(longestDigits, digits);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
                digits = 0;
            }
        }
        if (email) {
            features.shape(EMAIL);
        }
        if (longestDigits >= 9) {
            features.shape(PHONE);
        }
        if (shout) {
            features.shape(SHOUT);
        }
        if (emoji >= 2) {
            features.shape(EMOJI);
        }
        if (stretch) {
            features.shape(STRETCH);
        }
    }

    /** Letters or digits, a dot, then two or more letters: the domain of an email address. */
    private static boolean emailAfter(char[] text, int from, int length) {
        int i = from;
        while (i < length && (Character.isLetterOrDigit(text[i]) || text[i] == '-')) {
            i++;
        }
        if (i == from || i >= length || text[i] != '.') {
            return false;
        }
        int letters = 0;
        for (i++; i < length && Character.isLetter(text[i]); i++) {
            letters++;
        }
        return letters >= 2;
    }

    /** Eight words or more, fewer than half of them different. */
    private boolean repeated(FeatureExtractor features) {
        int n = 0;
        for (int i = 0; i < features.count() && n < words.length; i++) {
            if (features.kind(i) == FeatureExtractor.WORD) {
                words[n++] = features.hash(i);
            }
        }
        if (n < 8) {
            return false;
        }
        java.util.Arrays.sort(words, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (words[i] != words[i - 1]) {
                distinct++;
            }
        }
        return distinct * 2 < n;
    }

    private static boolean any(char[] text, int length, String[] phrases) {
        for (String phrase : phrases) {
            if (contains(text, length, phrase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(char[] text, int length, String phrase) {
        char first = phrase.charAt(0);
        int last = length - phrase.length();
        outer:
        for (int i = 0; i <= last; i++) {
            if (text[i] != first) {
                continue;
            }
            for (int j = 1; j < phrase.length(); j++) {
                if (text[i + j] != phrase.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
