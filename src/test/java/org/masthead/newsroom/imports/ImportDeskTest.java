package org.masthead.newsroom.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.ThirdPartyData;
import org.masthead.accounts.UserStore;
import org.masthead.newsroom.NewsroomClient;

/** An admin imports a WordPress export from the newsroom: refused files come back with the reason, good ones with a report. */
class ImportDeskTest {
    private static final String PASSWORD = "harbour-lights-42";

    private static NewsroomClient signedIn(App app, String role) {
        String email = role + "@courier.example";
        new UserStore(app.database()).add(new UserStore.NewUser(email, "Test " + role, role, PASSWORD, PASSWORD));
        NewsroomClient client = new NewsroomClient(app);
        assertThat(client.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    private static HttpResponse<String> upload(NewsroomClient client, String fixture) throws Exception {
        byte[] file = Files.readAllBytes(ThirdPartyData.path("wxr/" + fixture));
        return client.postMultipart("/newsroom/import", Map.of("_csrf", client.csrfToken("/newsroom/import", "/newsroom/import")),
                "file", fixture, "text/xml", file);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAdminUploadsAnExportAndReadsTheReport(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            NewsroomClient editor = signedIn(app, "editor");
            assertThat(editor.get("/newsroom/import").statusCode()).isEqualTo(403);
            NewsroomClient admin = signedIn(app, "admin");
            assertThat(admin.page("/newsroom/import").select("nav a[href=/newsroom/import]").text()).isEqualTo("Import");

            HttpResponse<String> refused = upload(admin, "invalid-version-tag.xml");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select(".nr-errors").text()).contains("Nothing was imported: "
                    + "invalid-version-tag.xml, line 33, column 18: wp:wxr_version is \"abc\"");

            HttpResponse<String> accepted = upload(admin, "valid-wxr-1.1.xml");
            assertThat(accepted.statusCode()).isEqualTo(303);
            String job = accepted.headers().firstValue("location").orElseThrow();
            assertThat(job).matches("/newsroom/import/[0-9a-f-]{36}");
            Document page = admin.page(job);
            for (int tries = 0; tries < 100 && page.selectFirst("progress") != null; tries++) {
                Thread.sleep(100);
                page = admin.page(job);
            }
            assertThat(page.select(".nr-report").text()).contains("WordPress import (WXR 1.1):")
                    .containsPattern("articles +1 new").containsPattern("pages +1 new");
            assertThat(TestSites.get(app, "/?p=1").statusCode()).isEqualTo(301);
            assertThat(admin.page("/newsroom/audit").text()).contains("imported a WordPress export");
        }
    }
}
