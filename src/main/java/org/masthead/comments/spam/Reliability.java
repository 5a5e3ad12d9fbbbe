package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reliability table: labelled comments grouped by the spam probability they were given, in
 * {@value #BINS} bins of 0.1, with the mean probability and the share that was spam in each.
 * Calibrated probabilities keep the two close; the gap, weighted by the comments in each bin,
 * is the expected calibration error.
 */
public final class Reliability {
    public static final int BINS = 10;
    private final long[] comments = new long[BINS];
    private final long[] spam = new long[BINS];
    private final double[] predicted = new double[BINS];

    public void add(double probability, boolean actualSpam) {
        int bin = Math.min(BINS - 1, (int) (probability * BINS));
        comments[bin]++;
        spam[bin] += actualSpam ? 1 : 0;
        predicted[bin] += probability;
    }

    /** One bin: its range, how many comments fell in it, their mean probability and the share that was spam. */
    public record Bin(double from, double to, long comments, double predicted, double observed) {
    }

    /** The bins that hold a comment, lowest first. */
    public List<Bin> bins() {
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            if (comments[i] > 0) {
                bins.add(new Bin((double) i / BINS, (double) (i + 1) / BINS, comments[i], predicted[i] / comments[i],
                        (double) spam[i] / comments[i]));
            }
        }
        return bins;
    }

    /** The mean gap between predicted and observed spam rate, weighted by each bin's comments. */
    public double expectedCalibrationError() {
        long total = 0;
        double gap = 0;
        for (Bin bin : bins()) {
            total += bin.comments();
            gap += bin.comments() * Math.abs(bin.predicted() - bin.observed());
        }
        return total == 0 ? 0 : gap / total;
    }

    /** The table for people, one line a bin, then the error. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("probability  comments  predicted  observed");
        for (Bin bin : bins()) {
            lines.add(String.format(Locale.ROOT, "%.1f-%.1f  %8d  %9.3f  %8.3f", bin.from(), bin.to(), bin.comments(),
                    bin.predicted(), bin.observed()));
        }
        lines.add(String.format(Locale.ROOT, "expected calibration error %.3f", expectedCalibrationError()));
        return lines;
    }
}
