package org.masthead.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.comments.ModerationSite.form;
import static org.masthead.newsroom.comments.ModerationSite.html;
import static org.masthead.newsroom.comments.ModerationSite.post;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** The moderation queue: every action and where it leaves a comment, bulk actions, learning, search, roles. */
class QueueModerationTest {
    private static final String QUEUE = "/newsroom/comments";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachActionMovesTheCommentAndIsAudited(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment held = site.comment("Ada Lovelace", "The ferry timetable is wrong on Sundays.", CommentStatus.PENDING);
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            Document queue = editor.page(QUEUE);
            assertThat(queue.select(".nr-tabs a").eachText())
                    .containsExactly("Pending (1)", "Spam (0)", "Approved (0)", "Trash (0)");
            assertThat(queue.select("#comment-" + held.id() + " .nr-reasons").text()).contains("spam filter unsure");
            assertThat(queue.select("#comment-" + held.id()).text()).contains("ada.lovelace@readers.example", "203.0.113.9",
                    "Night ferries return", "The ferry timetable is wrong on Sundays.");
            assertThat(queue.select("#comment-" + held.id() + " a[href=/newsroom/articles/" + site.article + "]")).hasSize(1);

            String one = QUEUE + "/" + held.id();
            String back = QUEUE + "?status=pending";
            HttpResponse<String> approved = editor.post(one + "/approve", form(editor, QUEUE, Map.of("back", back)));
            assertThat(approved.statusCode()).isEqualTo(303);
            assertThat(approved.headers().firstValue("Location")).hasValue(back + "&done=approve&n=1");
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.APPROVED);
            assertThat(editor.page(back + "&done=approve&n=1").select(".nr-notice").text()).isEqualTo("1 comment approved.");
            assertThat(editor.page(QUEUE + "?status=approved").select("#comment-" + held.id() + " a[href=/comments/" + held.id() + "]"))
                    .hasSize(1);

