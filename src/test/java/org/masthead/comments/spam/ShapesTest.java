package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes of a comment, which carry from one site to another where its words do not. */
class ShapesTest {
    private final FeatureExtractor extractor = new FeatureExtractor();

    private List<String> shapes(String comment) {
        extractor.extract(comment);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < extractor.count(); i++) {
            if (extractor.kind(i) == FeatureExtractor.SHAPE) {
                names.add(extractor.name(i));
            }
        }
        return names;
    }

    @Test
    void findsHiddenLinksAddressesAndNumbers() {
        assertThat(shapes("cheap pills at pharma dot com")).contains("s:hidden-link");
        assertThat(shapes("go to www . pills . com today")).contains("s:hidden-link");
        assertThat(shapes("write to deals@pills-shop.net now")).contains("s:email");
        assertThat(shapes("call +44 (0)20 7946 0958")).contains("s:phone");
        assertThat(shapes("The vote was 31 to 29 in 2026.")).doesNotContain("s:phone", "s:email", "s:hidden-link");
    }

    @Test
    void findsShoutingPromotionAndBait() {
        assertThat(shapes("SUBSCRIBE TO MY CHANNEL NOW!!!")).contains("s:caps", "s:shout", "s:promo");
        assertThat(shapes("Like this comment if you are watching in 2015")).contains("s:bait");
        assertThat(shapes("sooooo good \uD83D\uDE00\uD83D\uDE00")).contains("s:stretch", "s:emoji");
        assertThat(shapes("buy buy buy buy buy now now now now")).contains("s:repeat");
        assertThat(shapes("The council should publish the budget figures before the vote."))
                .containsExactly("s:len:2");
    }

    @Test
    void oneLengthBandPerComment() {
        assertThat(shapes("ok")).containsExactly("s:len:1");
        assertThat(shapes("word ".repeat(200))).contains("s:len:5").doesNotContain("s:len:1", "s:len:4");
    }

    @Test
    void moderatorsReadShapesInWords() {
        assertThat(new Verdict.Reason("s:promo", 1).describe()).isEqualTo("self-promotion");
        assertThat(new Verdict.Reason("s:len:3", 1).describe()).isEqualTo("its length");
    }
}
