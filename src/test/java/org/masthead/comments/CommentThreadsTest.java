package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;

/**
 * The comment threads of a much-commented article, on both databases: which comments each page
 * shows and where.
 */
class CommentThreadsTest {
    private static final Instant FIRST_SENT = Instant.parse("2026-11-20T10:00:00Z");
    /** Every approved comment by its author's name, oldest thread first, replies after their parent: a line a page. */
    private static final List<String> OLDEST_FIRST = List.of(
            "R0", "R0a", "R0a1", "R0b", "R1", "R2", "R3",
            "R4", "R5", "R5a", "R5b", "R6", "Orphan",
            "R7", "R8", "R9", "R10",
            "R11", "R11a", "R12", "R13");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCommentIsShownOnceUnderItsParentAcrossThePages(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            Map<String, Long> ids = story(site);
            Map<String, String> parentOf = new LinkedHashMap<>();
            for (int page = 1; page <= 4; page++) {
                Document shown = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + (page > 1 ? "?cpage=" + page : "")).body());
                assertThat(shown.select("#comments-heading").text()).isEqualTo(OLDEST_FIRST.size() + " comments");
                assertThat(shown.select(".page-of").text()).isEqualTo("Comments page " + page + " of 4");
                for (Element comment : shown.select("#comments .comment")) {
                    Element parent = comment.parent().closest(".comment");
                    String name = comment.selectFirst(".comment-author").text();
                    assertThat(parentOf.put(name, parent == null ? "" : parent.selectFirst(".comment-author").text()))
                            .as(name + " shown once").isNull();
                }
            }
            assertThat(parentOf.keySet()).containsExactlyElementsOf(OLDEST_FIRST);
            assertThat(parentOf).containsEntry("R0a", "R0").containsEntry("R0a1", "R0a").containsEntry("R0b", "R0")
                    .containsEntry("R5b", "R5").containsEntry("R11a", "R11").containsEntry("Orphan", "")
                    .containsEntry("R7", "");

            Document replying = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + "?replyto=" + ids.get("R12")).body());
            assertThat(replying.select("#comment-form-heading").text()).isEqualTo("Reply to R12");
            assertThat(replying.select("input[name=parent]").val()).isEqualTo(Long.toString(ids.get("R12")));
            assertThat(replying.select(".comment-author").eachText()).containsExactly("R0", "R0a", "R0a1", "R0b", "R1", "R2", "R3");
            Document newest = Jsoup.parse(site.get(CommentSite.ARTICLE_URL + "?corder=newest&cpage=4").body());
            assertThat(newest.select(".comment-author").eachText()).containsExactly("R2", "R1", "R0", "R0a", "R0a1", "R0b");
        }
    }

    /**
     * Fourteen top-level comments ten minutes apart and four per page, with replies (one sent long
     * after its thread's page filled), a reply to spam that becomes a thread of its own, and
     * comments not approved. Replies are stored after every top-level one, so ids are not page order.
     */
    private static Map<String, Long> story(CommentSite site) {
        site.settings(rows -> CommentSite.with(CommentSite.with(rows, "per_page", "4"), "max_depth", "3"));
        Map<String, Long> ids = new LinkedHashMap<>();
        for (int i = 0; i < 14; i++) {
            ids.put("R" + i, add(site, "R" + i, null, 0, i * 10, CommentStatus.APPROVED));
        }
        ids.put("Spam", add(site, "Spam", null, 0, 64, CommentStatus.SPAM));
        ids.put("R0a", add(site, "R0a", ids.get("R0"), 1, 5, CommentStatus.APPROVED));
        ids.put("R0a1", add(site, "R0a1", ids.get("R0a"), 2, 7, CommentStatus.APPROVED));
        ids.put("R0b", add(site, "R0b", ids.get("R0"), 1, 135, CommentStatus.APPROVED));
        ids.put("R5b", add(site, "R5b", ids.get("R5"), 1, 56, CommentStatus.APPROVED));
        ids.put("R5a", add(site, "R5a", ids.get("R5"), 1, 55, CommentStatus.APPROVED));
        ids.put("Orphan", add(site, "Orphan", ids.get("Spam"), 1, 66, CommentStatus.APPROVED));
        ids.put("Held", add(site, "Held", ids.get("R9"), 1, 95, CommentStatus.PENDING));
        ids.put("R11a", add(site, "R11a", ids.get("R11"), 1, 115, CommentStatus.APPROVED));
        return ids;
    }

    private static long add(CommentSite site, String name, Long parent, int depth, int minute, CommentStatus status) {
        String body = "Comment " + name + " on the pilot boat, see https://example.org/" + name;
        NewComment comment = new NewComment(site.article, parent, name, name.toLowerCase() + "@example.org", "", body, null);
        return site.app.database().write(tx -> site.comments.add(tx, comment, depth, status, List.of(), 0,
                CommentGate.fingerprint(body), null, null, FIRST_SENT.plus(Duration.ofMinutes(minute)))).id();
    }
}
