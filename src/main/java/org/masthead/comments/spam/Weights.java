package org.masthead.comments.spam;

import java.util.Map;

/**
 * The model as classification reads it: an immutable open-addressing table from feature
 * hash to the two weights that feature carries, rebuilt after each learned batch. The naive
 * Bayes weight is log P(f|spam) - log P(f|ham), Laplace smoothed, from the {@link Tally};
 * features counted in fewer than {@value #MIN_COMMENTS} comments have none (one comment is
 * no evidence, and dropping them keeps the table small). The regression weight comes from
 * the {@link Regression} fitted to the {@link Examples}; features it never saw have 0.
 */
final class Weights {
    static final int MIN_COMMENTS = 2;
    private static final double ALPHA = 1.0;
    private final long[] keys;
    private final float[] bayes;
    private final float[] regression;
    private final boolean[] scaled;
    private final String[] names;
    private final int mask;
    private final double prior;
    private final double bias;
    private final long comments;

    private Weights(int capacity, double prior, double bias, long comments) {
        keys = new long[capacity];
        bayes = new float[capacity];
        regression = new float[capacity];
        scaled = new boolean[capacity];
        names = new String[capacity];
        java.util.Arrays.fill(bayes, Float.NaN);
        mask = capacity - 1;
        this.prior = prior;
        this.bias = bias;
        this.comments = comments;
    }

    static Weights of(Tally tally, Examples examples, Regression fit) {
        int kept = examples.vocabulary();
        for (long[] counts : tally.features().values()) {
            if (counts[0] + counts[1] >= MIN_COMMENTS) {
                kept++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, kept * 2 - 1)) << 1;
        double prior = Math.log((tally.spamComments() + 1.0) / (tally.hamComments() + 1.0));
        Weights table = new Weights(capacity, prior, fit.bias(), tally.spamComments() + tally.hamComments());
        double vocabulary = tally.features().size();
        double spamTotal = Math.log(tally.spamFeatures() + ALPHA * vocabulary);
        double hamTotal = Math.log(tally.hamFeatures() + ALPHA * vocabulary);
        for (Map.Entry<String, long[]> entry : tally.features().entrySet()) {
            long[] counts = entry.getValue();
            if (counts[0] + counts[1] >= MIN_COMMENTS) {
                double weight = Math.log(counts[0] + ALPHA) - spamTotal - Math.log(counts[1] + ALPHA) + hamTotal;
                int slot = table.put(FeatureExtractor.hashOf(entry.getKey()), entry.getKey());
                table.bayes[slot] = (float) weight;
            }
        }
        for (int number = 0; number < examples.vocabulary(); number++) {
            int slot = table.put(examples.hash(number), examples.name(number));
            table.regression[slot] = fit.weight(number);
            table.scaled[slot] = examples.scaled(number);
        }
        return table;
    }

    private int put(long key, String name) {
        int i = index(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        names[i] = name;
        return i;
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

    /** Whether naive Bayes weighs this feature: it was counted in enough comments. */
    boolean counted(int slot) {
        return !Float.isNaN(bayes[slot]);
    }

    float bayes(int slot) {
        return bayes[slot];
    }

    float regression(int slot) {
        return regression[slot];
    }

    /** Whether the feature in this slot is a word or pair, whose regression weight the comment's scale multiplies. */
    boolean scaled(int slot) {
        return scaled[slot];
    }

    String name(int slot) {
        return names[slot];
    }

    /** Naive Bayes' log odds of spam before reading a word: the share of spam among learned comments. */
    double prior() {
        return prior;
    }

    /** The regression's log odds of spam for a comment it knows nothing of. */
    double bias() {
        return bias;
    }

    long comments() {
        return comments;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
