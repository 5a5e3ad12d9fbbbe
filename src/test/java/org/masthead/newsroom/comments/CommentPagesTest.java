package org.masthead.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.comments.ModerationSite.form;
import static org.masthead.newsroom.comments.ModerationSite.html;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.comments.Block;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentSettings;
import org.masthead.comments.CommentStatus;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** One comment's page (edit, reply as the site), the blocklist, the comment settings and closing an article's comments. */
class CommentPagesTest {
    private static final String QUEUE = "/newsroom/comments";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editingValidatesAndKeepsWhatWasTyped(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment c = site.comment("Ada Lovelace", "Teh ferry was late.", CommentStatus.APPROVED);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String page = QUEUE + "/" + c.id() + "/edit";
            assertThat(editor.page(page).selectFirst("#text").val()).isEqualTo("Teh ferry was late.");

            HttpResponse<String> bad = editor.submit(page, page, Map.of("name", "", "website", "ferry-fan dot example",
                    "text", "The ferry was late,\nas ever."));
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.selectFirst("#text").val()).isEqualTo("The ferry was late,\nas ever.");
            assertThat(kept.selectFirst("#website").val()).isEqualTo("ferry-fan dot example");
            assertThat(kept.select(".nr-errors li").eachText()).containsExactly("Enter the commenter's name.",
                    "The website must be a full address starting with http:// or https://, such as https://example.org "
                            + "(at most 300 characters), or empty.");
            assertThat(site.comments.find(c.id()).orElseThrow().body()).isEqualTo("Teh ferry was late.");

