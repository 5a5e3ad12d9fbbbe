package org.masthead.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.comments.ModerationSite.html;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.comments.CommentSettings;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.spam.ExpectedRates;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.newsroom.NewsroomClient;

/**
 * The site's spam thresholds on the comment settings page: what each is expected to do, as the
 * classifier computes it; bad values refused with the input kept; and a saved change deciding
 * what happens to the next comment a reader posts.
 */
class SpamThresholdTest {
    private static final String PAGE = QueueRoutes.PATH + "/settings";
    /** Short (no copy check under 40 characters) and, to the shipped starter model, likely but not surely spam. */
    private static final String BORDERLINE = "Visit my page for more";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePageShowsWhatEachThresholdIsExpectedToCatchAndStop(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            SpamClassifier classifier = site.app.spamClassifier();
            Document page = site.signedIn(Role.ADMIN).page(PAGE);
            assertThat(page.selectFirst("#hold_probability").val()).isEqualTo("0.75");
            assertThat(page.selectFirst("#spam_probability").val()).isEqualTo("0.93");
            List<Element> rows = page.select("#spam-thresholds tbody tr");
            assertThat(rows).hasSizeGreaterThan(5);
            double spamBefore = 1.01;
            for (Element row : rows) {
                double threshold = Double.parseDouble(row.selectFirst("th").ownText().replaceAll(" .*", ""));
                ExpectedRates rates = classifier.expected(threshold);
                assertThat(row.select("td").eachText()).as("at " + threshold)
                        .containsExactly(percent(rates.spamShare()), percent(rates.legitimateShare()));
                assertThat(rates.spamShare()).isLessThanOrEqualTo(spamBefore);
                spamBefore = rates.spamShare();
            }
            assertThat(page.select("#spam-thresholds th:contains(0.75 (hold))")).hasSize(1);
            assertThat(page.select("#spam-thresholds th:contains(0.93 (spam))")).hasSize(1);
            // The held-out comments are the shipped examples' sources: spam is caught, legitimate comments rarely stopped.
            ExpectedRates lowest = classifier.expected(0.5);
            assertThat(lowest.spam()).isGreaterThan(100);
            assertThat(lowest.spamShare()).isGreaterThan(lowest.legitimateShare());
            ExpectedRates marked = classifier.expected(0.93);
            ExpectedRates held = classifier.expected(0.75);
            assertThat(page.selectFirst("#spam-estimate").text()).isEqualTo("With these settings about "
                    + percent(marked.spamShare()) + " of spam is marked spam and "
                    + percent(held.spamShare() - marked.spamShare()) + " more held for a moderator; about "
                    + percent(marked.legitimateShare()) + " of legitimate comments are marked spam and "
                    + percent(held.legitimateShare() - marked.legitimateShare()) + " more held.");
            assertThat(page.text()).contains("Estimated from " + marked.spam() + " spam and " + marked.legitimate()
                    + " legitimate comments");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badThresholdsComeBackWithTheReasonAndWhatWasTyped(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            HttpResponse<String> bad = admin.submit(PAGE, PAGE, fields("0.3", "lots"));
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.select(".nr-errors li").eachText()).containsExactly(
                    "Hold for a moderator from: enter a spam probability from 0.5 to 0.999, such as 0.9; \"0.3\" is not one.",
                    "Mark as spam from: enter a spam probability from 0.5 to 0.999, such as 0.9; \"lots\" is not one.");
            assertThat(kept.selectFirst("#hold_probability").val()).isEqualTo("0.3");
            assertThat(kept.selectFirst("#spam_probability").val()).isEqualTo("lots");
            assertThat(kept.select("#spam-thresholds tbody tr")).isNotEmpty();

            HttpResponse<String> crossed = admin.submit(PAGE, PAGE, fields("0.95", "0.9"));
            assertThat(crossed.statusCode()).isEqualTo(422);
            assertThat(html(crossed).select(".nr-errors li").eachText()).containsExactly("Hold for a moderator from (0.95) "
                    + "must not be above Mark as spam from (0.9): a comment is held when it is likely spam but not likely "
                    + "enough to mark.");
            assertThat(html(crossed).selectFirst("#hold_probability").val()).isEqualTo("0.95");
            assertThat(site.comments.settings()).isEqualTo(CommentSettings.DEFAULTS);

            assertThat(admin.submit(PAGE, PAGE, fields(".8", "0.97")).statusCode()).isEqualTo(303);
            CommentSettings saved = site.comments.settings();
            assertThat(saved.holdProbability()).isEqualTo(0.8);
            assertThat(saved.spamProbability()).isEqualTo(0.97);
            Document page = admin.page(PAGE + "?done=saved");
            assertThat(page.selectFirst("#spam_probability").val()).isEqualTo("0.97");
            assertThat(page.select("#spam-thresholds th:contains(0.8 (hold))")).hasSize(1);
            assertThat(site.audit()).anyMatch(a -> a.contains("hold_probability 0.75 → 0.8")
                    && a.contains("spam_probability 0.93 → 0.97"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theThresholdsDecideWhatHappensToTheNextBorderlineComment(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            NewsroomClient reader = new NewsroomClient(site.app);
            admin.submit(PAGE, PAGE, fields("0.75", "0.93"));
            long first = post(site, reader, "first");
            double p = site.comments.find(first).orElseThrow().spamScore();
            assertThat(p).as("the borderline comment's probability").isBetween(0.55, 0.99);
            String below = String.format(Locale.ROOT, "%.3f", Math.floor(p * 1000) / 1000);
            String above = String.format(Locale.ROOT, "%.3f", Math.ceil(p * 1000) / 1000 + 0.001);

            assertThat(admin.submit(PAGE, PAGE, fields(below, "0.999")).statusCode()).isEqualTo(303);
            long held = post(site, reader, "second");
            assertThat(site.status(held)).isEqualTo(CommentStatus.PENDING);
            assertThat(site.comments.find(held).orElseThrow().reasons()).anyMatch(r -> r.startsWith("spam filter unsure"));

            assertThat(admin.submit(PAGE, PAGE, fields(below, below)).statusCode()).isEqualTo(303);
            long marked = post(site, reader, "third");
            assertThat(site.status(marked)).isEqualTo(CommentStatus.SPAM);

            assertThat(admin.submit(PAGE, PAGE, fields(above, "0.999")).statusCode()).isEqualTo(303);
            long published = post(site, reader, "fourth");
            assertThat(site.status(published)).isEqualTo(CommentStatus.APPROVED);
            assertThat(site.comments.find(published).orElseThrow().spamScore()).isEqualTo(p);
        }
    }

    /** The settings form as saved by default, with the two thresholds as typed and no minimum fill time. */
    private static Map<String, String> fields(String hold, String spam) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("enabled", "on", "max_depth", "3", "per_page", "50",
                "order", "oldest", "close_after_days", "0", "spam_days", "30", "ip_days", "30", "max_links", "2",
                "min_fill_seconds", "0", "form_hours", "24"));
        fields.put("privacy_url", "/privacy#comments");
        fields.put("hold_probability", hold);
        fields.put("spam_probability", spam);
        return fields;
    }

    /** A reader posts the borderline text, as the article's form does; returns the stored comment's id. */
    private static long post(ModerationSite site, NewsroomClient reader, String who) {
        String token = reader.get("/comments/token?article=" + site.article).body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(site.article));
        form.put("parent", "");
        form.put("token", token);
        form.put("homepage", "");
        form.put("name", "Reader " + who);
        form.put("email", who + "@readers.example");
        form.put("url", "");
        form.put("body", BORDERLINE);
        assertThat(reader.post("/comments", form).statusCode()).isEqualTo(303);
        return site.app.database().read(h -> h.createQuery("select id from comments where author_email = :email")
                .bind("email", who + "@readers.example").mapTo(Long.class).one());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", Math.max(0, share) * 100);
    }
}
