package org.masthead.comments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.comments.spam.Verdict;
import org.masthead.privacy.IpDigest;

/**
 * The spam checks a new comment passes before it is stored, each of which can only make the
 * verdict stricter: publish, hold for a moderator, or spam. Every check that fired is a
 * reason, kept with the comment for moderators. Some things are not verdicts but refusals,
 * answered to the commenter with the form kept: too many comments in a short time, the
 * same comment twice.
 */
public final class CommentGate {
    /** Comments allowed from one IP network (IPv4 /24, IPv6 /48) within {@link #WINDOW}. */
    static final int PER_NETWORK = 10;
    /** Comments allowed from one email address within {@link #WINDOW}. */
    static final int PER_EMAIL = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** The classifier is trusted once it has learned this many comments. */
    static final long TRAINED = 20;
    /** A spam probability at or above this holds a comment when it is not spam outright. */
    public static final double HOLD_PROBABILITY = 0.75;
    /** Texts at least this long count as copies of each other across commenters. */
    private static final int COPY_LENGTH = 40;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final CommentStore store;
    private final SpamClassifier classifier;

    public CommentGate(CommentStore store, SpamClassifier classifier) {
        this.store = store;
        this.classifier = classifier;
    }

    /** What the gate decided: a status and its reasons, or a refusal with a message for the commenter. */
    public sealed interface Outcome {
        record Judged(CommentStatus status, List<String> reasons, double spamScore, String fingerprint,
                      String ipNetwork) implements Outcome {
        }

        record Refused(int httpStatus, String message) implements Outcome {
        }
    }

    /**
     * Judges a comment. {@code honeypot} is the hidden field's value; {@code formAge} how long
     * ago its form was made (from a valid token).
     */
    public Outcome judge(NewComment c, String honeypot, Duration formAge, Instant now) {
        CommentSettings settings = store.settings();
        String network = c.ip() == null ? null : IpDigest.network(c.ip());
        String fingerprint = fingerprint(c.body());
        Instant since = now.minus(WINDOW);
        if (store.countFromEmail(c.email(), since) >= PER_EMAIL
                || network != null && !"unknown".equals(network) && store.countFromNetwork(network, since) >= PER_NETWORK) {
            return new Outcome.Refused(429, "You have sent several comments in the last few minutes. "
                    + "Please wait a little and send this one again.");
        }
        List<Comment> copies = store.sameText(fingerprint, now.minus(Duration.ofDays(7)));
        for (Comment copy : copies) {
            if (copy.articleId() == c.articleId() && copy.email().equals(c.email())) {
                return new Outcome.Refused(409, "You have already posted this comment here.");
            }
        }

        List<String> reasons = new ArrayList<>();
        CommentStatus status = CommentStatus.APPROVED;
        if (honeypot != null && !honeypot.isEmpty()) {
            reasons.add("the hidden field that only robots see was filled in");
            status = CommentStatus.SPAM;
        }
        if (formAge.toSeconds() < settings.minFillSeconds()) {
            reasons.add("sent " + formAge.toMillis() / 1000.0 + " s after the form was shown");
            status = CommentStatus.SPAM;
        }
        for (String blocked : blocked(c)) {
            reasons.add(blocked);
            status = CommentStatus.SPAM;
        }
        long others = copies.stream().map(Comment::email).filter(e -> !e.equals(c.email())).distinct().count();
        if (others > 0 && normal(c.body()).length() >= COPY_LENGTH) {
            reasons.add("the same text came from " + others + " other address" + (others == 1 ? "" : "es") + " this week");
            status = CommentStatus.SPAM;
        }
        int links = CommentText.links(c.body());
        if (links > settings.maxLinks()) {
            reasons.add(links + " links (more than " + settings.maxLinks() + ")");
            status = stricter(status, CommentStatus.PENDING);
        }
        Verdict verdict = classifier.classify(c.body() + (c.url().isEmpty() ? "" : "\n" + c.url()));
        if (classifier.comments() < TRAINED) {
            reasons.add("the spam filter has learned from only " + classifier.comments() + " comments so far");
        } else {
            String why = verdict.reasons().stream().limit(3)
                    .map(r -> r.describe() + (r.weight() > 0 ? " (spam-like)" : " (ordinary)"))
                    .reduce((a, b) -> a + ", " + b).orElse("nothing it knows");
            String score = String.format(Locale.ROOT, "%.2f", verdict.spamProbability());
            if (verdict.spam()) {
                reasons.add("spam filter: probability " + score + "; " + why);
                status = CommentStatus.SPAM;
            } else if (verdict.spamProbability() >= HOLD_PROBABILITY) {
                reasons.add("spam filter unsure: probability " + score + "; " + why);
                status = stricter(status, CommentStatus.PENDING);
            } else {
                reasons.add("spam filter: probability " + score + "; " + why);
            }
        }
        if (settings.holdAll()) {
            reasons.add("the site holds every comment for a moderator");
            status = stricter(status, CommentStatus.PENDING);
        }
        return new Outcome.Judged(status, reasons, verdict.spamProbability(), fingerprint, network);
    }

    private List<String> blocked(NewComment c) {
        List<String> found = new ArrayList<>();
        String words = " " + NOT_WORD.matcher((c.name() + " " + c.body()).toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        List<String> hosts = new ArrayList<>(CommentText.linkHosts(c.body() + " " + c.url()));
        hosts.add(c.email().substring(c.email().indexOf('@') + 1));
        for (Block block : store.blocks()) {
            switch (block.kind()) {
                case EMAIL -> {
                    if (c.email().equals(block.value())) {
                        found.add("the email address " + block.value() + " is blocked");
                    }
                }
                case IP -> {
                    if (c.ip() != null && c.ip().equals(block.value())) {
                        found.add("the IP address " + block.value() + " is blocked");
                    }
                }
                case DOMAIN -> {
                    if (hosts.stream().anyMatch(h -> h.equals(block.value()) || h.endsWith("." + block.value()))) {
                        found.add("the domain " + block.value() + " is blocked");
                    }
                }
                case WORD -> {
                    String word = " " + NOT_WORD.matcher(block.value()).replaceAll(" ").strip() + " ";
                    if (word.length() > 2 && words.contains(word)) {
                        found.add("the blocked word \"" + block.value() + "\"");
                    }
                }
            }
        }
        return found;
    }

    private static CommentStatus stricter(CommentStatus current, CommentStatus next) {
        return current == CommentStatus.SPAM ? current : next;
    }

    /** The text reduced to its letters and digits, lowercased, accents kept. */
    static String normal(String body) {
        String folded = Normalizer.normalize(body, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(folded).replaceAll(" ").strip();
    }

    /** SHA-256 of the normalised text: equal for copies that differ only in spacing, case or punctuation. */
    public static String fingerprint(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
