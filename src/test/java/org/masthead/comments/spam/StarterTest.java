package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.db.Database;

/** A new site's classifier starts from the comments shipped in the jar; its moderators' lessons then adapt it. */
class StarterTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewSiteJudgesFromItsFirstDayAndLearnsOnTop(Kind kind) {
        List<LabeledComment> starter = Starter.comments();
        assertThat(starter).hasSizeGreaterThan(1_100).anyMatch(LabeledComment::spam).anyMatch(c -> !c.spam());
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            SpamClassifier classifier = SpamClassifier.open(db, SpamClassifier.DEFAULT_THRESHOLD, starter);
            assertThat(classifier.comments()).isZero();
            assertThat(classifier.known()).isEqualTo(starter.size());
            assertThat(classifier.classify("Check out my channel and subscribe!!! http://cheap-views.example.com").spam()).isTrue();
            assertThat(classifier.classify("The council should publish the harbour budget before Tuesday's vote; "
                    + "the last two were only shown to councillors on the morning.").spamProbability()).isLessThan(0.5);

            // A site's own spam, which the starter comments know nothing of, is learned on top of them.
            String pitch = "Our lottery syndicate pays out weekly, message Gerald on the harbour noticeboard";
            double before = classifier.classify(pitch).spamProbability();
            for (int i = 0; i < 5; i++) {
                classifier.learn("Lottery syndicate pays out weekly number " + i + ", message Gerald", true);
            }
            assertThat(classifier.comments()).isEqualTo(5);
            assertThat(classifier.classify(pitch).spamProbability()).isGreaterThan(before);
            // The lessons are stored; the starter comments are not.
            long stored = db.read(h -> h.createQuery("select count(*) from spam_examples").mapTo(Long.class).one());
            assertThat(stored).isEqualTo(5);
        }
    }
}