            editor.post(one + "/spam", form(editor, QUEUE, Map.of("back", back)));
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.SPAM);
            editor.post(one + "/trash", form(editor, QUEUE, Map.of("back", back)));
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.TRASH);
            editor.post(one + "/restore", form(editor, QUEUE, Map.of("back", back)));
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.PENDING);

            // Restore applies only to the trash, deletion only to spam and trash.
            HttpResponse<String> again = editor.post(one + "/restore", form(editor, QUEUE, Map.of("back", back)));
            assertThat(again.headers().firstValue("Location")).hasValue(back + "&done=none&n=0");
            HttpResponse<String> notYet = post(editor, QUEUE, List.of(new String[] {"_csrf", editor.csrfToken(QUEUE, QUEUE)},
                    new String[] {"action", "delete"}, new String[] {"ids", Long.toString(held.id())},
                    new String[] {"confirmed", "yes"}, new String[] {"back", back}));
            assertThat(notYet.headers().firstValue("Location")).hasValue(back + "&done=none&n=0");
            assertThat(site.comments.find(held.id())).isPresent();

            editor.post(one + "/trash", form(editor, QUEUE, Map.of("back", back)));
            Document confirm = editor.page(one + "/delete");
            assertThat(confirm.select(".nr-question").text()).isEqualTo("Delete this comment permanently?");
            assertThat(site.comments.find(held.id())).isPresent(); // asking deletes nothing
            HttpResponse<String> deleted = post(editor, QUEUE, confirm.select("form[action=" + QUEUE + "] input").stream()
                    .map(i -> new String[] {i.attr("name"), i.val()}).toList());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(site.comments.find(held.id())).isEmpty();

            assertThat(site.audit()).anyMatch(a -> a.startsWith("approved a comment comment:" + held.id() + " Ada Lovelace"))
                    .anyMatch(a -> a.startsWith("marked a comment as spam comment:" + held.id()))
                    .anyMatch(a -> a.startsWith("moved a comment to the trash comment:" + held.id()))
                    .anyMatch(a -> a.startsWith("restored a comment from the trash comment:" + held.id()))
                    .anyMatch(a -> a.startsWith("deleted a comment permanently comment:" + held.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bulkActionsApplyToEveryTickedCommentAndDeletionKeepsReplies(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment a = site.comment("Reader One", "First reader comment about the quay.", CommentStatus.PENDING);
            Comment b = site.comment("Reader Two", "Second reader comment about the tides.", CommentStatus.PENDING);
            Comment c = site.comment("Reader Three", "Third reader comment about the harbour.", CommentStatus.PENDING);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String token = editor.csrfToken(QUEUE, QUEUE);

            HttpResponse<String> approved = post(editor, QUEUE, List.of(new String[] {"_csrf", token},
                    new String[] {"action", "approve"}, new String[] {"ids", Long.toString(a.id())},
                    new String[] {"ids", Long.toString(c.id())}, new String[] {"back", QUEUE + "?status=pending"}));
            assertThat(approved.headers().firstValue("Location")).hasValue(QUEUE + "?status=pending&done=approve&n=2");
            assertThat(site.status(a.id())).isEqualTo(CommentStatus.APPROVED);
            assertThat(site.status(b.id())).isEqualTo(CommentStatus.PENDING);
            assertThat(site.status(c.id())).isEqualTo(CommentStatus.APPROVED);

            Comment reply = site.reply(a.id(), 1, "Reader Four", "A reply under the first comment.", CommentStatus.APPROVED);
            Comment deeper = site.reply(reply.id(), 2, "Reader Five", "A reply under the reply.", CommentStatus.APPROVED);
            post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "trash"},
                    new String[] {"ids", Long.toString(a.id())}, new String[] {"ids", Long.toString(b.id())}));
            assertThat(site.status(a.id())).isEqualTo(CommentStatus.TRASH);
            assertThat(site.status(b.id())).isEqualTo(CommentStatus.TRASH);

            HttpResponse<String> ask = post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "delete"},
                    new String[] {"ids", Long.toString(a.id())}, new String[] {"ids", Long.toString(b.id())},
                    new String[] {"back", QUEUE + "?status=trash"}));
            assertThat(ask.statusCode()).isEqualTo(200);
            Document confirm = html(ask);
            assertThat(confirm.select(".nr-question").text()).isEqualTo("Delete these 2 comments permanently?");
            assertThat(site.comments.find(a.id())).isPresent();
            HttpResponse<String> deleted = post(editor, QUEUE, confirm.select("form[action=" + QUEUE + "] input").stream()
                    .map(i -> new String[] {i.attr("name"), i.val()}).toList());
            assertThat(deleted.headers().firstValue("Location")).hasValue(QUEUE + "?status=trash&done=delete&n=2");
            assertThat(site.comments.find(a.id())).isEmpty();
            assertThat(site.comments.find(b.id())).isEmpty();
            Comment lifted = site.comments.find(reply.id()).orElseThrow();
            assertThat(lifted.parentId()).isNull();
            assertThat(lifted.depth()).isEqualTo(0);
            assertThat(site.comments.find(deeper.id()).orElseThrow().depth()).isEqualTo(1);
            assertThat(site.comments.find(deeper.id()).orElseThrow().parentId()).isEqualTo(reply.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void approvingTeachesLegitimateAndMarkingSpamTeachesSpam(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            String pitch = "Cheap replica watches, best prices, visit http://replica-deals.example now";
            Comment ham1 = site.comment("Ada", "The night ferry was late again because of the fog on the river.", CommentStatus.PENDING);
            Comment ham2 = site.comment("Ben", "Thanks for covering the river ferry timetable changes this week.", CommentStatus.SPAM);
            Comment spam1 = site.comment("Deals", pitch, CommentStatus.PENDING);
            Comment spam2 = site.comment("Deals Two", pitch + "!", CommentStatus.APPROVED);
            double before = site.classifier().classify(pitch).spamProbability();
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String token = editor.csrfToken(QUEUE, QUEUE);

            post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "approve"},
                    new String[] {"ids", Long.toString(ham1.id())}, new String[] {"ids", Long.toString(ham2.id())}));
            SpamClassifier afterHam = site.classifier();
            assertThat(afterHam.comments()).isEqualTo(2);
            post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "spam"},
                    new String[] {"ids", Long.toString(spam1.id())}, new String[] {"ids", Long.toString(spam2.id())}));
            SpamClassifier afterSpam = site.classifier();
            assertThat(afterSpam.comments()).isEqualTo(4);
            assertThat(afterSpam.classify(pitch).spamProbability()).isGreaterThan(before);
            assertThat(afterSpam.classify(pitch).spamProbability()).isGreaterThan(0.9);

            // Approving a comment from the trash is no lesson: nobody judged it as held.
            post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "trash"},
                    new String[] {"ids", Long.toString(ham1.id())}));
            post(editor, QUEUE, List.of(new String[] {"_csrf", token}, new String[] {"action", "approve"},
                    new String[] {"ids", Long.toString(ham1.id())}));
            assertThat(site.classifier().comments()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTabsAndTheListCountEveryCommentOfAStatus(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            site.comment("Ada Lovelace", "Held for a look.", CommentStatus.PENDING);
            site.app.database().write(tx -> {
                for (int i = 0; i <= 1_000; i++) {
                    tx.handle().execute("""
                            insert into comments (article_id, depth, author_name, author_email, author_url, body, status,
                                reasons, spam_score, fingerprint, created_at, updated_at, status_at)
                            values (?, 0, 'Reader', ?, '', ?, ?, '', 0, ?, ?, ?, ?)""",
                            site.article, "reader" + i + "@example.org", "Comment " + i,
                            i < 1_000 ? "APPROVED" : "TRASH", "f" + i, i, i, i);
                }
                return null;
            });
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(editor.page(QUEUE).select(".nr-tabs a").eachText())
                    .containsExactly("Pending (1)", "Spam (0)", "Approved (1,000)", "Trash (1)");
            site.comment("Alan Turing", "One more.", CommentStatus.APPROVED);
            new org.masthead.comments.CommentCountStore(site.app.database()).fold();
            site.app.database().write(tx -> tx.handle().execute("update comments set status = 'SPAM' where body = 'Comment 7'"));
            Document approved = editor.page(QUEUE + "?status=approved");
            assertThat(approved.select(".nr-tabs a").eachText())
                    .containsExactly("Pending (1)", "Spam (1)", "Approved (1,000)", "Trash (1)");
            assertThat(approved.select(".nr-count").text()).isEqualTo("Approved: 1000 comment(s)");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void searchFindsNameEmailAndTextInTheViewOrEverywhere(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            site.comment("Grace Hopper", "About the lighthouse keeper.", CommentStatus.PENDING);
            site.comment("Alan Turing", "The lighthouse lamp is broken.", CommentStatus.APPROVED);
            site.comment("Joan Clarke", "Nothing about lamps: 100% about tides_and_currents.", CommentStatus.PENDING);
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            assertThat(names(editor.page(QUEUE + "?status=pending&q=LIGHTHOUSE"))).containsExactly("Grace Hopper");
            assertThat(names(editor.page(QUEUE + "?status=pending&q=lighthouse&in=all"))).containsExactly("Alan Turing", "Grace Hopper");
            assertThat(names(editor.page(QUEUE + "?status=approved&q=alan.turing%40readers"))).containsExactly("Alan Turing");
            assertThat(names(editor.page(QUEUE + "?q=100%25"))).containsExactly("Joan Clarke");
            assertThat(names(editor.page(QUEUE + "?q=s_a"))).containsExactly("Joan Clarke");
            assertThat(names(editor.page(QUEUE + "?q=ha_"))).isEmpty(); // the underscore is a character, not a wildcard
            Document all = editor.page(QUEUE + "?status=pending&q=lighthouse&in=all");
            assertThat(all.select(".nr-count").text()).isEqualTo("All comments: 2 comment(s) matching “lighthouse”");
            assertThat(all.selectFirst("#in option[selected]").val()).isEqualTo("all");
            assertThat(all.selectFirst("#q").val()).isEqualTo("lighthouse");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyEditorsAndAdminsModerateAndEveryFormNeedsItsToken(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment held = site.comment("Ada Lovelace", "A comment to moderate.", CommentStatus.PENDING);
            for (Role role : List.of(Role.CONTRIBUTOR, Role.AUTHOR)) {
                NewsroomClient client = site.signedIn(role);
                for (String path : List.of(QUEUE, QUEUE + "/" + held.id() + "/edit", QUEUE + "/blocks", QUEUE + "/settings")) {
                    assertThat(client.get(path).statusCode()).as(role + " GET " + path).isEqualTo(403);
                }
                String token = client.csrfToken("/newsroom/account", "/newsroom/account");
                assertThat(client.post(QUEUE + "/" + held.id() + "/approve", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
                assertThat(client.page("/newsroom").select("nav a[href=" + QUEUE + "]")).isEmpty();
            }
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.PENDING);

            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(editor.get(QUEUE + "/settings").statusCode()).isEqualTo(403);
            assertThat(editor.post(QUEUE + "/" + held.id() + "/approve", Map.of()).statusCode()).isEqualTo(403);
            assertThat(editor.post(QUEUE + "/" + held.id() + "/approve", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
            assertThat(site.status(held.id())).isEqualTo(CommentStatus.PENDING);
            assertThat(site.signedIn(Role.ADMIN).get(QUEUE + "/settings").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNavigationCarriesThePendingCountOnEveryPage(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            site.comment("One", "First held comment.", CommentStatus.PENDING);
            Comment second = site.comment("Two", "Second held comment.", CommentStatus.PENDING);
            site.comment("Three", "Published comment.", CommentStatus.APPROVED);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            for (String path : List.of("/newsroom", "/newsroom/articles", "/newsroom/tags", QUEUE + "/blocks")) {
                assertThat(editor.page(path).select("nav a[href=" + QUEUE + "]").text()).as(path).isEqualTo("Comments 2 pending");
            }
            editor.post(QUEUE + "/" + second.id() + "/approve", form(editor, QUEUE, Map.of()));
            assertThat(editor.page("/newsroom").select("nav a[href=" + QUEUE + "]").text()).isEqualTo("Comments 1 pending");
        }
    }

    private static List<String> names(Document queue) {
        return queue.select(".nr-comment-head strong").eachText();
    }
}
