package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regression weighs features together, and the same comments always give the same weights. */
class RegressionTest {
    private static Examples examples() {
        Examples examples = new Examples();
        for (int i = 0; i < 5; i++) {
            examples.addAll(List.of(
                    new LabeledComment("check out my channel", true),
                    new LabeledComment("please check out my new song", true),
                    new LabeledComment("check the results out, my team won", false),
                    new LabeledComment("my channel of choice is the news", false),
                    new LabeledComment("out of the blue, check this again", false)));
        }
        return examples;
    }

    private static float weight(Examples examples, Regression fit, String name) {
        for (int number = 0; number < examples.vocabulary(); number++) {
            if (examples.name(number).equals(name)) {
                return fit.weight(number);
            }
        }
        throw new AssertionError(name + " was never learned");
    }

    @Test
    void aPairOnlySpamUsesOutweighsItsWordsThatReadersUseToo() {
        Examples examples = examples();
        Regression fit = Regression.fit(examples);
        float pair = weight(examples, fit, "p:check out");
        assertThat(pair).isPositive();
        assertThat(pair).isGreaterThan(Math.abs(weight(examples, fit, "w:check")));
        assertThat(pair).isGreaterThan(Math.abs(weight(examples, fit, "w:out")));
        assertThat(weight(examples, fit, "w:the")).isNegative();
    }

    @Test
    void theSameCommentsGiveTheSameWeights() {
        Examples examples = examples();
        Regression first = Regression.fit(examples);
        Regression second = Regression.fit(examples());
        assertThat(second.bias()).isEqualTo(first.bias());
        for (int number = 0; number < examples.vocabulary(); number++) {
            assertThat(second.weight(number)).isEqualTo(first.weight(number));
        }
    }

    @Test
    void onlyTheMostRecentCommentsAreFitted() {
        Examples older = new Examples();
        for (int i = 0; i < 30; i++) {
            older.add(new LabeledComment("win a prize voucher now", true));
        }
        Examples recent = examples();
        for (int i = 0; i < recent.size(); i++) {
            older.add(new LabeledComment(text(i), i % 5 < 2));
        }
        Regression capped = Regression.fit(older, recent.size());
        Regression alone = Regression.fit(recent, recent.size());
        assertThat(capped.bias()).isEqualTo(alone.bias());
        for (String name : List.of("p:check out", "w:check", "w:the", "w:channel")) {
            assertThat(weight(older, capped, name)).as(name).isEqualTo(weight(recent, alone, name));
        }
        assertThat(weight(older, capped, "w:prize")).isZero();
        assertThat(weight(older, Regression.fit(older, older.size()), "w:prize")).isPositive();
    }

    /** The comments {@link #examples()} learns, in the same order. */
    private static String text(int i) {
        return List.of("check out my channel", "please check out my new song", "check the results out, my team won",
                "my channel of choice is the news", "out of the blue, check this again").get(i % 5);
    }

    @Test
    void nothingLearnedIsEvenOdds() {
        Regression fit = Regression.fit(new Examples());
        assertThat(fit.bias()).isZero();
    }
}
