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
 * The spam checks a new comment passes before it is stored, as a chain of {@link SpamSignal}s
 * asked in a fixed order. Each can only make the verdict stricter: publish, hold for a
 * moderator, or spam; every reason a signal gives is kept with the comment for moderators.
 * Some things are not verdicts but refusals, answered to the commenter with the form kept:
 * too many comments in a short time, the same comment twice.
 */
public final class CommentGate {
    /** Comments allowed from one email address within a few minutes. */
    static final int PER_EMAIL = RateSignal.PER_EMAIL;
    /** How far back earlier copies of a text are looked for. */
    private static final Duration COPIES_SINCE = Duration.ofDays(7);
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final CommentStore store;
    private final SpamClassifier classifier;
    private final List<SpamSignal> signals;

    public CommentGate(CommentStore store, SpamClassifier classifier) {
        this.store = store;
        this.classifier = classifier;
        // Refusals first: a refused comment is not judged. The order of the rest is the order of the reasons.
        this.signals = List.of(new RateSignal(store), new RepeatSignal(), new HoneypotSignal(), new FormAgeSignal(),
                new BlocklistSignal(store), new CopySignal(), new LinkSignal(), new ClassifierSignal(),
                new HoldAllSignal());
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
        String network = c.ip() == null ? null : IpDigest.network(c.ip());
        String fingerprint = fingerprint(c.body());
        Verdict verdict = classifier.classify(c.body() + (c.url().isEmpty() ? "" : "\n" + c.url()));
        Submission s = new Submission(c, honeypot, formAge, now, store.settings(), network,
                store.sameText(fingerprint, now.minus(COPIES_SINCE)), verdict, classifier.known());
        CommentStatus status = CommentStatus.APPROVED;
        List<String> reasons = new ArrayList<>();
        for (SpamSignal signal : signals) {
            switch (signal.check(s)) {
                case Finding.Refused refused -> {
                    return new Outcome.Refused(refused.httpStatus(), refused.message());
                }
                case Finding.Noted noted -> {
                    reasons.addAll(noted.reasons());
                    status = stricter(status, noted.status());
                }
            }
        }
        return new Outcome.Judged(status, reasons, verdict.spamProbability(), fingerprint, network);
    }

    /**
     * The refusals that depend on earlier comments (the rate limits and the same comment twice),
     * asked again of {@code history} as the storing transaction sees it, after the judgement:
     * comments sent at the same moment all passed {@link #judge}, and only one at a time may
     * pass this. Null when the comment may be stored.
     */
    Outcome.Refused recheck(CommentHistory history, NewComment c, Outcome.Judged judged, Instant now) {
        Submission s = new Submission(c, "", Duration.ZERO, now, store.settings(), judged.ipNetwork(),
                history.sameText(judged.fingerprint(), now.minus(COPIES_SINCE)), null, 0);
        for (SpamSignal signal : List.of(new RateSignal(history), new RepeatSignal())) {
            if (signal.check(s) instanceof Finding.Refused refused) {
                return new Outcome.Refused(refused.httpStatus(), refused.message());
            }
        }
        return null;
    }

    /** SPAM over PENDING over APPROVED. */
    static CommentStatus stricter(CommentStatus current, CommentStatus next) {
        if (current == CommentStatus.SPAM || next == CommentStatus.SPAM) {
            return CommentStatus.SPAM;
        }
        return current == CommentStatus.PENDING || next == CommentStatus.PENDING ? CommentStatus.PENDING : current;
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
