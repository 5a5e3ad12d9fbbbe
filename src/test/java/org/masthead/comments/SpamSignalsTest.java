package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.masthead.comments.spam.Verdict;

/** Each check of the comment gate on its own, without a database. */
class SpamSignalsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String TEXT = "The ferry timetable changes on Monday, and the harbour office has not said why.";
    private static final Verdict ORDINARY = new Verdict(0.1, false,
            List.of(new Verdict.Reason("w:ferry", -1.2), new Verdict.Reason("w:casino", 0.8)));

    private static NewComment comment(String name, String email, String url, String body, String ip) {
        return new NewComment(7, null, name, email, url, body, ip);
    }

    private static final NewComment MARA = comment("Mara Quill", "mara@example.org", "", TEXT, "203.0.113.9");

    private static Submission submission(NewComment c) {
        return new Submission(c, "", Duration.ofSeconds(30), NOW, CommentSettings.DEFAULTS, "203.0.113.0", List.of(),
                ORDINARY, 100);
    }

    private static Submission with(NewComment c, CommentSettings settings) {
        Submission s = submission(c);
        return new Submission(s.comment(), s.honeypot(), s.formAge(), s.now(), settings, s.network(), s.copies(),
                s.verdict(), s.learned());
    }

    private static Comment earlier(long articleId, String email) {
        return new Comment(1, articleId, null, 0, "Someone", email, "", TEXT, CommentStatus.APPROVED, List.of(), 0.1,
                null, false, NOW.minusSeconds(3600), NOW.minusSeconds(3600));
    }

    private static Submission withCopies(NewComment c, List<Comment> copies) {
        Submission s = submission(c);
        return new Submission(s.comment(), s.honeypot(), s.formAge(), s.now(), s.settings(), s.network(), copies,
                s.verdict(), s.learned());
    }

    private static CommentSettings settings(boolean holdAll, int maxLinks, int minFillSeconds) {
        CommentSettings d = CommentSettings.DEFAULTS;
        return new CommentSettings(d.enabled(), holdAll, d.maxDepth(), d.perPage(), d.newestFirst(), d.closeAfterDays(),
                d.spamDays(), d.ipDays(), maxLinks, minFillSeconds, d.formHours(), d.privacyUrl(),
                d.holdProbability(), d.spamProbability());
    }

    /** Earlier comments and blocks as given, instead of a database. */
    private static final class History implements CommentHistory {
        int fromEmail;
        int fromNetwork;
        final List<Block> blocks = new ArrayList<>();
        Instant askedSince;

        @Override
        public int countFromEmail(String email, Instant since) {
            askedSince = since;
            return fromEmail;
        }

        @Override
        public int countFromNetwork(String network, Instant since) {
            return fromNetwork;
        }

        @Override
        public List<Comment> sameText(String fingerprint, Instant since) {
            return List.of();
        }

        @Override
        public List<Block> blocks() {
            return blocks;
        }
    }

    @Nested
    class Rate {
        @Test
        void refusesTheFifthCommentFromOneAddressWithinTenMinutes() {
            History history = new History();
            history.fromEmail = RateSignal.PER_EMAIL - 1;
            assertThat(new RateSignal(history).check(submission(MARA))).isEqualTo(Finding.NOTHING);
            assertThat(history.askedSince).isEqualTo(NOW.minus(Duration.ofMinutes(10)));

            history.fromEmail = RateSignal.PER_EMAIL;
            assertThat(new RateSignal(history).check(submission(MARA)))
                    .isEqualTo(new Finding.Refused(429, "You have sent several comments in the last few minutes. "
                            + "Please wait a little and send this one again."));
        }

        @Test
        void countsANetworkUnlessItsAddressIsUnknown() {
            History history = new History();
            history.fromNetwork = RateSignal.PER_NETWORK;
            assertThat(new RateSignal(history).check(submission(MARA))).isInstanceOf(Finding.Refused.class);
            Submission unknown = new Submission(MARA, "", Duration.ofSeconds(30), NOW, CommentSettings.DEFAULTS,
                    "unknown", List.of(), ORDINARY, 100);
            assertThat(new RateSignal(history).check(unknown)).isEqualTo(Finding.NOTHING);
            Submission noAddress = new Submission(MARA, "", Duration.ofSeconds(30), NOW, CommentSettings.DEFAULTS,
                    null, List.of(), ORDINARY, 100);
            assertThat(new RateSignal(history).check(noAddress)).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Repeat {
        @Test
        void refusesTheSameTextFromTheSameAddressUnderTheSameArticle() {
            assertThat(new RepeatSignal().check(withCopies(MARA, List.of(earlier(7, "mara@example.org")))))
                    .isEqualTo(new Finding.Refused(409, "You have already posted this comment here."));
        }

        @Test
        void letsTheSameTextUnderAnotherArticleOrFromAnotherAddressThrough() {
            assertThat(new RepeatSignal().check(withCopies(MARA, List.of(earlier(8, "mara@example.org"),
                    earlier(7, "tom@example.org"))))).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Honeypot {
        @Test
        void aFilledHiddenFieldIsSpam() {
            Submission s = submission(MARA);
            Submission filled = new Submission(MARA, "http://pills.example", s.formAge(), NOW, s.settings(), s.network(),
                    s.copies(), s.verdict(), s.learned());
            assertThat(new HoneypotSignal().check(filled))
                    .isEqualTo(Finding.spam("the hidden field that only robots see was filled in"));
            assertThat(new HoneypotSignal().check(s)).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class FormAge {
        @Test
        void aFormSentSoonerThanTheSettingIsSpam() {
            Submission s = submission(MARA);
            Submission quick = new Submission(MARA, "", Duration.ofMillis(1500), NOW, settings(false, 2, 3),
                    s.network(), s.copies(), s.verdict(), s.learned());
            assertThat(new FormAgeSignal().check(quick)).isEqualTo(Finding.spam("sent 1.5 s after the form was shown"));
            Submission inTime = new Submission(MARA, "", Duration.ofSeconds(3), NOW, settings(false, 2, 3),
                    s.network(), s.copies(), s.verdict(), s.learned());
            assertThat(new FormAgeSignal().check(inTime)).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Blocklist {
        @Test
        void givesOneReasonPerBlockThatMatches() {
            History history = new History();
            history.blocks.add(new Block(1, Block.Kind.EMAIL, "mara@example.org"));
            history.blocks.add(new Block(2, Block.Kind.IP, "203.0.113.9"));
            history.blocks.add(new Block(3, Block.Kind.DOMAIN, "pills.example"));
            history.blocks.add(new Block(4, Block.Kind.WORD, "casino"));
            history.blocks.add(new Block(5, Block.Kind.WORD, "roulette"));
            NewComment c = comment("Casino Mara", "mara@example.org", "https://www.pills.example/buy", TEXT,
                    "203.0.113.9");
            assertThat(new BlocklistSignal(history).check(submission(c))).isEqualTo(new Finding.Noted(CommentStatus.SPAM,
                    List.of("the email address mara@example.org is blocked", "the IP address 203.0.113.9 is blocked",
                            "the domain pills.example is blocked", "the blocked word \"casino\"")));
        }

        @Test
        void aWordMatchesOnlyAsAWholeWordAndTheEmailDomainCounts() {
            History history = new History();
            history.blocks.add(new Block(1, Block.Kind.WORD, "ferry"));
            history.blocks.add(new Block(2, Block.Kind.DOMAIN, "example.org"));
            NewComment c = comment("Mara", "mara@example.org", "", "The ferrymen strike again.", null);
            assertThat(new BlocklistSignal(history).check(submission(c)))
                    .isEqualTo(Finding.spam("the domain example.org is blocked"));
            assertThat(new BlocklistSignal(new History()).check(submission(c))).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Copies {
        @Test
        void theSameLongTextFromOtherAddressesIsSpam() {
            Submission s = withCopies(MARA, List.of(earlier(3, "tom@example.org"), earlier(4, "tom@example.org"),
                    earlier(5, "ada@example.org"), earlier(7, "mara@example.org")));
            assertThat(new CopySignal().check(s))
                    .isEqualTo(Finding.spam("the same text came from 2 other addresses this week"));
            assertThat(new CopySignal().check(withCopies(MARA, List.of(earlier(3, "tom@example.org")))))
                    .isEqualTo(Finding.spam("the same text came from 1 other address this week"));
        }

        @Test
        void shortTextsAndOwnCopiesAreNotCopies() {
            NewComment thanks = comment("Mara", "mara@example.org", "", "Thank you!", null);
            assertThat(new CopySignal().check(withCopies(thanks, List.of(earlier(3, "tom@example.org")))))
                    .isEqualTo(Finding.NOTHING);
            assertThat(new CopySignal().check(withCopies(MARA, List.of(earlier(3, "mara@example.org")))))
                    .isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Links {
        @Test
        void moreLinksThanTheSettingHoldTheComment() {
            NewComment linked = comment("Mara", "mara@example.org", "",
                    "See https://a.example, https://b.example and https://c.example.", null);
            assertThat(new LinkSignal().check(with(linked, settings(false, 2, 3))))
                    .isEqualTo(Finding.hold("3 links (more than 2)"));
            assertThat(new LinkSignal().check(with(linked, settings(false, 3, 3)))).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Classifier {
        private Submission judged(Verdict verdict, long learned) {
            return new Submission(MARA, "", Duration.ofSeconds(30), NOW, CommentSettings.DEFAULTS, "203.0.113.0",
                    List.of(), verdict, learned);
        }

        @Test
        void anUntrainedFilterOnlySaysSo() {
            assertThat(new ClassifierSignal().check(judged(new Verdict(0.99, true, List.of()), 19)))
                    .isEqualTo(Finding.note("the spam filter has learned from only 19 comments so far"));
        }

        @Test
        void aTrainedFilterMarksSpamHoldsTheUnsureAndNotesTheRest() {
            List<Verdict.Reason> reasons = List.of(new Verdict.Reason("w:casino", 2.1), new Verdict.Reason("d:pills.example", 1.4),
                    new Verdict.Reason("p:free spins", 0.9), new Verdict.Reason("w:ferry", -0.3));
            assertThat(new ClassifierSignal().check(judged(new Verdict(0.97, true, reasons), 20)))
                    .isEqualTo(Finding.spam("spam filter: probability 0.97; the word \"casino\" (spam-like), "
                            + "a link to pills.example (spam-like), the words \"free spins\" (spam-like)"));
            assertThat(new ClassifierSignal().check(judged(new Verdict(0.8, false, List.of()), 20)))
                    .isEqualTo(Finding.hold("spam filter unsure: probability 0.80; nothing it knows"));
            assertThat(new ClassifierSignal().check(judged(ORDINARY, 20)))
                    .isEqualTo(Finding.note("spam filter: probability 0.10; the word \"ferry\" (ordinary), "
                            + "the word \"casino\" (spam-like)"));
        }
    }

    @Nested
    class HoldAll {
        @Test
        void holdsEveryCommentWhenTheSiteSaysSo() {
            assertThat(new HoldAllSignal().check(with(MARA, settings(true, 2, 3))))
                    .isEqualTo(Finding.hold("the site holds every comment for a moderator"));
            assertThat(new HoldAllSignal().check(submission(MARA))).isEqualTo(Finding.NOTHING);
        }
    }

    @Nested
    class Strictness {
        @Test
        void spamOutranksHoldingWhichOutranksPublishing() {
            assertThat(CommentGate.stricter(CommentStatus.SPAM, CommentStatus.PENDING)).isEqualTo(CommentStatus.SPAM);
            assertThat(CommentGate.stricter(CommentStatus.PENDING, CommentStatus.APPROVED)).isEqualTo(CommentStatus.PENDING);
            assertThat(CommentGate.stricter(CommentStatus.APPROVED, CommentStatus.SPAM)).isEqualTo(CommentStatus.SPAM);
            assertThat(CommentGate.stricter(CommentStatus.APPROVED, CommentStatus.APPROVED)).isEqualTo(CommentStatus.APPROVED);
        }
    }
}
