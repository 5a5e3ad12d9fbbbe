package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.db.Database;

/** Whether the classifier's probabilities mean what they say on comments it did not learn. */
class CalibrationTest {

    /**
     * Every fifth shipped comment is held out; the site learns the rest as lessons, so its
     * calibration comes from its own folds. On the held-out fifth the gap between predicted and
     * observed spam rate, averaged over the bins (expected calibration error), must stay within
     * three times what sampling alone gives a perfectly calibrated model on these comments
     * (per bin sqrt(2/pi) * sqrt(p(1-p)/n), weighted by its comments) plus 0.02 for the bins'
     * width, and well below what the same model's uncalibrated log odds give.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void probabilitiesOnAHeldOutSplitMatchTheSpamRateObserved(Kind kind) {
        List<LabeledComment> learned = new ArrayList<>();
        List<LabeledComment> heldOut = new ArrayList<>();
        List<LabeledComment> shipped = Starter.comments();
        for (int i = 0; i < shipped.size(); i++) {
            (i % 5 == 0 ? heldOut : learned).add(shipped.get(i));
        }
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            SpamClassifier classifier = SpamClassifier.open(db);
            classifier.learnAll(learned);
            Reliability calibrated = new Reliability();
            heldOut.forEach(c -> calibrated.add(classifier.classify(c.text()).spamProbability(), c.spam()));

            Examples examples = new Examples();
            examples.addAll(learned);
            Weights weights = Weights.of(SpamClassifier.count(learned), examples, Regression.fit(examples));
            CommentScorer scorer = new CommentScorer();
            Reliability raw = new Reliability();
            heldOut.forEach(c -> raw.add(scorer.score(weights, Calibration.NONE, c.text(), 0.5).spamProbability(), c.spam()));

            double tolerance = 3 * samplingError(calibrated, heldOut.size()) + 0.02;
            assertThat(calibrated.expectedCalibrationError()).isLessThan(tolerance);
            assertThat(calibrated.expectedCalibrationError()).isLessThan(raw.expectedCalibrationError());
        }
    }

    /** The calibration error a perfectly calibrated model would still show on this many comments, by chance. */
    private static double samplingError(Reliability reliability, int comments) {
        double sum = 0;
        for (Reliability.Bin bin : reliability.bins()) {
            double p = bin.predicted();
            sum += bin.comments() * Math.sqrt(2 / Math.PI) * Math.sqrt(p * (1 - p) / bin.comments());
        }
        return sum / comments;
    }

    @Test
    void plattScalingRecoversAKnownSlopeAndIntercept() {
        // Labels drawn (deterministically) from sigmoid(0.5 z - 1): the fit must find those two numbers.
        int n = 20_000;
        double[] z = new double[n];
        boolean[] spam = new boolean[n];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() * 4;
            spam[i] = random.nextDouble() < Calibration.sigmoid(0.5 * z[i] - 1);
        }
        Calibration fitted = Calibration.fit(z, spam);
        assertThat(fitted.slope()).isBetween(0.45, 0.55);
        assertThat(fitted.intercept()).isBetween(-1.1, -0.9);
        assertThat(fitted.rates(0.5).spam()).isEqualTo(countTrue(spam));
    }

    @Test
    void tooFewHeldOutCommentsLeaveTheScoresAsTheyAre() {
        double[] z = {-3, -2, 2, 3};
        boolean[] spam = {false, false, true, true};
        Calibration none = Calibration.fit(z, spam);
        assertThat(none.probability(2.0)).isEqualTo(Calibration.sigmoid(2.0));
        assertThat(none.rates(0.9).known()).isFalse();
    }

    private static int countTrue(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }
}
