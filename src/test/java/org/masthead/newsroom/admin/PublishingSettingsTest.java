package org.masthead.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.Role;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SettingsStore;
import org.masthead.newsroom.NewsroomClient;

/** Admins choose full-text feeds, the publisher's logo and the policy pages on the settings page. */
class PublishingSettingsTest {

    private static Map<String, String> settings(Map<String, String> publishing) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "The Courier", "tagline", "News", "language", "en",
                "zone", "UTC"));
        fields.putAll(publishing);
        return fields;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void choicesAreCheckedSavedAuditedAndShownAgain(Kind kind) {
        try (AdminSite site = new AdminSite(kind)) {
            site.page("ethics", "Ethics", "How we work.");
            site.page("corrections", "Corrections", "How we correct.");
            site.image("2026/logo.png", 600, 60, List.of(), "The Courier");
            NewsroomClient admin = site.signedIn(Role.ADMIN);
            for (Map<String, String> hostile : List.of(Map.of("feeds", "sometimes"), Map.of("logo", "../../etc/passwd"),
                    Map.of("ethicsPolicy", "no-such-page"), Map.of("correctionsPolicy", "x".repeat(3000)))) {
                HttpResponse<String> refused = admin.submit("/newsroom/settings", "/newsroom/settings", settings(hostile));
                assertThat(refused.statusCode()).as(hostile.toString()).isEqualTo(422);
                Document kept = AdminSite.html(refused);
                assertThat(kept.selectFirst("#name").val()).isEqualTo("The Courier");
                assertThat(kept.select(".nr-errors li")).hasSize(1);
            }
            assertThat(new SettingsStore(site.app.database()).publishing()).isEqualTo(PublishingSettings.DEFAULTS);

            HttpResponse<String> saved = admin.submit("/newsroom/settings", "/newsroom/settings", settings(Map.of(
                    "feeds", "full", "logo", "2026/logo.png", "ethicsPolicy", "ethics", "correctionsPolicy", "corrections",
                    "masthead", "", "actionableFeedbackPolicy", "", "ownershipFundingInfo", "")));
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(new SettingsStore(site.app.database()).publishing())
                    .isEqualTo(new PublishingSettings(true, "2026/logo.png", "corrections", "ethics", "", "", ""));
            Document form = admin.page("/newsroom/settings");
            assertThat(form.selectFirst("#feeds-full").hasAttr("checked")).isTrue();
            assertThat(form.selectFirst("#logo option[selected]").val()).isEqualTo("2026/logo.png");
            assertThat(form.selectFirst("#ethicsPolicy option[selected]").val()).isEqualTo("ethics");
            assertThat(form.selectFirst("#masthead option[selected]").val()).isEmpty();
            assertThat(site.auditActions()).anyMatch(a -> a.startsWith("changed the publishing settings")
                    && a.contains("feeds full") && a.contains("logo 2026/logo.png"));

            // A form without the publishing fields (an older page, say) leaves them as they are.
            assertThat(admin.submit("/newsroom/settings", "/newsroom/settings", settings(Map.of())).statusCode()).isEqualTo(303);
            assertThat(new SettingsStore(site.app.database()).publishing().logo()).isEqualTo("2026/logo.png");
        }
    }
}
