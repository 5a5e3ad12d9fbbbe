package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;

/**
 * The comment threads of a much-commented article, on both databases: which comments each page
 * shows and where, and that a page reads in full only the comments it shows, by their ids.
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
    void aPageReadsOnlyTheCommentsItShows(Kind kind) {
        try (CommentSite site = new CommentSite(kind)) {
            Map<String, Long> ids = story(site);
            CountedComments counted = new CountedComments(site.comments);
            ShownComments shown = new ShownComments(counted);
            site.app.database().addListener(shown);
            CommentThreads threads = new CommentThreads(site.comments, shown, new FormToken(site.comments.formKey()));

            CommentsView first = view(threads, site, 1, null, null);
            List<String> onFirst = List.of("R0", "R0a", "R0a1", "R0b", "R1", "R2", "R3");
            assertThat(names(first.threads())).containsExactlyElementsOf(onFirst);
            assertThat(first.total()).isEqualTo(OLDEST_FIRST.size());
            assertThat(first.pageCount()).isEqualTo(4);
            assertThat(counted.readInFull).containsExactlyInAnyOrderElementsOf(onFirst.stream().map(ids::get).toList());

            // Replying to a comment three pages on reads that one comment, not its page.
            CommentsView replying = view(threads, site, 1, null, ids.get("R12"));
            assertThat(replying.form().parent()).isEqualTo(ids.get("R12"));
            assertThat(replying.form().parentName()).isEqualTo("R12");
            assertThat(counted.readInFull).hasSize(onFirst.size() + 1).endsWith(ids.get("R12"));
            assertThat(view(threads, site, 1, null, ids.get("R0a1")).form()).as("deepest reply").isEqualTo(CommentsView.Form.EMPTY);
            assertThat(view(threads, site, 1, null, ids.get("Spam")).form()).isEqualTo(CommentsView.Form.EMPTY);

            List<String> all = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                all.addAll(names(view(threads, site, page, null, null).threads()));
            }
            assertThat(all).containsExactlyElementsOf(OLDEST_FIRST);
            assertThat(counted.readInFull).as("each comment read once, then kept").doesNotHaveDuplicates()
                    .hasSize(OLDEST_FIRST.size());
            assertThat(counted.outlines).isEqualTo(1);
            assertThat(names(view(threads, site, 1, "newest", null).threads()))
                    .containsExactly("R13", "R12", "R11", "R11a", "R10");

            assertThat(threads.pageOf(comment(site, ids.get("Orphan")))).hasValue(2);
            assertThat(threads.pageOf(comment(site, ids.get("R11a")))).hasValue(4);
            assertThat(threads.pageOf(comment(site, ids.get("Spam")))).isEmpty();

            // A new reply forgets what was kept of the article: the next view shows it.
            long late = add(site, "R2a", ids.get("R2"), 1, 140, CommentStatus.APPROVED);
            CommentsView after = view(threads, site, 1, null, null);
            assertThat(names(after.threads())).containsExactly("R0", "R0a", "R0a1", "R0b", "R1", "R2", "R2a", "R3");
            assertThat(after.total()).isEqualTo(OLDEST_FIRST.size() + 1);
            assertThat(counted.outlines).isEqualTo(2);
            assertThat(counted.readInFull.subList(OLDEST_FIRST.size(), counted.readInFull.size()))
                    .containsExactlyInAnyOrder(ids.get("R0"), ids.get("R0a"), ids.get("R0a1"), ids.get("R0b"),
                            ids.get("R1"), ids.get("R2"), late, ids.get("R3"));
        }
    }

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

    @Test
    void aPageFindsItsCommentsThroughTheirArticleAndThenById() {
        try (CommentSite site = new CommentSite(Kind.SQLITE)) {
            story(site);
            // EXPLAIN does not check the schema's version: a real read first makes a pooled connection reload it.
            List<String> outline = site.app.database().read(h -> {
                h.createQuery("select count(*) from comments").mapTo(Long.class).one();
                return h.createQuery("explain query plan " + CommentStore.OUTLINE).bind("article", site.article)
                        .map((rs, ctx) -> rs.getString("detail")).list();
            });
            assertThat(outline).as("outline plan").anyMatch(step -> step.contains("USING INDEX comments_article"));
            // A page's worth of ids: with a few, SQLite would look them up by key whatever the query said.
            List<Long> page = java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList();
            List<String> byId = site.app.database().read(h -> h.createQuery("explain query plan " + CommentStore.BY_ID)
                    .bindList("ids", page).map((rs, ctx) -> rs.getString("detail")).list());
            assertThat(byId).as("page's comments plan").anyMatch(step -> step.contains("USING INTEGER PRIMARY KEY"))
                    .noneMatch(step -> step.contains("comments_status"));
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

    private static CommentsView view(CommentThreads threads, CommentSite site, int page, String order, Long replyTo) {
        return threads.view(site.article, CommentSite.ARTICLE_URL, FIRST_SENT,
                new CommentThreads.Request(page, order, replyTo, null), null, FIRST_SENT);
    }

    private static Comment comment(CommentSite site, long id) {
        return site.comments.find(id).orElseThrow();
    }

    /** The authors of these threads and their replies, in the order the page shows them. */
    private static List<String> names(List<CommentsView.Node> nodes) {
        List<String> names = new ArrayList<>();
        for (CommentsView.Node node : nodes) {
            names.add(node.comment().name());
            names.addAll(names(node.replies()));
        }
        return names;
    }

    /** The store, noting every comment read in full. */
    private static final class CountedComments implements ArticleComments {
        private final ArticleComments store;
        final List<Long> readInFull = new ArrayList<>();
        int outlines;

        CountedComments(ArticleComments store) {
            this.store = store;
        }

        @Override
        public synchronized CommentOutline outline(long articleId) {
            outlines++;
            return store.outline(articleId);
        }

        @Override
        public synchronized List<Comment> approvedAmong(Collection<Long> ids) {
            List<Comment> read = store.approvedAmong(ids);
            read.forEach(c -> readInFull.add(c.id()));
            return read;
        }
    }
}
