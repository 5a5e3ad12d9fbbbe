package org.masthead.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;

/** Several instances on one database: each hears the others' changes from the change log. */
class ChangeFollowerTest {

    private static void change(Database db, String entity, long id) {
        db.write(tx -> {
            tx.changed(entity, id, Change.Kind.UPDATED);
            return null;
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anInstanceHearsTheOthersChangesOnceAndItsOwnOnce(Kind kind) {
        String url = TestSites.config(kind).jdbcUrl();
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            second.addListener(change -> heard.add(change.tag()));
            second.follow(Duration.ofMillis(50));

            change(first, "article", 1);
            eventually(() -> heard.contains("article:1"));
            change(second, "article", 2);
            assertThat(heard).containsExactly("article:1", "article:2");
            change(first, "article", 3);
            // Read in sequence order: once the third is heard, the follower has passed the second.
            eventually(() -> heard.contains("article:3"));
            assertThat(heard).containsExactly("article:1", "article:2", "article:3");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReaderPageOnOneInstanceShowsWhatWasPublishedOnAnother(Kind kind) {
        Config config = TestSites.config(kind);
        try (App desk = App.create(config).start(); App reader = App.create(config).start()) {
            long section = desk.database().write(tx -> new SectionStore(desk.database()).add(tx, "harbour", "Harbour", "Ships.",
                    null, 0));
            publish(desk.database(), section, "pilot-boat", "Pilot boat launched");
            eventually(() -> TestSites.get(reader, "/").body().contains("Pilot boat launched"));
            // Now the reader instance has the home page in its cache; the next story must replace it.
            assertThat(TestSites.get(reader, "/").body()).doesNotContain("Night ferries return");
            publish(desk.database(), section, "night-ferries", "Night ferries return");
            eventually(() -> TestSites.get(reader, "/").body().contains("Night ferries return"));
        }
    }

    private static void publish(Database db, long section, String slug, String headline) {
        db.write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx, ArticleEdit.of(slug, headline, "A dek.",
                "A paragraph.", section, ArticleStatus.PUBLISHED, Instant.now().minusSeconds(60)), ArticleEdit.By.SYSTEM));
    }

    /**
     * On PostgreSQL another instance hears a commit at once through NOTIFY, not at its next read
     * of the log (here an hour away); and a change committed while its listening connection was
     * cut is read when it reconnects.
     */
    @Test
    void onPostgresqlACommitWakesTheOtherInstancesAndALostListenerCatchesUp() throws Exception {
        String url = TestSites.config(Kind.POSTGRESQL).jdbcUrl();
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            second.addListener(change -> heard.add(change.tag()));
            second.follow(Duration.ofHours(1));
            TestSites.eventually("the second instance listens", Duration.ofSeconds(10), () -> listeners(first) == 1);

            change(first, "article", 1);
            TestSites.eventually("the notice arrives", Duration.ofSeconds(5), () -> heard.contains("article:1"));

            // A transaction that rolls back notifies nobody.
            assertThatThrownBy(() -> first.write(tx -> {
                tx.changed("article", 2, Change.Kind.UPDATED);
                throw new IllegalStateException("changed my mind");
            })).hasMessage("changed my mind");

            first.write(tx -> tx.handle().createQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where application_name = :name and datname = current_database()")
                    .bind("name", ChangeNotices.APPLICATION_NAME).mapTo(Integer.class).one());
            change(first, "article", 3);
            TestSites.eventually("the listener reconnects and reads what it missed", Duration.ofSeconds(10),
                    () -> heard.contains("article:3"));
            assertThat(heard).containsExactly("article:1", "article:3");
            TestSites.eventually("listening again", Duration.ofSeconds(10), () -> listeners(first) == 1);
        }
    }

    private static int listeners(Database db) {
        return db.read(h -> h.createQuery("select count(*) from pg_stat_activity where application_name = :name"
                + " and datname = current_database()").bind("name", ChangeNotices.APPLICATION_NAME).mapTo(Integer.class).one());
    }

    /** PostgreSQL numbers a change when it is written, not when it commits: a late commit is still read. */
    @Test
    void aChangeCommittedAfterAHigherNumberIsStillHeard() throws Exception {
        try (Database db = Database.open(TestSites.config(Kind.POSTGRESQL).jdbcUrl())) {
            AtomicLong now = new AtomicLong(1_000_000);
            ChangeFollower follower = new ChangeFollower(db, now::get);
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Thread slow = Thread.ofVirtual().start(() -> db.write(tx -> {
                tx.changed("article", 1, Change.Kind.UPDATED);
                written.countDown();
                try {
                    commit.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
            change(db, "article", 2);

            List<Change> firstRead = follower.poll();
            assertThat(firstRead).extracting(Change::tag).containsExactly("article:2");
            assertThat(follower.gaps()).hasSize(1);

            commit.countDown();
            slow.join();
            assertThat(follower.poll()).extracting(Change::tag).containsExactly("article:1");
            assertThat(follower.gaps()).isEmpty();

            // A rolled-back write leaves a number that never fills: it is given up after a while.
            assertThatThrownBy(() -> db.write(tx -> {
                tx.changed("article", 3, Change.Kind.UPDATED);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            change(db, "article", 4);
            assertThat(follower.poll()).extracting(Change::tag).containsExactly("article:4");
            assertThat(follower.gaps()).hasSize(1);
            now.addAndGet(ChangeFollower.GAP_MILLIS + 1);
            assertThat(follower.poll()).isEmpty();
            assertThat(follower.gaps()).isEmpty();
        }
    }

    private static void eventually(BooleanSupplier condition) {
        TestSites.eventually("heard within 15 s", Duration.ofSeconds(15), condition);
    }
}
