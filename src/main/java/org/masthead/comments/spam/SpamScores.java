package org.masthead.comments.spam;

import java.util.Locale;

/**
 * How well the classifier's verdicts match labelled comments: precision and recall for spam,
 * and the false-positive rate, the share of legitimate comments it would hold as spam.
 * A ratio with nothing to divide by is 0.
 */
public final class SpamScores {
    private long caught;
    private long missed;
    private long falseAlarms;
    private long passed;

    public void add(boolean actualSpam, boolean judgedSpam) {
        if (actualSpam) {
            if (judgedSpam) {
                caught++;
            } else {
                missed++;
            }
        } else if (judgedSpam) {
            falseAlarms++;
        } else {
            passed++;
        }
    }

    public double precision() {
        return ratio(caught, caught + falseAlarms);
    }

    public double recall() {
        return ratio(caught, caught + missed);
    }

    public double falsePositiveRate() {
        return ratio(falseAlarms, falseAlarms + passed);
    }

    public long comments() {
        return caught + missed + falseAlarms + passed;
    }

    /** The counts behind the ratios, for people. */
    public String detail() {
        return String.format(Locale.ROOT, "spam caught %d of %d; legitimate comments marked spam %d of %d",
                caught, caught + missed, falseAlarms, falseAlarms + passed);
    }

    /** The one line scripts read: {@code precision=0.xxx recall=0.xxx fpr=0.xxx n=N}. */
    public String summary() {
        return String.format(Locale.ROOT, "precision=%.3f recall=%.3f fpr=%.3f n=%d",
                precision(), recall(), falsePositiveRate(), comments());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
