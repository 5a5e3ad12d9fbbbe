package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.newsroom.admin.AdminSite.html;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;

/** Tags and the people in bylines, managed by editors and seen by readers straight away. */
class TagAndAuthorAdminTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tagsAreCountedRenamedAndDeletedAfterConfirmation(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long city = site.section("city", "City", null, 1);
            long housing = site.tag("housing", "Housing");
            long river = site.tag("river", "River");
            site.article("rent-registry", city, List.of(), List.of("Housing", "River"));
            site.article("new-flats", city, List.of(), List.of("Housing"));
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            Document list = editor.page("/newsroom/tags");
            assertThat(list.select("tbody tr").eachText()).containsExactly(
                    "Housing /tag/housing 2 Rename · Delete…", "River /tag/river 1 Rename · Delete…");

            HttpResponse<String> bad = editor.submit("/newsroom/tags/" + housing, "/newsroom/tags/" + housing,
                    Map.of("name", "Homes", "slug", "river"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(html(bad).selectFirst("#name").val()).isEqualTo("Homes");
            assertThat(html(bad).selectFirst("#slug").val()).isEqualTo("river");
            assertThat(html(bad).select(".nr-errors").text()).contains("Another tag already has the slug \"river\"");

            HttpResponse<String> renamed = editor.submit("/newsroom/tags/" + housing, "/newsroom/tags/" + housing,
                    Map.of("name", "Homes", "slug", "homes"));
            assertThat(renamed.statusCode()).isEqualTo(303);
            assertThat(site.readerPage("/tag/homes").select("h1").text()).contains("Homes");
            assertThat(site.reader("/tag/housing").statusCode()).isEqualTo(404);

            String path = "/newsroom/tags/" + river + "/delete";
            Document confirm = editor.page(path);
            assertThat(confirm.select(".nr-question").text()).isEqualTo("Delete the tag River?");
            assertThat(confirm.text()).contains("taken off the 1 article that carries it");
            assertThat(site.reader("/tag/river").statusCode()).isEqualTo(200); // asking deletes nothing
            HttpResponse<String> deleted = editor.submit(path, path, Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(editor.page("/newsroom/tags?done=deleted").select(".nr-notice").text()).isEqualTo("Tag deleted.");
            assertThat(site.reader("/tag/river").statusCode()).isEqualTo(404);
            long links = site.app.database().read(h -> h.createQuery("select count(*) from article_tags").mapTo(Long.class).one());
            assertThat(links).isEqualTo(2); // both articles keep Homes; River is gone from the one that had it
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("renamed a tag Housing (/tag/housing) → Homes"))
                    .anyMatch(a -> a.startsWith("deleted a tag River"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void authorsGetAMarkdownBioAndAPhotoAndCannotBeDeletedWhileBylined(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            long city = site.section("city", "City", null, 1);
            long photo = site.image("people/ruth.jpg", 800, 800, List.of(480), "Ruth Calder smiling");
            long bylined = site.author("kofi-mensah", "Kofi Mensah", "Transport reporter", "Kofi writes.");
            site.article("tram-news", city, List.of(bylined), List.of());
            NewsroomClient editor = site.signedIn(Role.EDITOR);

            Document form = editor.page("/newsroom/authors/new");
            assertThat(form.select("#photo option").eachText()).containsExactly("No photo", "people/ruth.jpg — Ruth Calder smiling");

            HttpResponse<String> bad = editor.submit("/newsroom/authors/new", "/newsroom/authors",
                    Map.of("name", "", "slug", "ruth-calder", "role", "Editor", "bio", "Ruth *edits*.", "photo", Long.toString(photo)));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(html(bad).selectFirst("#bio").val()).isEqualTo("Ruth *edits*.");
            assertThat(html(bad).selectFirst("#photo option[selected]").val()).isEqualTo(Long.toString(photo));
            assertThat(html(bad).select(".nr-errors").text()).contains("Enter a name");

            HttpResponse<String> added = editor.submit("/newsroom/authors/new", "/newsroom/authors",
                    Map.of("name", "Ruth Calder", "slug", "ruth-calder", "role", "Editor-in-chief",
                            "bio", "Ruth **edits** the paper.\n\n<script>alert(1)</script>", "photo", Long.toString(photo)));
            assertThat(added.statusCode()).isEqualTo(303);
            Document page = site.readerPage("/author/ruth-calder");
            assertThat(page.select(".author-bio strong").text()).isEqualTo("edits");
            assertThat(page.select(".author-bio script")).isEmpty();
            assertThat(page.select("img[alt=Ruth Calder smiling]")).isNotEmpty();
            assertThat(page.text()).contains("Editor-in-chief");

            long ruth = site.app.database().read(h -> h.createQuery("select id from authors where slug = 'ruth-calder'").mapTo(Long.class).one());
            HttpResponse<String> edited = editor.submit("/newsroom/authors/" + ruth, "/newsroom/authors/" + ruth,
                    Map.of("name", "Ruth Calder", "slug", "ruth-calder", "role", "Editor", "bio", "Ruth edits.", "photo", ""));
            assertThat(edited.statusCode()).isEqualTo(303);
            assertThat(site.readerPage("/author/ruth-calder").select("img[alt=Ruth Calder smiling]")).isEmpty();

            String path = "/newsroom/authors/" + bylined + "/delete";
            HttpResponse<String> refused = editor.submit(path, path, Map.of());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(html(refused).select(".nr-errors").text()).contains("1 article is under their byline");
            assertThat(site.reader("/author/kofi-mensah").statusCode()).isEqualTo(200);

            path = "/newsroom/authors/" + ruth + "/delete";
            assertThat(editor.submit(path, path, Map.of()).statusCode()).isEqualTo(303);
            assertThat(site.reader("/author/ruth-calder").statusCode()).isEqualTo(404);
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("added an author Ruth Calder"))
                    .anyMatch(a -> a.startsWith("edited an author")).anyMatch(a -> a.startsWith("deleted an author Ruth Calder"));

            HttpResponse<String> forged = editor.post("/newsroom/authors/" + bylined,
                    Map.of("name", "Forged", "slug", "forged", "role", "", "bio", "", "photo", ""));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(site.readerPage("/author/kofi-mensah").select("h1").text()).contains("Kofi Mensah");
        }
    }
}
