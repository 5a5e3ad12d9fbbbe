package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;
import org.masthead.site.HtmlValidityTest;

/** Every management page, filled with the demo paper, is valid HTML with zero checker errors. */
class AdminHtmlValidityTest {
    private static NewsroomClient admin;
    private static App app;

    @BeforeAll
    static void signIn() {
        app = TestSites.demo(Kind.SQLITE);
        String email = "validity-" + UUID.randomUUID() + "@courier.example";
        new UserStore(app.database()).add(new UserStore.NewUser(email, "Validity Admin", Role.ADMIN.name(), AdminSite.PASSWORD, AdminSite.PASSWORD));
        admin = new NewsroomClient(app);
        assertThat(admin.signIn(email, AdminSite.PASSWORD).statusCode()).isEqualTo(303);
    }

    static Stream<String> pages() {
        return Stream.of("/newsroom/sections", "/newsroom/sections/new", "SECTION", "SECTION/delete",
                "/newsroom/tags", "/newsroom/tags/new", "TAG", "TAG/delete", "/newsroom/authors", "/newsroom/authors/new",
                "AUTHOR", "/newsroom/pages", "/newsroom/pages/new", "PAGE", "/newsroom/users", "/newsroom/users/new",
                "USER", "USER/tokens", "/newsroom/settings");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pageIsValidHtml(String page) throws Exception {
        String path = page.replace("SECTION", first("sections")).replace("TAG", first("tags"))
                .replace("AUTHOR", first("authors")).replace("PAGE", first("pages")).replace("USER", first("users"));
        HttpResponse<String> response = admin.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(HtmlValidityTest.errors(response.body())).as("validator errors on " + path).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aRefusedFormIsValidHtmlToo() throws Exception {
        HttpResponse<String> refused = admin.submit("/newsroom/sections/new", "/newsroom/sections",
                Map.of("name", "", "slug", "Bad Slug", "description", "", "parent", "", "position", "x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(HtmlValidityTest.errors(refused.body())).isEmpty();
        assertThat(refused.body()).contains("role=\"alert\"", "value=\"x\"");
    }

    @org.junit.jupiter.api.Test
    void theTokensPageShowingANewTokenIsValidHtml() throws Exception {
        String page = first("users") + "/tokens";
        HttpResponse<String> issued = admin.submit(page, page, Map.of("name", "Validity check"));
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(HtmlValidityTest.errors(issued.body())).isEmpty();
        assertThat(HtmlValidityTest.errors(admin.get(page).body())).isEmpty(); // now with a row and its revoke button
    }

    private static String first(String table) {
        long id = app.database().read(h -> h.createQuery("select min(id) from " + table).mapTo(Long.class).one());
        return "/newsroom/" + table + "/" + id;
    }
}
