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
    void nothingLearnedIsEvenOdds() {
        Regression fit = Regression.fit(new Examples());
        assertThat(fit.bias()).isZero();
    }
}
