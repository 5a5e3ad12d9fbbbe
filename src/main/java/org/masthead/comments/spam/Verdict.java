package org.masthead.comments.spam;

import java.util.List;

/**
 * The classifier's answer for one comment: the probability that it is spam, whether that
 * reaches the threshold, and the features that weighed most, so a moderator can see why.
 */
public record Verdict(double spamProbability, boolean spam, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /**
     * One feature and how far it moved the verdict, in log-odds: positive towards spam,
     * negative towards a legitimate comment.
     */
    public record Reason(String feature, double weight) {

        /** The feature in a moderator's words, such as {@code the word "subscribe"}. */
        public String describe() {
            int colon = feature.indexOf(':');
            String kind = feature.substring(0, colon + 1);
            String value = feature.substring(colon + 1);
            return switch (kind) {
                case "w:" -> "the word \"" + value + "\"";
                case "p:" -> "the words \"" + value + "\"";
                case "c:" -> "the letters \"" + value + "\"";
                case "d:" -> "a link to " + value;
                default -> "a link";
            };
        }
    }
}
