package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;

/** Publishing, editing, unpublishing and trashing show in search within a second, on every instance. */
class SearchFreshnessTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static boolean finds(App app, String query, String headline) {
        return Newsdesk.headlines(TestSites.get(app, "/search?q=" + query).body()).contains(headline);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindOfChangeShowsWithinASecond(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            app.searchIndex().awaitIdle();
            Newsdesk desk = new Newsdesk(app.database());
            long section = desk.section("harbour", "Harbour");
            ArticleEdit edit = ArticleEdit.of("pilot-boat", "Pilot boat launched at the quay", "A new boat.",
                    "The pilots have a new boat.\n\nIt is orange.", section, ArticleStatus.PUBLISHED,
                    Instant.parse("2026-11-20T09:00:00Z"));
            long id = desk.publish(edit);
            TestSites.eventually("published story found", SECOND, () -> finds(app, "pilot", "Pilot boat launched at the quay"));

            desk.save(id, Newsdesk.withHeadline(edit, "Lifeboat crew rescues kayaker"));
            TestSites.eventually("edited headline found", SECOND, () -> finds(app, "kayaker", "Lifeboat crew rescues kayaker"));
            assertThat(finds(app, "launched", "Pilot boat launched at the quay")).as("old headline gone").isFalse();

            desk.save(id, Newsdesk.withStatus(Newsdesk.withHeadline(edit, "Lifeboat crew rescues kayaker"),
                    ArticleStatus.UNPUBLISHED));
            TestSites.eventually("unpublished story gone", SECOND,
                    () -> !finds(app, "kayaker", "Lifeboat crew rescues kayaker"));

            desk.save(id, Newsdesk.withStatus(edit, ArticleStatus.PUBLISHED));
            TestSites.eventually("republished story back", SECOND, () -> finds(app, "pilot", "Pilot boat launched at the quay"));
            desk.save(id, Newsdesk.withStatus(edit, ArticleStatus.TRASH));
            TestSites.eventually("trashed story gone", SECOND, () -> !finds(app, "pilot", "Pilot boat launched at the quay"));
        }
    }

    /** The other instance reads the change log twice a second and indexes what it finds at once. */
    @Test
    void aStoryPublishedOnOneInstanceIsFoundOnAnotherWithinASecond() {
        Config first = TestSites.config(Kind.POSTGRESQL);
        // Both share the database and the data folder; each keeps an index folder of its own there.
        Config second = new Config(first.host(), 0, first.dataDir(), first.databaseUrl(), false);
        try (App one = App.create(first).start(); App two = App.create(second).start()) {
            one.searchIndex().awaitIdle();
            two.searchIndex().awaitIdle();
            Newsdesk desk = new Newsdesk(one.database());
            long section = desk.section("city", "City");
            long published = System.nanoTime();
            desk.publish(section, "new-library", "New library opens on Mill Street", "Shelves for 40,000 books.");
            TestSites.eventually("found on the other instance", SECOND,
                    () -> finds(two, "library", "New library opens on Mill Street"));
            System.out.printf("found on the other instance after %d ms%n", (System.nanoTime() - published) / 1_000_000);
        }
    }
}
