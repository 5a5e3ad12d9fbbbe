package org.masthead.comments.spam;

import java.util.Map;

/**
 * The model as classification reads it: an immutable open-addressing table from feature
 * hash to the log-odds weight that feature adds (log P(f|spam) - log P(f|ham), Laplace
 * smoothed), built from a {@link Tally} after each learned batch. Features seen in fewer than
 * {@value #MIN_COMMENTS} comments are left out: one comment is no evidence, and dropping them
 * keeps the table small.
 */
final class Weights {
    static final int MIN_COMMENTS = 2;
    private static final double ALPHA = 1.0;
    private final long[] keys;
    private final float[] weights;
    private final String[] names;
    private final int mask;
    private final double prior;
    private final long comments;

    private Weights(int capacity, double prior, long comments) {
        keys = new long[capacity];
        weights = new float[capacity];
        names = new String[capacity];
        mask = capacity - 1;
        this.prior = prior;
        this.comments = comments;
    }

    static Weights of(Tally tally) {
        int kept = 0;
        for (long[] counts : tally.features().values()) {
            if (counts[0] + counts[1] >= MIN_COMMENTS) {
                kept++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, kept * 2 - 1)) << 1;
        double prior = Math.log((tally.spamComments() + 1.0) / (tally.hamComments() + 1.0));
        Weights table = new Weights(capacity, prior, tally.spamComments() + tally.hamComments());
        double vocabulary = tally.features().size();
        double spamTotal = Math.log(tally.spamFeatures() + ALPHA * vocabulary);
        double hamTotal = Math.log(tally.hamFeatures() + ALPHA * vocabulary);
        for (Map.Entry<String, long[]> entry : tally.features().entrySet()) {
            long[] counts = entry.getValue();
            if (counts[0] + counts[1] >= MIN_COMMENTS) {
                double weight = Math.log(counts[0] + ALPHA) - spamTotal - Math.log(counts[1] + ALPHA) + hamTotal;
                table.put(entry.getKey(), (float) weight);
            }
        }
        return table;
    }

    private void put(String name, float weight) {
        long key = FeatureExtractor.hashOf(name);
        int i = index(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        weights[i] = weight;
        names[i] = name;
    }

    /** The slot of the feature with this hash, or -1 when the model does not know it. */
    int slot(long key) {
        int i = index(key);
        long found;
        while ((found = keys[i]) != 0) {
            if (found == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    float weight(int slot) {
        return weights[slot];
    }

    String name(int slot) {
        return names[slot];
    }

    /** Log odds of spam before reading a word: the share of spam among learned comments. */
    double prior() {
        return prior;
    }

    long comments() {
        return comments;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
