package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.db.Database;

/**
 * A serving site calibrates after a moderator's lesson on a thread of its own: learning returns
 * with the new weights and the old calibration, and the calibration that follows is the one a
 * classifier calibrating before returning would have made.
 */
class BackgroundCalibrationTest {

    @Test
    void learningReturnsAtOnceAndTheCalibrationThatFollowsIsTheForegroundOne() {
        List<LabeledComment> lessons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lessons.add(new LabeledComment("The council vote on the harbour wall " + i + " was closer than the minutes say.", false));
            lessons.add(new LabeledComment("Win a free phone " + i + "!!! Click http://prize-" + i + ".example now", true));
        }
        try (Database foregroundDb = Database.open(TestSites.config(Kind.SQLITE).jdbcUrl());
             Database backgroundDb = Database.open(TestSites.config(Kind.SQLITE).jdbcUrl())) {
            SpamClassifier foreground = SpamClassifier.open(foregroundDb, SpamClassifier.DEFAULT_THRESHOLD, Starter.comments());
            SpamClassifier background = SpamClassifier.open(backgroundDb, SpamClassifier.DEFAULT_THRESHOLD, Starter.comments())
                    .calibratingInBackground();
            ExpectedRates starterRates = background.expected(0.5);
            assertThat(starterRates).isEqualTo(foreground.expected(0.5));

            foreground.learnAll(lessons);
            background.learnAll(lessons);
            assertThat(background.comments()).isEqualTo(80);
            background.awaitCalibration();

            assertThat(background.expected(0.5)).isEqualTo(foreground.expected(0.5)).isNotEqualTo(starterRates);
            for (String text : List.of("Win a free phone now!!! http://prize.example", "The harbour wall vote was close.")) {
                assertThat(background.classify(text).spamProbability()).isEqualTo(foreground.classify(text).spamProbability());
            }
        }
    }
}
