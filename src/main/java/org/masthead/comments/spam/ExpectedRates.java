package org.masthead.comments.spam;

/**
 * What a spam threshold is expected to do, counted on comments the model judged without having
 * learned them (the calibration's held-out folds): how many of the spam and of the legitimate
 * ones score at or above it.
 */
public record ExpectedRates(double threshold, int spamAbove, int spam, int legitimateAbove, int legitimate) {

    /** The share of spam at or above the threshold; 0 with no spam to count. */
    public double spamShare() {
        return spam == 0 ? 0 : (double) spamAbove / spam;
    }

    /** The share of legitimate comments at or above the threshold; 0 with none to count. */
    public double legitimateShare() {
        return legitimate == 0 ? 0 : (double) legitimateAbove / legitimate;
    }

    /** Whether there was anything held out to count. */
    public boolean known() {
        return spam > 0 && legitimate > 0;
    }
}
