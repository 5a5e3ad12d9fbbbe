package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores one comment against the weights, each known feature once. The verdict's log odds
 * are the regression's (its bias plus its weights) and, at {@value #BAYES_SHARE} of its
 * strength, naive Bayes' (its prior plus its summed weights divided by the square root of
 * how many there are, so that a long comment's many overlapping n-grams do not swamp the
 * verdict). The regression weighs words and pairs together; naive Bayes adds the letter
 * n-grams, which catch spelling it has not seen as a word. One scorer per thread: it reuses
 * its buffers.
 */
final class CommentScorer {
    static final int REASONS = 5;
    /** Chosen by rotating over the three videos of the YouTube Spam Collection (BENCHMARKS.md). */
    static final double BAYES_SHARE = 0.25;
    private final FeatureExtractor extractor = new FeatureExtractor();
    private int[] slots = new int[512];
    private double[] shares = new double[512];
    private int[] seenSlots = new int[1024];
    private int[] seenStamps = new int[1024];
    private int stamp;
    /** Of the last comment scored: its known features' slots, the scale of its words and of naive Bayes. */
    private int known;
    private double scale;
    private double bayesScale;

    /**
     * The verdict: the calibrated probability and the features that moved the model's log odds
     * most (their shares are of the log odds before calibration, which only rescales them).
     */
    Verdict score(Weights weights, Calibration calibration, String comment, double threshold) {
        double probability = calibration.probability(logOdds(weights, comment));
        for (int i = 0; i < known; i++) {
            int slot = slots[i];
            shares[i] = weights.regression(slot) * (weights.scaled(slot) ? scale : 1)
                    + (weights.counted(slot) ? weights.bayes(slot) * bayesScale : 0);
        }
        return new Verdict(probability, probability >= threshold, reasons(weights, known));
    }

    /** The model's log odds of spam for a comment, before calibration; leaves the comment's known slots for {@link #score}. */
    double logOdds(Weights weights, String comment) {
        extractor.extract(comment);
        int features = extractor.count();
        prepareSeen(features);
        known = 0;
        int counted = 0;
        int words = 0;
        for (int i = 0; i < features; i++) {
            if (Examples.scaledKind(extractor.kind(i))) {
                words++;
            }
        }
        scale = Examples.wordScale(words);
        double regression = 0;
        double bayes = 0;
        for (int i = 0; i < features; i++) {
            int slot = weights.slot(extractor.hash(i));
            if (slot >= 0 && firstSight(slot)) {
                if (known == slots.length) {
                    slots = Arrays.copyOf(slots, known * 2);
                    shares = Arrays.copyOf(shares, known * 2);
                }
                slots[known++] = slot;
                regression += weights.regression(slot) * (weights.scaled(slot) ? scale : 1);
                if (weights.counted(slot)) {
                    counted++;
                    bayes += weights.bayes(slot);
                }
            }
        }
        bayesScale = counted == 0 ? 0 : BAYES_SHARE / Math.sqrt(counted);
        return weights.bias() + regression + BAYES_SHARE * weights.prior() + bayes * bayesScale;
    }

    /** The features that moved the verdict most either way, strongest first; a partial selection, as there are few. */
    private List<Verdict.Reason> reasons(Weights weights, int known) {
        List<Verdict.Reason> reasons = new ArrayList<>(REASONS);
        for (int pick = 0; pick < REASONS && pick < known; pick++) {
            int best = pick;
            for (int i = pick + 1; i < known; i++) {
                if (Math.abs(shares[i]) > Math.abs(shares[best])) {
                    best = i;
                }
            }
            int slot = slots[best];
            double share = shares[best];
            slots[best] = slots[pick];
            shares[best] = shares[pick];
            slots[pick] = slot;
            shares[pick] = share;
            reasons.add(new Verdict.Reason(weights.name(slot), share));
        }
        return reasons;
    }

    /** A set of slots for one comment, emptied by moving to a new stamp instead of clearing. */
    private void prepareSeen(int features) {
        if (seenSlots.length < features * 2) {
            int size = Integer.highestOneBit(features * 2) << 1;
            seenSlots = new int[size];
            seenStamps = new int[size];
            stamp = 0;
        }
        stamp++;
        if (stamp == 0) {
            Arrays.fill(seenStamps, 0);
            stamp = 1;
        }
    }

    private boolean firstSight(int slot) {
        int mask = seenSlots.length - 1;
        int i = (slot * 0x9E3779B9) >>> 7 & mask;
        while (seenStamps[i] == stamp) {
            if (seenSlots[i] == slot) {
                return false;
            }
            i = (i + 1) & mask;
        }
        seenStamps[i] = stamp;
        seenSlots[i] = slot;
        return true;
    }
}
