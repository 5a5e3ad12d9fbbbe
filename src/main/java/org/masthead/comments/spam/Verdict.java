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
                case "s:" -> shape(value);
                default -> "a link";
            };
        }

        private static String shape(String name) {
            return switch (name) {
                case "hidden-link" -> "a link written out to hide it";
                case "email" -> "an email address";
                case "phone" -> "a phone number";
                case "caps" -> "mostly capital letters";
                case "shout" -> "repeated exclamation or question marks";
                case "emoji" -> "several emoji";
                case "stretch" -> "a stretched word";
                case "repeat" -> "the same words over and over";
                case "promo" -> "self-promotion";
                case "bait" -> "asking for likes or shares";
                default -> name.startsWith("len:") ? "its length" : name;
            };
        }
    }
}
