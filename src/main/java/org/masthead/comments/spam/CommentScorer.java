package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores one comment against the weights: each known feature counts once, and their summed
 * weight is divided by the square root of how many there are, so that a long comment's many
 * overlapping n-grams do not swamp the verdict (naive Bayes otherwise grows more certain with
 * every letter). One scorer per thread: it reuses its buffers.
 */
final class CommentScorer {
    static final int REASONS = 5;
    private final FeatureExtractor extractor = new FeatureExtractor();
    private int[] slots = new int[512];
    private int[] seenSlots = new int[1024];
    private int[] seenStamps = new int[1024];
    private int stamp;

    Verdict score(Weights weights, String comment, double threshold) {
        extractor.extract(comment);
        int features = extractor.count();
        prepareSeen(features);
        int known = 0;
        double sum = 0;
        for (int i = 0; i < features; i++) {
            int slot = weights.slot(extractor.hash(i));
            if (slot >= 0 && firstSight(slot)) {
                if (known == slots.length) {
                    slots = java.util.Arrays.copyOf(slots, known * 2);
                }
                slots[known++] = slot;
                sum += weights.weight(slot);
            }
        }
        double scale = known == 0 ? 0 : 1 / Math.sqrt(known);
        double logOdds = weights.prior() + sum * scale;
        double probability = 1 / (1 + Math.exp(-logOdds));
        return new Verdict(probability, probability >= threshold, reasons(weights, known, scale));
    }

    /** The strongest features either way, strongest first; a partial selection, as there are few. */
    private List<Verdict.Reason> reasons(Weights weights, int known, double scale) {
        List<Verdict.Reason> reasons = new ArrayList<>(REASONS);
        for (int pick = 0; pick < REASONS && pick < known; pick++) {
            int best = pick;
            for (int i = pick + 1; i < known; i++) {
                if (Math.abs(weights.weight(slots[i])) > Math.abs(weights.weight(slots[best]))) {
                    best = i;
                }
            }
            int slot = slots[best];
            slots[best] = slots[pick];
            slots[pick] = slot;
            reasons.add(new Verdict.Reason(weights.name(slot), weights.weight(slot) * scale));
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
            java.util.Arrays.fill(seenStamps, 0);
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
