package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;

/** A committed write shows on the very next page view: the page cache follows the change log. */
class FreshContentTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewStoryAppearsOnCachedPagesAtOnce(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            long section = app.database().write(tx -> new SectionStore(app.database()).add(tx, "harbour", "Harbour",
                    "Ships and quays.", null, 0));
            Document empty = Jsoup.parse(TestSites.get(app, "/").body());
            assertThat(empty.select(".empty").text()).contains("No stories");
            assertThat(TestSites.get(app, "/").body()).contains("No stories"); // now served from the cache

            Instant now = Instant.parse("2026-11-20T09:00:00Z");
            app.database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx, ArticleEdit.of(
                    "pilot-boat-launched", "Pilot boat launched", "A new boat for the harbour.",
                    "First paragraph.\n\nSecond paragraph.", section, ArticleStatus.PUBLISHED, now), ArticleEdit.By.SYSTEM));

            Document home = Jsoup.parse(TestSites.get(app, "/").body());
            assertThat(home.selectFirst(".lead-headline").text()).isEqualTo("Pilot boat launched");
            assertThat(TestSites.get(app, "/2026/11/20/pilot-boat-launched").statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(TestSites.get(app, "/section/harbour").body()).select(".card-headline").text())
                    .isEqualTo("Pilot boat launched");
        }
    }
}
