package org.masthead.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/**
 * The registry is complete and true: every cookie any response sets is listed, and every
 * cookie listed is really set somewhere (the public pages, the newsroom sign-in, consent).
 */
class CookieRegistryTest {
    private static final String PASSWORD = "harbour-lights-42";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyCookieTheSiteSetsIsListedAndNothingElse(Kind kind) {
        App app = TestSites.demo(kind);
        Set<String> seen = new TreeSet<>();
        Set<String> publicPages = crawl(app, seen);
        assertThat(publicPages.size()).as("pages crawled").isGreaterThan(40);
        assertThat(seen).as("cookies set by public pages before any choice").isEmpty();

        for (String choice : List.of("all", "none", "custom")) {
            seen.addAll(PrivacyHttp.cookieNames(PrivacyHttp.consent(app, choice, List.of("media"), "/")));
        }
        seen.addAll(PrivacyHttp.cookieNames(PrivacyHttp.consent(app, "all", List.of(), "/", "Accept", "application/json")));
        String email = "registry-" + kind.name().toLowerCase() + "@courier.example";
        new UserStore(app.database()).add(new UserStore.NewUser(email, "Registry Test", Role.ADMIN.name(), PASSWORD, PASSWORD));
        NewsroomClient newsroom = new NewsroomClient(app);
        seen.addAll(PrivacyHttp.cookieNames(newsroom.get("/newsroom/login")));
        seen.addAll(PrivacyHttp.cookieNames(newsroom.signIn(email, "wrong-password-1")));
        seen.addAll(PrivacyHttp.cookieNames(newsroom.signIn(email, PASSWORD)));
        for (String path : List.of("/newsroom", "/newsroom/privacy", "/newsroom/account", "/newsroom/consent.csv", "/", "/cookies")) {
            seen.addAll(PrivacyHttp.cookieNames(newsroom.get(path)));
        }
        seen.addAll(PrivacyHttp.cookieNames(newsroom.submit("/newsroom", "/newsroom/logout", Map.of())));

        Set<String> listed = new TreeSet<>();
        CookieRegistry.ownStorage().stream().filter(e -> e.kind() == CookieRegistry.Kind.COOKIE)
                .forEach(e -> listed.add(e.name()));
        assertThat(seen).as("cookies set by the site").isSubsetOf(listed);
        assertThat(listed).as("cookies the registry lists").isSubsetOf(seen);
    }

    /** Follows every local link from the home page, breadth first, up to 120 pages; collects cookie names. */
    private static Set<String> crawl(App app, Set<String> cookies) {
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/privacy", "/cookies", "/no-such-page"));
        while (!queue.isEmpty() && visited.size() < 120) {
            String path = queue.removeFirst();
            if (!visited.add(path)) {
                continue;
            }
            HttpResponse<String> response = TestSites.get(app, path);
            cookies.addAll(PrivacyHttp.cookieNames(response));
            if (!response.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            for (var link : Jsoup.parse(response.body()).select("a[href^=/], link[href^=/]")) {
                String href = link.attr("href");
                int hash = href.indexOf('#');
                href = hash < 0 ? href : href.substring(0, hash);
                if (!href.startsWith("//") && !href.startsWith("/newsroom") && !visited.contains(href)) {
                    queue.addLast(href);
                }
            }
        }
        return visited;
    }
}
