package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.db.Database;

/**
 * After a rebuild the index answers searches as soon as its documents are in; the related lists
 * follow newest story first, and a stop before they are all done goes on from there at the next start.
 */
class RelatingAfterRebuildTest {
    private static final Instant WHEN = Instant.parse("2026-11-02T09:00:00Z");

    private static ArticleEdit story(String slug, String headline, String body, long section, Instant at) {
        return ArticleEdit.of(slug, headline, "", body, section, ArticleStatus.PUBLISHED, at);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void storiesAreTakenNewestFirstThenThoseWithoutADate(Kind kind) {
        try (App app = App.create(TestSites.config(kind))) {
            Newsdesk desk = new Newsdesk(app.database());
            long section = desk.section("city", "City");
            long oldest = desk.publish(story("a", "Oldest", "Words.", section, WHEN));
            long newest = desk.publish(story("b", "Newest", "Words.", section, WHEN.plusSeconds(7200)));
            long tieLow = desk.publish(story("c", "Tie one", "Words.", section, WHEN.plusSeconds(3600)));
            long tieHigh = desk.publish(story("d", "Tie two", "Words.", section, WHEN.plusSeconds(3600)));
            long undated = desk.publish(story("e", "No date", "Words.", section, WHEN.plusSeconds(60)));
            desk.publish(ArticleEdit.of("f", "A draft", "", "Words.", section, ArticleStatus.DRAFT, null));
            app.database().write(tx -> tx.handle().createUpdate("update articles set published_at = null where id = :id")
                    .bind("id", undated).execute());

            SearchQueries queries = new SearchQueries(app.database());
            List<Long> walked = new ArrayList<>();
            SearchQueries.Position at = SearchQueries.Position.NEWEST;
            for (List<SearchQueries.Position> batch = queries.publishedAfter(at, 2); !batch.isEmpty();
                 batch = queries.publishedAfter(at, 2)) {
                batch.forEach(p -> walked.add(p.id()));
                at = batch.getLast();
                assertThat(SearchQueries.Position.parse(at.toString())).as("saved and read back").isEqualTo(at);
            }
            assertThat(walked).containsExactly(newest, tieHigh, tieLow, oldest, undated);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStopBeforeTheListsAreDoneGoesOnAtTheNextStart(Kind kind) {
        Config config = TestSites.config(kind);
        Map<Long, List<Long>> before;
        try (App app = App.create(config).start()) {
            Newsdesk desk = new Newsdesk(app.database());
            long transport = desk.section("transport", "Transport");
            long culture = desk.section("culture", "Culture");
            for (int i = 0; i < 6; i++) {
                desk.publish(story("tram-" + i, "Tram " + i + " at the depot", "The tram line, its depot and stops, "
                        + "timetable " + i + " for passengers.", transport, WHEN.plusSeconds(3600L * i)));
                desk.publish(story("museum-" + i, "Museum " + i + " opens a gallery", "Paintings in the gallery, "
                        + "a curator and visitors, room " + i + ".", culture, WHEN.plusSeconds(3600L * i + 60)));
            }
            app.searchIndex().awaitIdle();
            before = lists(app.database());
            assertThat(before).as("every story has a list").hasSize(12);
            // What a stop right after indexing leaves: no lists yet, and the index owing all of them.
            app.database().write(tx -> tx.handle().createUpdate("delete from article_related").execute());
        }
        try (ArticleIndex index = ArticleIndex.open(config.dataDir().resolve("search-index"), new Analyzers())) {
            assertThat(index.complete()).isTrue();
            assertThat(index.relating()).as("the lists were done").isEmpty();
            index.relating(SearchQueries.Position.NEWEST);
            index.commitRelating();
        }
        try (App app = App.create(config.withRelatedThreads(0)).start()) {
            app.searchIndex().awaitIdle();
            assertThat(app.searchIndex().catchingUp()).as("searches do not wait for the lists").isFalse();
            // The start's replay of the last minutes' changes ranked these stories' lists whatever the setting.
            app.database().write(tx -> tx.handle().createUpdate("delete from article_related").execute());
        }
        try (ArticleIndex index = ArticleIndex.open(config.dataDir().resolve("search-index"), new Analyzers())) {
            assertThat(index.relating()).as("--related-threads 0 leaves the rebuild's lists owed")
                    .contains(SearchQueries.Position.NEWEST);
        }
        try (App app = App.create(config)) {
            assertThat(app.searchIndex().catchingUp()).as("searches do not wait for the lists").isFalse();
            assertThat(lists(app.database())).isEmpty();
            app.start();
            app.searchIndex().awaitIdle();
            assertThat(lists(app.database())).as("recomputed at the start").isEqualTo(before);
        }
        try (ArticleIndex index = ArticleIndex.open(config.dataDir().resolve("search-index"), new Analyzers())) {
            assertThat(index.relating()).as("and noted as done").isEmpty();
        }
    }

    private static Map<Long, List<Long>> lists(Database db) {
        Map<Long, List<Long>> lists = new TreeMap<>();
        db.read(h -> h.createQuery("select article_id, target_id from article_related order by article_id, position")
                .map((rs, ctx) -> lists.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                .list());
        return lists;
    }
}
