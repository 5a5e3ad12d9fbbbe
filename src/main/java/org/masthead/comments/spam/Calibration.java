package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the model's log odds into a probability that means what it says, by Platt scaling:
 * {@code 1 / (1 + exp(-(slope * logOdds + intercept)))}, the two numbers fitted to scores the
 * model gave comments it had not learned. Those scores come from cross-fitting: the comments
 * are dealt into {@value #FOLDS} folds in turn, and each fold is judged by a model learned from
 * the others: a comment the model never saw is what a new comment is, while its own learned
 * comments it would judge too confidently.
 *
 * <p>The held-out scores, calibrated, are kept too: the share of spam and of legitimate comments
 * at or above any threshold is the estimate the comment settings page shows. Platt scaling
 * is monotonic, so the ranking of comments, and thus every threshold's catch, is the model's own.
 */
final class Calibration {
    static final int FOLDS = 4;
    /** Fewer held-out comments of either kind than this is no evidence: the model's own scores stand. */
    static final int MIN_EACH = 20;
    static final Calibration NONE = new Calibration(1, 0, new double[0], new double[0]);

    private final double slope;
    private final double intercept;
    private final double[] spam;
    private final double[] ham;

    private Calibration(double slope, double intercept, double[] spam, double[] ham) {
        this.slope = slope;
        this.intercept = intercept;
        this.spam = spam;
        this.ham = ham;
    }

    /**
     * Cross-fits {@code comments}: each fold (its number in {@code folds}, 0 to {@link #FOLDS} - 1)
     * is scored by a model learned from the others, then the two numbers are fitted to those scores.
     */
    static Calibration crossFit(List<LabeledComment> comments, int[] folds) {
        double[] logOdds = new double[comments.size()];
        boolean[] labels = new boolean[comments.size()];
        CommentScorer scorer = new CommentScorer();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabeledComment> learned = new ArrayList<>();
            for (int i = 0; i < comments.size(); i++) {
                if (folds[i] != fold) {
                    learned.add(comments.get(i));
                }
            }
            if (learned.size() == comments.size()) {
                continue;
            }
            Examples examples = new Examples();
            examples.addAll(learned);
            Weights weights = Weights.of(SpamClassifier.count(learned), examples, Regression.fit(examples));
            for (int i = 0; i < comments.size(); i++) {
                if (folds[i] == fold) {
                    logOdds[i] = scorer.logOdds(weights, comments.get(i).text());
                    labels[i] = comments.get(i).spam();
                }
            }
        }
        return fit(logOdds, labels);
    }

    /**
     * Platt's fit by Newton's method with a halving line search (Lin, Lin and Weng's version),
     * towards Platt's smoothed targets, so that a perfectly separated fold does not drive the
     * slope to infinity. Deterministic. Too few comments of either kind leave the scores as they are.
     */
    static Calibration fit(double[] logOdds, boolean[] labels) {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives < MIN_EACH || negatives < MIN_EACH) {
            return NONE;
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] target = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            target[i] = labels[i] ? hi : lo;
        }
        double a = 1;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double loss = loss(logOdds, target, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double gA = 0, gB = 0, hAA = 1e-12, hBB = 1e-12, hAB = 0;
            for (int i = 0; i < logOdds.length; i++) {
                double p = sigmoid(a * logOdds[i] + b);
                double d = p - target[i];
                double w = p * (1 - p);
                gA += d * logOdds[i];
                gB += d;
                hAA += w * logOdds[i] * logOdds[i];
                hBB += w;
                hAB += w * logOdds[i];
            }
            if (Math.abs(gA) < 1e-6 && Math.abs(gB) < 1e-6) {
                break;
            }
            double det = hAA * hBB - hAB * hAB;
            double stepA = -(hBB * gA - hAB * gB) / det;
            double stepB = -(-hAB * gA + hAA * gB) / det;
            double step = 1;
            double next = loss(logOdds, target, a + step * stepA, b + step * stepB);
            while (next > loss + 1e-4 * step * (gA * stepA + gB * stepB) && step > 1e-10) {
                step /= 2;
                next = loss(logOdds, target, a + step * stepA, b + step * stepB);
            }
            if (step <= 1e-10) {
                break;
            }
            a += step * stepA;
            b += step * stepB;
            loss = next;
        }
        List<Double> spam = new ArrayList<>();
        List<Double> ham = new ArrayList<>();
        for (int i = 0; i < logOdds.length; i++) {
            (labels[i] ? spam : ham).add(sigmoid(a * logOdds[i] + b));
        }
        return new Calibration(a, b, sorted(spam), sorted(ham));
    }

    private static double loss(double[] logOdds, double[] target, double a, double b) {
        double sum = 0;
        for (int i = 0; i < logOdds.length; i++) {
            double z = a * logOdds[i] + b;
            // -[t log p + (1-t) log(1-p)] written so that neither log overflows
            sum += z >= 0 ? (1 - target[i]) * z + Math.log1p(Math.exp(-z)) : -target[i] * z + Math.log1p(Math.exp(z));
        }
        return sum;
    }

    private static double[] sorted(List<Double> values) {
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(array);
        return array;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The calibrated spam probability of a comment the model gave these log odds. */
    double probability(double logOdds) {
        return sigmoid(slope * logOdds + intercept);
    }

    double slope() {
        return slope;
    }

    double intercept() {
        return intercept;
    }

    /** What held-out comments say a threshold would do: see {@link ExpectedRates}. */
    ExpectedRates rates(double threshold) {
        return new ExpectedRates(threshold, atOrAbove(spam, threshold), spam.length, atOrAbove(ham, threshold), ham.length);
    }

    private static int atOrAbove(double[] sorted, double threshold) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return sorted.length - low;
    }
}
