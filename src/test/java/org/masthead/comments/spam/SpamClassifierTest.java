package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.db.Database;

/** The classifier as the moderation queue will use it: learn from labelled comments, judge new ones, explain why. */
class SpamClassifierTest {
    static final List<LabeledComment> TINY = List.of(
            new LabeledComment("Check out my channel and subscribe! http://cheap-followers.example.com", true),
            new LabeledComment("Subscribe to my channel for free gift cards, visit www.free-gifts.biz now", true),
            new LabeledComment("Make money fast from home, click https://cheap-followers.example.com/join", true),
            new LabeledComment("FREE followers!!! subscribe to my channel, check out my channel", true),
            new LabeledComment("Win a free iPhone, visit free-gifts.biz and subscribe", true),
            new LabeledComment("The council should publish the budget figures before the vote.", false),
            new LabeledComment("I live near the harbour and the new tram line would help a lot.", false),
            new LabeledComment("Thanks for this report, the flood walls story was really clear.", false),
            new LabeledComment("The library opening late is great news for students like me.", false),
            new LabeledComment("Why was the vote on the budget delayed again? The council owes us answers.", false));

    @ParameterizedTest
    @EnumSource(Kind.class)
    void separatesObviousSpamFromReadersAfterATinyTrainingSet(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            SpamClassifier classifier = SpamClassifier.open(db, 0.5);
            assertThat(classifier.comments()).isZero();
            assertThat(classifier.classify("anything at all").spamProbability()).isEqualTo(0.5);
            classifier.learnAll(TINY);

            Verdict spam = classifier.classify("Subscribe to my channel!! free gifts at http://free-gifts.biz");
            Verdict reader = classifier.classify("The council vote on the harbour budget was delayed again.");
            assertThat(spam.spam()).isTrue();
            assertThat(spam.spamProbability()).isGreaterThan(0.9);
            assertThat(reader.spam()).isFalse();
            assertThat(reader.spamProbability()).isLessThan(0.1);
            // A moderator sees why: the strongest reasons point the way of the verdict.
            assertThat(spam.reasons()).hasSize(CommentScorer.REASONS);
            assertThat(spam.reasons().getFirst().weight()).isPositive();
            assertThat(spam.reasons()).extracting(Verdict.Reason::feature).containsAnyOf("w:subscribe", "w:channel", "has:url",
                    "d:free-gifts.biz", "w:free");
            assertThat(reader.reasons().getFirst().weight()).isNegative();
            assertThat(spam.reasons()).allSatisfy(r -> assertThat(r.describe()).isNotBlank());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whatItLearnedSurvivesARestartAndEachBatchIsOneLoggedChange(Kind kind) {
        String url = TestSites.config(kind).jdbcUrl();
        String comment = "free gifts, subscribe to my channel http://free-gifts.biz";
        double before;
        try (Database db = Database.open(url)) {
            SpamClassifier classifier = SpamClassifier.open(db);
            classifier.learnAll(TINY);
            classifier.learn("Visit free-gifts.biz for a free gift", true);
            before = classifier.classify(comment).spamProbability();
            long logged = db.read(h -> h.createQuery("select count(*) from change_log where entity = 'spam_model'")
                    .mapTo(Long.class).one());
            assertThat(logged).isEqualTo(2);
        }
        try (Database db = Database.open(url)) {
            SpamClassifier fresh = SpamClassifier.open(db);
            assertThat(fresh.comments()).isEqualTo(TINY.size() + 1);
            assertThat(fresh.classify(comment).spamProbability()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherInstanceHearsOfWhatOneLearned(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            SpamClassifier first = SpamClassifier.open(db);
            SpamClassifier second = SpamClassifier.open(db);
            db.addListener(first);
            db.addListener(second);
            first.learnAll(TINY);
            eventually(() -> second.comments() == TINY.size());
            String comment = "subscribe to my channel for free gifts";
            assertThat(second.classify(comment).spamProbability()).isEqualTo(first.classify(comment).spamProbability());
            second.learn("The tram extension is overdue.", false);
            eventually(() -> first.comments() == TINY.size() + 1);
        }
    }

    /** The other instance reloads on a thread of its own after the commit: wait for it, up to 10 s. */
    private static void eventually(BooleanSupplier condition) {
        TestSites.eventually("the other instance reloaded within 10 s", Duration.ofSeconds(10), condition);
    }
}
