package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.newsroom.NewsroomClient;

/**
 * Editors saving the same slug at the same moment: both pass the form's check, one insert
 * wins, and the other editor gets the form back with what they typed and the reason, not an
 * error page.
 */
class SimultaneousSavesTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoEditorsAddingOneSlugAtOnceMakeOneSectionAndTheOtherKeepsTheForm(Kind kind) throws Exception {
        try (AdminSite site = new AdminSite(kind)) {
            List<NewsroomClient> editors = List.of(site.signedIn(Role.EDITOR), site.signedIn(Role.EDITOR),
                    site.signedIn(Role.EDITOR), site.signedIn(Role.EDITOR));
            List<String> tokens = new ArrayList<>();
            for (NewsroomClient editor : editors) {
                tokens.add(editor.csrfToken("/newsroom/sections/new", "/newsroom/sections"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(editors.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < editors.size(); i++) {
                NewsroomClient editor = editors.get(i);
                Map<String, String> form = Map.of("_csrf", tokens.get(i), "name", "Harbour news " + i, "slug", "harbour-news",
                        "description", "Written by editor " + i, "parent", "", "position", "4");
                sent.add(pool.submit(() -> {
                    go.await();
                    return editor.post("/newsroom/sections", form);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            pool.shutdown();

            int stored = site.app.database().read(h -> h.createQuery("select count(*) from sections where slug = 'harbour-news'")
                    .mapTo(Integer.class).one());
            assertThat(stored).isEqualTo(1);
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnlyOnce(303);
            for (HttpResponse<String> refused : answers.stream().filter(a -> a.statusCode() != 303).toList()) {
                assertThat(refused.statusCode()).isIn(409, 422);
                var page = AdminSite.html(refused);
                assertThat(page.select(".nr-errors").text()).contains("already has the slug");
                assertThat(page.selectFirst("input[name=name]").val()).startsWith("Harbour news ");
                assertThat(page.selectFirst("textarea[name=description]").text()).startsWith("Written by editor ");
            }
        }
    }
}
