package org.masthead.newsroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.TestSites.Kind;
import org.masthead.comments.Block;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.site.HtmlValidityTest;

/** Every moderation page, with comments in every state and a refused form, is valid HTML. */
class ModerationHtmlValidityTest {

    @Test
    void everyModerationPageIsValidHtml() throws Exception {
        try (ModerationSite site = new ModerationSite(Kind.SQLITE)) {
            Comment held = site.comment("Ada <Lovelace>", "Line one\nline two & https://example.org/a?b=1&c=2.", CommentStatus.PENDING);
            Comment spam = site.comment("Deals", "Cheap watches.", CommentStatus.SPAM);
            site.comment("Ben", "Published words.", CommentStatus.APPROVED);
            site.app.database().write(tx -> site.comments.addBlock(tx, Block.Kind.WORD, "casino"));
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            for (String path : List.of("/newsroom/comments", "/newsroom/comments?status=spam&q=cheap&in=all",
                    "/newsroom/comments/" + held.id() + "/edit", "/newsroom/comments/" + spam.id() + "/delete",
                    "/newsroom/comments/blocks", "/newsroom/comments/settings", "/newsroom/articles/" + site.article)) {
                HttpResponse<String> response = admin.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(HtmlValidityTest.errors(response.body())).as("validator errors on " + path).isEmpty();
            }
            String page = "/newsroom/comments/" + held.id() + "/edit";
            HttpResponse<String> refused = admin.submit(page, page, Map.of("name", "", "website", "", "text", "Kept."));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(HtmlValidityTest.errors(refused.body())).isEmpty();
        }
    }
}
