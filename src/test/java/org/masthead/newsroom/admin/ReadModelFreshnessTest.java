package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.config.Config;
import org.masthead.newsroom.NewsroomClient;

/**
 * With the page cache off, article pages take bylines, tags, the article itself, settings and
 * comments from read models kept in memory: a change through the newsroom shows on the very
 * next view, on this instance and, through the change log, on another one.
 */
class ReadModelFreshnessTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newsroomEditsShowOnTheNextUncachedView(Kind kind) {
        Config config = TestSites.config(kind).withPageCache(false);
        try (AdminSite site = new AdminSite(config)) {
            long harbour = site.section("harbour", "Harbour", null, 0);
            long ruth = site.author("ruth", "Ruth Cald", "Reporter", "");
            long ferries = site.tag("ferries", "Ferries");
            long article = site.article("pilot-boat", harbour, List.of(ruth), List.of("Ferries"));
            String path = site.readerPage("/").selectFirst(".lead-headline a").attr("href");
            Document before = site.readerPage(path);
            assertThat(before.text()).contains("Ruth Cald", "Ferries").doesNotContain("Ruth Calder");
            site.readerPage(path); // now every read model holds it

            NewsroomClient editor = site.signedIn(Role.EDITOR);
            assertThat(editor.submit("/newsroom/authors/" + ruth, "/newsroom/authors/" + ruth, Map.of("name", "Ruth Calder",
                    "slug", "ruth", "role", "Reporter", "bio", "", "photo", "")).statusCode()).isEqualTo(303);
            assertThat(site.readerPage(path).select("a[href='/author/ruth']").text()).contains("Ruth Calder");

            assertThat(editor.submit("/newsroom/tags/" + ferries, "/newsroom/tags/" + ferries,
                    Map.of("name", "Harbour ferries", "slug", "ferries")).statusCode()).isEqualTo(303);
            assertThat(site.readerPage(path).select("a[href='/tag/ferries']").text()).contains("Harbour ferries");

            NewsroomClient admin = site.signedIn(Role.ADMIN);
            assertThat(admin.submit("/newsroom/settings", "/newsroom/settings", Map.of("name", "The Estuary Courier",
                    "tagline", "", "language", "en", "zone", "UTC")).statusCode()).isEqualTo(303);
            assertThat(site.readerPage(path).title()).contains("The Estuary Courier");

            addComment(site.app, article, "The first comment under the new boat.");
            assertThat(site.readerPage(path).text()).contains("The first comment under the new boat.");

            if (kind == Kind.POSTGRESQL) {
                // A second instance on the same database hears each change from the log.
                Config other = new Config("127.0.0.1", 0, TestSites.tempDir(), config.databaseUrl(), false, List.of(), null,
                        false);
                try (App second = App.create(other).start()) {
                    assertThat(TestSites.get(second, path).body()).contains("Ruth Calder", "The first comment");
                    assertThat(editor.submit("/newsroom/authors/" + ruth, "/newsroom/authors/" + ruth, Map.of("name",
                            "Ruth C. Calder", "slug", "ruth", "role", "Reporter", "bio", "", "photo", "")).statusCode())
                            .isEqualTo(303);
                    addComment(site.app, article, "A second comment, written on the first instance.");
                    TestSites.eventually("the other instance shows the edit and the comment", Duration.ofSeconds(5), () -> {
                        String body = TestSites.get(second, path).body();
                        return body.contains("Ruth C. Calder") && body.contains("A second comment, written on the first instance.");
                    });
                }
            }
        }
    }

    private static void addComment(App app, long article, String text) {
        app.database().write(tx -> new CommentStore(app.database()).add(tx, new NewComment(article, null, "Reader",
                        "reader@example.org", "", text, null), 0, CommentStatus.APPROVED, List.of(), 0,
                CommentGate.fingerprint(text), null, null, Instant.now()));
    }
}
