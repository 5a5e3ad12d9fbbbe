package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ContentStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;

/** A committed write shows on the very next page view: the page cache follows the change log. */
class FreshContentTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewStoryAppearsOnCachedPagesAtOnce(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            ContentStore store = new ContentStore(app.database(), new Markdown(MediaResolver.NONE));
            long section = store.addSection("harbour", "Harbour", "Ships and quays.", null, 0);
            Document empty = Jsoup.parse(TestSites.get(app, "/").body());
            assertThat(empty.select(".empty").text()).contains("No stories");
            assertThat(TestSites.get(app, "/").body()).contains("No stories"); // now served from the cache

            Instant now = Instant.parse("2026-11-20T09:00:00Z");
            store.addArticle(new ArticleDraft("pilot-boat-launched", "Pilot boat launched", "A new boat for the harbour.",
                    "First paragraph.\n\nSecond paragraph.", "en", ArticleStatus.PUBLISHED, section, List.of(),
                    List.of(), null, List.of(), now, null));

            Document home = Jsoup.parse(TestSites.get(app, "/").body());
            assertThat(home.selectFirst(".lead-headline").text()).isEqualTo("Pilot boat launched");
            assertThat(TestSites.get(app, "/2026/11/20/pilot-boat-launched").statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(TestSites.get(app, "/section/harbour").body()).select(".card-headline").text())
                    .isEqualTo("Pilot boat launched");
        }
    }
}
