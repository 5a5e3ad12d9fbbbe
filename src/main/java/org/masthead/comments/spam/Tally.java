package org.masthead.comments.spam;

import java.util.HashMap;
import java.util.Map;

/**
 * What the classifier has counted: for each feature, how many spam and how many legitimate
 * comments contained it, and how many comments of each kind it has learned. The whole model
 * is one tally; each learned batch is another, added to it once committed.
 */
final class Tally {
    private final Map<String, long[]> features = new HashMap<>();
    private long spamComments;
    private long hamComments;
    private long spamFeatures;
    private long hamFeatures;

    void comment(boolean spam) {
        comments(spam ? 1 : 0, spam ? 0 : 1);
    }

    void comments(long spam, long ham) {
        spamComments += spam;
        hamComments += ham;
    }

    void feature(String name, long spam, long ham) {
        long[] counts = features.computeIfAbsent(name, n -> new long[2]);
        counts[0] += spam;
        counts[1] += ham;
        spamFeatures += spam;
        hamFeatures += ham;
    }

    void addAll(Tally other) {
        comments(other.spamComments, other.hamComments);
        other.features.forEach((name, counts) -> feature(name, counts[0], counts[1]));
    }

    /** Each feature with its {spam, ham} counts; the arrays are the tally's own, not to be changed. */
    Map<String, long[]> features() {
        return features;
    }

    long spamComments() {
        return spamComments;
    }

    long hamComments() {
        return hamComments;
    }

    long spamFeatures() {
        return spamFeatures;
    }

    long hamFeatures() {
        return hamFeatures;
    }
}
