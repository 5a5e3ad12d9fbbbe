package org.masthead.comments;

import java.util.Locale;
import org.masthead.comments.spam.Verdict;

/**
 * What the spam classifier thinks, once it has learned enough to be trusted: spam, unsure
 * (held), or ordinary, by the site's two thresholds ({@link CommentSettings#holdProbability()},
 * {@link CommentSettings#spamProbability()}), read for each comment. Its reason names the
 * features that weighed most.
 */
final class ClassifierSignal implements SpamSignal {
    /** The classifier is trusted once it has learned this many comments. */
    static final long TRAINED = 20;

    @Override
    public Finding check(Submission s) {
        if (s.learned() < TRAINED) {
            return Finding.note("the spam filter has learned from only " + s.learned() + " comments so far");
        }
        Verdict verdict = s.verdict();
        String why = verdict.reasons().stream().limit(3)
                .map(r -> r.describe() + (r.weight() > 0 ? " (spam-like)" : " (ordinary)"))
                .reduce((a, b) -> a + ", " + b).orElse("nothing it knows");
        String score = String.format(Locale.ROOT, "%.2f", verdict.spamProbability());
        if (verdict.spamProbability() >= s.settings().spamProbability()) {
            return Finding.spam("spam filter: probability " + score + "; " + why);
        }
        if (verdict.spamProbability() >= s.settings().holdProbability()) {
            return Finding.hold("spam filter unsure: probability " + score + "; " + why);
        }
        return Finding.note("spam filter: probability " + score + "; " + why);
    }
}
