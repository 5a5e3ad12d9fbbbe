package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.privacy.PrivacyHttp;

/** The Host header cannot choose the site's links once its public address is configured. */
class BaseUrlTest {

    private static String home(App app, String host) {
        return PrivacyHttp.raw(app, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    @Test
    void withABaseUrlEveryHostGetsTheConfiguredLinks() {
        try (App app = App.create(TestSites.config(Kind.SQLITE).withBaseUrl("https://News.Example/")).start()) {
            String evil = home(app, "evil.example");
            assertThat(evil).startsWith("HTTP/1.1 200");
            assertThat(evil).contains("\"url\":\"https://news.example/\"").doesNotContain("evil.example");
            String other = home(app, "127.0.0.1:" + app.port());
            assertThat(other).contains("https://news.example/").doesNotContain("127.0.0.1");
            String etag = evil.replaceAll("(?s).*\r\n[Ee][Tt]ag: ([^\r\n]+)\r\n.*", "$1");
            assertThat(other).as("one cached copy whatever the Host").contains(etag);
        }
    }

    @Test
    void withoutABaseUrlLinksFollowTheHostAsBefore() {
        try (App app = App.create(TestSites.config(Kind.SQLITE)).start()) {
            assertThat(home(app, "news.example")).contains("\"url\":\"http://news.example/\"");
        }
    }

    @Test
    void aBaseUrlIsSchemeHostAndPortOnly() {
        Config config = TestSites.config(Kind.SQLITE);
        assertThat(config.withBaseUrl("https://news.example:8443").baseUrl()).isEqualTo("https://news.example:8443");
        assertThat(config.withBaseUrl(" ").baseUrl()).isNull();
        for (String bad : new String[] {"ftp://news.example", "news.example", "https://news.example/path",
                "https://user@news.example", "https://news.example/?q=1", "http://"}) {
            assertThatThrownBy(() -> config.withBaseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--base-url: ");
        }
    }
}
