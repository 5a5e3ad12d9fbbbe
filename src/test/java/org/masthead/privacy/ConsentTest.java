package org.masthead.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.privacy.PrivacyHttp.consent;
import static org.masthead.privacy.PrivacyHttp.get;
import static org.masthead.privacy.PrivacyHttp.setCookie;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The cookie question, answered without JavaScript, and the record kept of each answer. */
class ConsentTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFirstVisitAsksAndSetsNoCookie(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> home = get(app, "/");
        assertThat(home.headers().allValues("set-cookie")).isEmpty();
        Document page = Jsoup.parse(home.body());
        var banner = page.selectFirst("#consent-banner");
        assertThat(banner).isNotNull();
        assertThat(banner.select("form.consent-quick button").eachText()).containsExactly("Accept all", "Reject all");
        assertThat(banner.select("details summary").text()).isEqualTo("Choose");
        assertThat(banner.select(".consent-choices input[name=allow]").eachAttr("value"))
                .containsExactly("necessary", "preferences", "statistics", "media");
        assertThat(banner.selectFirst("input[value=necessary]").hasAttr("disabled")).isTrue();
        assertThat(banner.selectFirst("input[value=necessary]").hasAttr("checked")).isTrue();
        assertThat(banner.selectFirst("input[name=return]").val()).isEqualTo("/");
        assertThat(page.select("footer a[href=/cookies]").text()).isEqualTo("Cookie settings");
        // The banner is in the flow before the header, not laid over the story.
        assertThat(page.body().child(1).id()).isEqualTo("consent-banner");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rejectAllWithoutJavaScriptGoesBackToTheSamePageAndStopsAsking(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> answer = consent(app, "none", List.of(), "/section/city?page=1");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("location")).hasValue("/section/city?page=1");
        String cookie = setCookie(answer, ConsentCookie.NAME);
        assertThat(cookie).matches("[0-9a-f]{32}\\.\\d+\\.none");
        String header = answer.headers().allValues("set-cookie").getFirst();
        assertThat(header).contains("Max-Age=15811200", "Path=/", "SameSite=Lax").doesNotContain("HttpOnly");

        HttpResponse<String> after = get(app, "/section/city?page=1", "Cookie", ConsentCookie.NAME + "=" + cookie);
        assertThat(Jsoup.parse(after.body()).select("#consent-banner")).isEmpty();
        assertThat(after.headers().allValues("set-cookie")).isEmpty();
        // Pages stay cached, one copy per variant: the same request gives the same bytes and ETag.
        HttpResponse<String> again = get(app, "/section/city?page=1", "Cookie", ConsentCookie.NAME + "=" + cookie);
        assertThat(again.headers().firstValue("etag")).isEqualTo(after.headers().firstValue("etag"));
        // The answered page is this reader's own; shared caches keep only the anonymous one, so Vary never names Cookie.
        assertThat(after.headers().firstValue("vary")).hasValue("Accept-Encoding, Sec-GPC");
        assertThat(after.headers().firstValue("cache-control")).hasValue("private, no-cache");
        HttpResponse<String> anonymous = get(app, "/section/city?page=1");
        assertThat(anonymous.headers().firstValue("etag")).isNotEqualTo(after.headers().firstValue("etag"));
        assertThat(anonymous.headers().firstValue("cache-control").orElseThrow())
                .isEqualTo("public, max-age=0, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400");
        // Other sites' cookies (analytics) leave the page shared.
        assertThat(get(app, "/section/city?page=1", "Cookie", "_ga=GA1.1.42").headers().firstValue("cache-control"))
                .isEqualTo(anonymous.headers().firstValue("cache-control"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theReturnPathMustBeOnThisSite(Kind kind) {
        App app = TestSites.demo(kind);
        for (String hostile : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "")) {
            HttpResponse<String> answer = consent(app, "all", List.of(), hostile);
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.headers().firstValue("location")).as(hostile).hasValue("/");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAnswerFromAnotherSiteIsRefused(Kind kind) {
        App app = TestSites.demo(kind);
        String body = PrivacyHttp.form(Map.of("choice", List.of("all"), "return", List.of("/")));
        for (String[] headers : List.of(new String[] {"Origin", "https://evil.example"}, new String[] {"Referer", "https://evil.example/x"},
                new String[] {"X-Nothing", "1"})) {
            HttpResponse<String> refused = TestSites.send(app, PrivacyHttp.request(app, "/consent")
                    .header("Content-Type", "application/x-www-form-urlencoded").header(headers[0], headers[1])
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(refused.statusCode()).as(headers[0]).isEqualTo(403);
            assertThat(refused.headers().allValues("set-cookie")).isEmpty();
            assertThat(refused.body()).contains("did not come from a page of this site");
        }
        HttpResponse<String> fromOurPage = TestSites.send(app, PrivacyHttp.request(app, "/consent")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", TestSites.baseUrl(app) + "/about")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(fromOurPage.statusCode()).isEqualTo(303);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachAnswerIsLoggedWithAHashedTruncatedAddress(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> answer = consent(app, null, List.of("media", "statistics", "bogus"), "/", "Sec-GPC", "1");
        String cookie = setCookie(answer, ConsentCookie.NAME);
        String id = cookie.substring(0, cookie.indexOf('.'));
        assertThat(cookie).endsWith(".statistics+media");
        Map<String, Object> row = app.database().read(h -> h.createQuery("select * from consent_log where consent_id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(((Number) row.get("policy_version")).intValue()).isEqualTo(Integer.parseInt(cookie.split("\\.")[1]));
        assertThat(((Number) row.get("preferences")).intValue()).isZero();
        assertThat(((Number) row.get("statistics")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("external_media")).intValue()).isEqualTo(1);
        assertThat(((Number) row.get("gpc")).intValue()).isEqualTo(1);
        assertThat(row.get("method")).isEqualTo("choose");
        assertThat(((Number) row.get("given_at")).longValue()).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(60_000L));
        String secret = app.database().read(h -> h.createQuery("select secret from consent_secret").mapTo(String.class).one());
        assertThat(row.get("ip_hash")).isEqualTo(new IpDigest(secret).of("127.0.0.1"))
                .isEqualTo(new IpDigest(secret).of("127.0.0.200"))
                .isNotEqualTo(new IpDigest(secret).of("127.0.1.1"));
        assertThat((String) row.get("ip_hash")).matches("[0-9a-f]{16}");

        // Changing one's mind keeps the consent id, so the log shows the history of one browser.
        HttpResponse<String> changed = consent(app, "all", List.of(), "/", "Cookie", ConsentCookie.NAME + "=" + cookie);
        assertThat(setCookie(changed, ConsentCookie.NAME)).startsWith(id + ".").endsWith(".preferences+statistics+media");
        List<String> methods = app.database().read(h -> h.createQuery("select method from consent_log where consent_id = :id order by id")
                .bind("id", id).mapTo(String.class).list());
        assertThat(methods).containsExactly("choose", "accept-all");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void globalPrivacyControlCountsAsRejectAllAndIsNotNagged(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> home = get(app, "/about", "Sec-GPC", "1");
        Document page = Jsoup.parse(home.body());
        assertThat(page.select("#consent-banner button")).isEmpty();
        assertThat(page.select("#consent-banner").text()).contains("Global Privacy Control", "Reject all");
        assertThat(home.headers().allValues("set-cookie")).isEmpty();
        assertThat(Jsoup.parse(get(app, "/about").body()).select("#consent-banner button").eachText()).contains("Accept all");
        Document settings = Jsoup.parse(get(app, "/cookies", "Sec-GPC", "1").body());
        assertThat(settings.select("main").text()).contains("Global Privacy Control");
        assertThat(settings.select("input[name=allow][checked]").eachAttr("value")).containsExactly("necessary");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSettingsPageShowsTheCurrentAnswerAndChangesIt(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> empty = get(app, "/cookies");
        assertThat(Jsoup.parse(empty.body()).select("#consent-banner")).isEmpty();
        assertThat(empty.headers().firstValue("cache-control")).hasValue("private, no-cache");
        String cookie = setCookie(consent(app, null, List.of("preferences"), "/cookies?saved=1"), ConsentCookie.NAME);
        Document page = Jsoup.parse(get(app, "/cookies?saved=1", "Cookie", ConsentCookie.NAME + "=" + cookie).body());
        assertThat(page.select(".consent-status").text()).contains("saved");
        assertThat(page.select("#settings-preferences").hasAttr("checked")).isTrue();
        assertThat(page.select("#settings-media").hasAttr("checked")).isFalse();
        assertThat(page.select(".consent-on").eachText()).containsExactly("Necessary", "Preferences");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void javaScriptGetsJsonInsteadOfARedirect(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> answer = consent(app, "all", List.of(), "/", "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).matches("\\{\"version\":\\d+,\"allowed\":\\[\"necessary\",\"preferences\",\"statistics\",\"media\"]}");
        assertThat(setCookie(answer, ConsentCookie.NAME)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePolicyPageListsTheRegistryWithVersionAndDate(Kind kind) {
        App app = TestSites.demo(kind);
        Document page = Jsoup.parse(get(app, "/privacy").body());
        assertThat(page.select(".policy-version").text()).matches("Version \\d+, in force since \\d{1,2} \\w+ \\d{4}\\.");
        List<String> names = page.select(".policy-cookies tbody th code").eachText();
        assertThat(names).containsExactlyElementsOf(CookieRegistry.ENTRIES.stream()
                .sorted(java.util.Comparator.comparing(e -> e.category().ordinal())).map(CookieRegistry.Entry::name).toList());
        assertThat(page.select(".policy-empty")).hasSize(2);
        assertThat(page.select(".policy-cookies h3").eachText()).containsExactly("Necessary (always on)", "Preferences",
                "Statistics", "External media");
    }
}
