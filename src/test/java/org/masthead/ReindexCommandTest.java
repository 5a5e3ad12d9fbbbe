package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.ChangeLogRetention;

/** A missing or damaged search index is rebuilt on start; {@code masthead reindex} rebuilds it on demand. */
class ReindexCommandTest {

    private static void publish(App app, String slug, String headline) {
        long section = app.database().read(h -> h.createQuery("select min(id) from sections").mapTo(Long.class).one());
        app.database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx, ArticleEdit.of(slug,
                headline, "", "Words about " + headline + ".", section, ArticleStatus.PUBLISHED,
                java.time.Instant.parse("2026-11-20T09:00:00Z")), ArticleEdit.By.SYSTEM));
    }

    private static boolean finds(App app, String word, String headline) {
        return Jsoup.parse(TestSites.get(app, "/search?q=" + word).body()).select(".search-headline a").eachText()
                .contains(headline);
    }

    private static Config site() {
        Config config = TestSites.config(TestSites.Kind.SQLITE);
        try (App app = App.create(config).start()) {
            app.database().write(tx -> new SectionStore(app.database()).add(tx, "city", "City", "", null, 0));
            publish(app, "lighthouse", "Lighthouse keeper retires");
            app.searchIndex().awaitIdle();
            assertThat(finds(app, "lighthouse", "Lighthouse keeper retires")).isTrue();
        }
        return config;
    }

    @Test
    void aDamagedIndexIsRebuiltOnStart() throws IOException {
        Config config = site();
        Path folder = App.searchFolder(config);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i < bytes.length; i += 7) {
                    bytes[i] ^= 0x5A;
                }
                Files.write(file, bytes);
            }
        }
        try (App app = App.create(config)) {
            assertThat(app.searchIndex().catchingUp()).as("a damaged index starts over").isTrue();
            app.start();
            app.searchIndex().awaitIdle();
            assertThat(app.searchIndex().catchingUp()).isFalse();
            assertThat(finds(app, "lighthouse", "Lighthouse keeper retires")).isTrue();
        }
    }

    @Test
    void aMissingIndexIsRebuiltOnStart() throws IOException {
        Config config = site();
        try (Stream<Path> files = Files.walk(App.searchFolder(config))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (App app = App.create(config).start()) {
            app.searchIndex().awaitIdle();
            assertThat(finds(app, "keeper", "Lighthouse keeper retires")).isTrue();
        }
    }

    @Test
    void reindexRebuildsWithAProgressBar() {
        Config config = site();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "reindex", "--data-dir",
                config.dataDir().toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Search index rebuilt in ");
        assertThat(err.toString()).contains("indexing [").contains("100% 1/1").contains("relating [");
        try (App app = App.create(config).start()) {
            assertThat(app.searchIndex().catchingUp()).as("a rebuilt index is complete").isFalse();
            assertThat(finds(app, "retires", "Lighthouse keeper retires")).isTrue();
        }
    }

    @Test
    void changesJustBeforeAReindexAreNotReplayedAfterIt() {
        Config config = site();
        try (App app = App.create(config)) {
            // What `demo generate` or an import leaves: thousands of article changes a moment before the reindex.
            app.database().write(tx -> {
                var insert = tx.handle().prepareBatch("insert into change_log (entity, entity_id, kind, changed_at) "
                        + "values ('article', :id, 'UPDATED', :at)");
                for (long id = 1_000; id < 7_000; id++) {
                    insert.bind("id", id).bind("at", System.currentTimeMillis()).add();
                }
                insert.execute();
                return null;
            });
            // Counted only as far as a rebuild's threshold (5,000): a generated site can leave a million.
            assertThat(app.searchIndex().changesToReplay()).isEqualTo(5_001);
        }
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "reindex",
                "--data-dir", config.dataDir().toString());
        assertThat(code).isZero();
        try (App app = App.create(config)) {
            assertThat(app.searchIndex().catchingUp()).isFalse();
            // Only the last few hundred are looked at again (a write may commit after higher-numbered ones).
            assertThat(app.searchIndex().changesToReplay()).as("the rebuild read them all").isBetween(1, 500);
        }
        try (App app = App.create(config).start()) {
            app.searchIndex().awaitIdle();
            assertThat(app.searchIndex().catchingUp()).isFalse();
            assertThat(finds(app, "lighthouse", "Lighthouse keeper retires")).isTrue();
        }
    }

    @Test
    void anIndexSavedBeforeWhatTheChangeLogStillHoldsIsRebuiltOnStart() {
        Config config = site();
        try (App app = App.create(config)) {
            // Another instance edits the story while this one is stopped, then a week of other changes follows.
            app.database().write(tx -> {
                long id = tx.handle().createQuery("select id from articles where slug = 'lighthouse'").mapTo(Long.class).one();
                tx.handle().createUpdate("update articles set headline = 'Lighthouse keeper stays on' where id = :id")
                        .bind("id", id).execute();
                var log = tx.handle().prepareBatch("insert into change_log (entity, entity_id, kind, changed_at) "
                        + "values (:entity, :id, 'UPDATED', :at)");
                log.bind("entity", "article").bind("id", id).bind("at", System.currentTimeMillis()).add();
                for (long comment = 1; comment <= ChangeLogRetention.KEPT_ROWS + 100; comment++) {
                    log.bind("entity", "comment").bind("id", comment).bind("at", System.currentTimeMillis()).add();
                }
                log.execute();
                return null;
            });
            long removed = ChangeLogRetention.prune(app.database(), Instant.now().plus(Duration.ofDays(8)));
            assertThat(removed).isGreaterThan(100);
            long articleRows = app.database().read(h -> h.createQuery(
                    "select count(*) from change_log where entity = 'article'").mapTo(Long.class).one());
            assertThat(articleRows).as("the edit's row is gone with the old ones").isZero();
        }
        try (App app = App.create(config).start()) {
            app.searchIndex().awaitIdle();
            assertThat(app.searchIndex().catchingUp()).isFalse();
            assertThat(finds(app, "stays", "Lighthouse keeper stays on")).as("rebuilt, not replayed").isTrue();
        }
    }

    @Test
    void reindexRefusesWhileTheSiteRuns() {
        Config config = site();
        try (App app = App.create(config).start()) {
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "reindex", "--data-dir",
                    config.dataDir().toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("is in use; stop the site");
        }
    }
}