            HttpResponse<String> saved = editor.submit(page, page, Map.of("name", "Ada L.", "website", "https://ada.example",
                    "text", "The ferry was late,\nas ever."));
            assertThat(saved.statusCode()).isEqualTo(303);
            Comment after = site.comments.find(c.id()).orElseThrow();
            assertThat(after.name()).isEqualTo("Ada L.");
            assertThat(after.url()).isEqualTo("https://ada.example");
            assertThat(after.body()).isEqualTo("The ferry was late,\nas ever.");
            assertThat(editor.page(page + "?done=saved").select(".nr-notice").text()).isEqualTo("The comment is saved.");
            assertThat(site.audit()).anyMatch(a -> a.startsWith("edited a comment comment:" + c.id()
                    + " name Ada Lovelace → Ada L.; website (none) → https://ada.example; text changed"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSiteRepliesOneLevelDownUntilTheDepthLimit(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment top = site.comment("Ada Lovelace", "When do the night ferries start?", CommentStatus.APPROVED);
            Comment held = site.comment("Ben", "A held question.", CommentStatus.PENDING);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String page = QUEUE + "/" + top.id() + "/edit";
            String action = QUEUE + "/" + top.id() + "/reply";

            HttpResponse<String> empty = editor.submit(page, action, Map.of("reply", "  "));
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(html(empty).select(".nr-errors").text()).contains("Enter your reply.");

            HttpResponse<String> replied = editor.submit(page, action, Map.of("reply", "From the first of May."));
            assertThat(replied.statusCode()).isEqualTo(303);
            long replyId = Long.parseLong(replied.headers().firstValue("Location").orElseThrow().replaceAll("\\D+", " ").strip()
                    .split(" ")[0]);
            Comment reply = site.comments.find(replyId).orElseThrow();
            assertThat(reply.parentId()).isEqualTo(top.id());
            assertThat(reply.depth()).isEqualTo(1);
            assertThat(reply.status()).isEqualTo(CommentStatus.APPROVED);
            assertThat(reply.bySite()).isTrue();
            assertThat(reply.name()).isEqualTo("Masthead");
            assertThat(reply.email()).isEqualTo(ModerationSite.email(Role.EDITOR));
            assertThat(site.audit()).anyMatch(a -> a.startsWith("replied to a comment comment:" + replyId));

            site.app.database().write(tx -> {
                site.comments.saveSettings(tx, withMaxDepth(site.comments.settings(), 2));
                return null;
            });
            String replyPage = QUEUE + "/" + replyId + "/edit";
            assertThat(editor.page(replyPage).select("#reply")).isEmpty();
            assertThat(editor.page(replyPage).text()).contains("A reply here would be nested 3 levels deep, and the comment "
                    + "settings allow 2.");
            HttpResponse<String> tooDeep = editor.post(QUEUE + "/" + replyId + "/reply",
                    form(editor, replyPage, Map.of("reply", "One level too deep.")));
            assertThat(tooDeep.statusCode()).isEqualTo(409);
            assertThat(html(tooDeep).select(".nr-errors").text()).contains("would be nested 3 levels deep");
            assertThat(html(tooDeep).select("#unsent-reply").text()).isEqualTo("One level too deep.");

            HttpResponse<String> onHeld = editor.post(QUEUE + "/" + held.id() + "/reply",
                    form(editor, QUEUE + "/" + held.id() + "/edit", Map.of("reply", "Answer.")));
            assertThat(onHeld.statusCode()).isEqualTo(409);
            assertThat(html(onHeld).select(".nr-errors").text()).contains("approve this one first");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void blocksComeFromACommentOrTheBlocklistPage(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            Comment c = site.comment("Spammer", "Buy now.", CommentStatus.SPAM);
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String back = QUEUE + "?status=spam";
            HttpResponse<String> email = editor.post(QUEUE + "/" + c.id() + "/block-email", form(editor, QUEUE, Map.of("back", back)));
            assertThat(email.headers().firstValue("Location")).hasValue(back + "&done=block-email&n=1");
            editor.post(QUEUE + "/" + c.id() + "/block-ip", form(editor, QUEUE, Map.of("back", back)));
            assertThat(site.comments.blocks()).extracting(Block::kind, Block::value).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(Block.Kind.EMAIL, "spammer@readers.example"),
                    org.assertj.core.groups.Tuple.tuple(Block.Kind.IP, "203.0.113.9"));

            String blocks = QUEUE + "/blocks";
            HttpResponse<String> bad = editor.submit(blocks, blocks, Map.of("kind", "domain", "value", "https://spam.example/x"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(html(bad).selectFirst("#value").val()).isEqualTo("https://spam.example/x");
            assertThat(html(bad).selectFirst("#kind option[selected]").val()).isEqualTo("domain");
            assertThat(html(bad).select(".nr-errors").text()).contains("is not a domain");
            assertThat(editor.submit(blocks, blocks, Map.of("kind", "ip", "value", "300.1.1.1")).statusCode()).isEqualTo(422);
            assertThat(editor.submit(blocks, blocks, Map.of("kind", "email", "value", "nobody")).statusCode()).isEqualTo(422);
            assertThat(editor.submit(blocks, blocks, Map.of("kind", "word", "value", "!")).statusCode()).isEqualTo(422);

            assertThat(editor.submit(blocks, blocks, Map.of("kind", "domain", "value", "WWW.Spam.Example")).statusCode()).isEqualTo(303);
            assertThat(editor.submit(blocks, blocks, Map.of("kind", "word", "value", "casino")).statusCode()).isEqualTo(303);
            assertThat(editor.submit(blocks, blocks, Map.of("kind", "ip", "value", "2001:db8::7")).statusCode()).isEqualTo(303);
            HttpResponse<String> twice = editor.submit(blocks, blocks, Map.of("kind", "word", "value", "Casino"));
            assertThat(twice.headers().firstValue("Location")).hasValue(blocks + "?done=exists");

            Document list = editor.page(blocks);
            assertThat(list.select("tbody th").eachText()).contains("spam.example", "casino", "2001:db8::7",
                    "spammer@readers.example", "203.0.113.9");
            Block word = site.comments.blocks().stream().filter(b -> b.value().equals("casino")).findFirst().orElseThrow();
            String remove = blocks + "/" + word.id() + "/delete";
            assertThat(editor.submit(blocks, remove, Map.of()).statusCode()).isEqualTo(303);
            assertThat(site.comments.blocks()).noneMatch(b -> b.value().equals("casino"));
            assertThat(site.audit()).anyMatch(a -> a.startsWith("blocked an email address comment:" + c.id()))
                    .anyMatch(a -> a.startsWith("blocked an IP address comment:" + c.id()))
                    .anyMatch(a -> a.contains("added a block") && a.contains("Domain: spam.example"))
                    .anyMatch(a -> a.contains("removed a block") && a.contains("Word: casino"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void adminsChangeTheCommentSettingsWithClearMessages(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            String page = QUEUE + "/settings";
            Document form = admin.page(page);
            assertThat(form.selectFirst("#max_depth").val()).isEqualTo("3");
            assertThat(form.selectFirst("#enabled").hasAttr("checked")).isTrue();

            Map<String, String> fields = new LinkedHashMap<>(Map.of("enabled", "on", "hold_all", "on", "max_depth", "0",
                    "per_page", "lots", "order", "newest", "close_after_days", "30", "spam_days", "14", "ip_days", "7",
                    "max_links", "1", "min_fill_seconds", "4"));
            fields.put("form_hours", "12");
            fields.put("hold_probability", "0.75");
            fields.put("spam_probability", "0.93");
            fields.put("privacy_url", "javascript:alert(1)");
            HttpResponse<String> bad = admin.submit(page, page, fields);
            assertThat(bad.statusCode()).isEqualTo(422);
            Document kept = html(bad);
            assertThat(kept.select(".nr-errors li").eachText()).containsExactly(
                    "Reply depth: enter a whole number from 1 to 10 (1 means no replies); \"0\" is not one.",
                    "Comments per page: enter a whole number from 1 to 500; \"lots\" is not one.",
                    "The privacy notice address must be a path on this site such as /privacy#comments, or a full address "
                            + "starting with https:// (at most 300 characters).");
            assertThat(kept.selectFirst("#per_page").val()).isEqualTo("lots");
            assertThat(kept.selectFirst("#hold_all").hasAttr("checked")).isTrue();
            assertThat(kept.selectFirst("#order option[selected]").val()).isEqualTo("newest");
            assertThat(site.comments.settings()).isEqualTo(CommentSettings.DEFAULTS);

            fields.put("max_depth", "2");
            fields.put("per_page", "25");
            fields.put("privacy_url", "/privacy#comments");
            assertThat(admin.submit(page, page, fields).statusCode()).isEqualTo(303);
            CommentSettings saved = new org.masthead.comments.CommentStore(site.app.database()).settings();
            assertThat(saved).isEqualTo(new CommentSettings(true, true, 2, 25, true, 30, 14, 7, 1, 4, 12, "/privacy#comments", 0.75, 0.93));
            assertThat(admin.page(page + "?done=saved").selectFirst("#per_page").val()).isEqualTo("25");
            assertThat(site.audit()).anyMatch(a -> a.startsWith("changed the comment settings settings ")
                    && a.contains("max_depth 3 → 2") && a.contains("hold_all false → true"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theArticleEditorOpensAndClosesComments(Kind kind) {
        try (ModerationSite site = new ModerationSite(kind)) {
            NewsroomClient editor = site.signedIn(Role.EDITOR);
            String page = "/newsroom/articles/" + site.article;
            FormElement form = (FormElement) editor.page(page).selectFirst("form[action=" + page + "]");
            assertThat(form.selectFirst("#comments option[selected]").val()).isEqualTo("open");
            Map<String, String> fields = new LinkedHashMap<>();
            form.formData().forEach(kv -> fields.put(kv.key(), kv.value()));
            fields.put("comments", "closed");
            fields.put("action", "save");
            HttpResponse<String> saved = editor.post(page, fields);
            assertThat(saved.statusCode()).as(html(saved).select(".nr-errors").text()).isEqualTo(303);
            assertThat(comments(site)).isEqualTo("closed");
            assertThat(editor.page(page).selectFirst("#comments option[selected]").val()).isEqualTo("closed");
            assertThat(site.audit()).anyMatch(a -> a.startsWith("closed comments on article article:" + site.article));

            fields.put("comments", "open");
            fields.put("version", editor.page(page).selectFirst("input[name=version]").val());
            fields.put("headline", "");
            HttpResponse<String> refused = editor.post(page, fields);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(html(refused).selectFirst("#comments option[selected]").val()).isEqualTo("open"); // kept as chosen
            assertThat(comments(site)).isEqualTo("closed");
        }
    }

    private static String comments(ModerationSite site) {
        return site.app.database().read(h -> h.createQuery("select comments from articles where id = :id")
                .bind("id", site.article).mapTo(String.class).one());
    }

    private static CommentSettings withMaxDepth(CommentSettings s, int depth) {
        return new CommentSettings(s.enabled(), s.holdAll(), depth, s.perPage(), s.newestFirst(), s.closeAfterDays(),
                s.spamDays(), s.ipDays(), s.maxLinks(), s.minFillSeconds(), s.formHours(), s.privacyUrl(),
                s.holdProbability(), s.spamProbability());
    }
}
