package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The features a comment is judged by, and the stored names the weights are found under. */
class FeatureExtractorTest {
    private final FeatureExtractor extractor = new FeatureExtractor();

    private List<String> names(String comment, int kind) {
        extractor.extract(comment);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < extractor.count(); i++) {
            if (extractor.kind(i) == kind) {
                names.add(extractor.name(i));
            }
        }
        return names;
    }

    @Test
    void pairsAdjacentWordsWhateverSeparatesThem() {
        assertThat(names("Check out... my CHANNEL, a x please!", FeatureExtractor.PAIR))
                .containsExactly("p:check out", "p:out my", "p:my channel", "p:channel please");
        assertThat(names("subscribe", FeatureExtractor.PAIR)).isEmpty();
    }

    @Test
    void everyFeatureHashesAsItsStoredName() {
        extractor.extract("Check out my channel!! http://www.free-gifts.biz/join \uD83D\uDE00 café\u00A0au lait\n\tOK");
        assertThat(extractor.count()).isGreaterThan(50);
        for (int i = 0; i < extractor.count(); i++) {
            assertThat(FeatureExtractor.hashOf(extractor.name(i))).as(extractor.name(i)).isEqualTo(extractor.hash(i));
        }
    }
}
