package org.masthead.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** Security headers on every kind of response, trusted proxies, size limits and quiet errors. */
class HardenedHttpTest {

    private static String articlePath(App app) {
        return Jsoup.parse(TestSites.get(app, "/").body()).selectFirst(".lead-headline a").attr("href");
    }

    private static void assertHardened(HttpResponse<?> response, String what) {
        var headers = response.headers();
        String csp = headers.firstValue("content-security-policy").orElse("");
        assertThat(csp).as(what).contains("script-src 'self'", "frame-ancestors 'self'", "object-src 'none'",
                "frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.openstreetmap.org");
        assertThat(csp).as(what).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(headers.firstValue("x-content-type-options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("referrer-policy")).as(what).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("permissions-policy")).as(what).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(headers.firstValue("server")).as(what).isEmpty();
        assertThat(headers.firstValue("x-powered-by")).as(what).isEmpty();
        assertThat(headers.firstValue("strict-transport-security")).as(what + " over plain HTTP").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindOfResponseCarriesTheHeaders(Kind kind) {
        App app = TestSites.demo(kind);
        for (String path : List.of("/", articlePath(app), "/section/city", "/tag/harbour", "/author/mara-okonjo", "/privacy",
                "/about", "/cookies", "/nope", "/2026/13/40/x", "/static/site.css", "/static/consent.js", "/healthz",
                "/newsroom/login", "/newsroom", "/newsroom/consent.csv")) {
            assertHardened(TestSites.get(app, path), path);
        }
        assertHardened(PrivacyHttp.consent(app, "all", List.of(), "/"), "POST /consent");
        assertHardened(TestSites.send(app, PrivacyHttp.request(app, "/consent").POST(HttpRequest.BodyPublishers.noBody())),
                "refused POST /consent");
        assertHardened(TestSites.send(app, PrivacyHttp.request(app, "/").method("DELETE", HttpRequest.BodyPublishers.noBody())),
                "DELETE /");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyTrustedProxiesChooseSchemeAndAddress(Kind kind) {
        try (App app = App.create(TestSites.config(kind).withTrustedProxies(List.of("10.0.0.0/8", "127.0.0.1"))).start()) {
            HttpResponse<String> viaProxy = PrivacyHttp.get(app, "/about", "X-Forwarded-Proto", "https",
                    "X-Forwarded-For", "198.51.100.23, 10.1.2.3");
            assertThat(viaProxy.headers().firstValue("strict-transport-security")).hasValue("max-age=31536000; includeSubDomains");
            String cookie = PrivacyHttp.setCookie(PrivacyHttp.consent(app, "none", List.of(), "/",
                    "X-Forwarded-For", "198.51.100.23", "X-Forwarded-Proto", "https", "Origin", "https://127.0.0.1:" + app.port()),
                    ConsentCookie.NAME);
            assertThat(cookie).isNotNull();
            String secret = app.database().read(h -> h.createQuery("select secret from consent_secret").mapTo(String.class).one());
            String hash = app.database().read(h -> h.createQuery("select ip_hash from consent_log").mapTo(String.class).one());
            assertThat(hash).isEqualTo(new IpDigest(secret).of("198.51.100.1"));
        }
        try (App app = App.create(TestSites.config(kind)).start()) {
            HttpResponse<String> spoofed = PrivacyHttp.get(app, "/about", "X-Forwarded-Proto", "https");
            assertThat(spoofed.headers().firstValue("strict-transport-security")).isEmpty();
            PrivacyHttp.consent(app, "none", List.of(), "/", "X-Forwarded-For", "198.51.100.23");
            String secret = app.database().read(h -> h.createQuery("select secret from consent_secret").mapTo(String.class).one());
            String hash = app.database().read(h -> h.createQuery("select ip_hash from consent_log").mapTo(String.class).one());
            assertThat(hash).isEqualTo(new IpDigest(secret).of("127.0.0.1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oversizedRequestsAndErrorsGiveNoDetails(Kind kind) {
        App app = TestSites.demo(kind);
        HttpResponse<String> bigHeader = PrivacyHttp.get(app, "/", "X-Padding", "x".repeat(20_000));
        assertThat(bigHeader.statusCode()).isEqualTo(431);
        assertThat(bigHeader.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception", "at org.");
        assertThat(bigHeader.headers().firstValue("server")).isEmpty();

        HttpResponse<String> bigBody = TestSites.send(app, PrivacyHttp.request(app, "/consent")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", TestSites.baseUrl(app))
                .POST(HttpRequest.BodyPublishers.ofString("return=/&choice=all&pad=" + "x".repeat(20_000))));
        assertThat(bigBody.statusCode()).isEqualTo(413);
        assertThat(bigBody.headers().allValues("set-cookie")).isEmpty();

        String badPercent = PrivacyHttp.raw(app, "GET /section/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(badPercent).startsWith("HTTP/1.1 400");
        String badRequestLine = PrivacyHttp.raw(app, "GET /\u0001 HTTP/9.9\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(badRequestLine).startsWith("HTTP/1.1 4");
        for (String answer : List.of(badPercent, badRequestLine, TestSites.get(app, "/2026/13/40/x").body())) {
            assertThat(answer).doesNotContainIgnoringCase("jetty").doesNotContainIgnoringCase("javalin")
                    .doesNotContain("Exception", "at org.", "Server:");
        }
    }

    @org.junit.jupiter.api.Test
    void malformedProxyListsStopTheStart() {
        var config = TestSites.config(Kind.SQLITE).withTrustedProxies(List.of("proxy.example"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> App.create(config))
                .hasMessageContaining("--trusted-proxy").hasMessageContaining("proxy.example");
    }
}
