package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.db.Database;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** Old spam is deleted and old IP addresses dropped, by the settings' periods, once however many instances sweep. */
class CommentRetentionTest {
    private static final Instant NOW = Instant.now();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void deletesSpamPastItsPeriodAndDropsOldAddresses(Kind kind) {
        try (SeededSite site = new SeededSite(TestSites.config(kind), false)) {
            site.app.database().write(tx -> {
                site.comments.saveSettings(tx, withDays(site.comments.settings(), 10, 20));
                return null;
            });
            long article = site.article("harbour-opens");
            Comment oldSpam = site.comment(article, null, "Spammer", "spam@example.net", "Cheap tickets", CommentStatus.SPAM, "192.0.2.1");
            site.age(oldSpam.id(), NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(11)));
            Comment reply = site.comment(article, oldSpam, "bo@example.org", "Not cheap at all");
            // Sent long ago but judged spam only yesterday: kept for moderators to rescue.
            Comment newSpam = site.comment(article, null, "Maybe", "maybe@example.net", "Borderline", CommentStatus.SPAM, "192.0.2.2");
            site.age(newSpam.id(), NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(1)));
            Comment oldApproved = site.comment(article, null, "ana@example.org", "An old comment");
            site.age(oldApproved.id(), NOW.minus(Duration.ofDays(21)), NOW.minus(Duration.ofDays(21)));
            Comment recent = site.comment(article, null, "cy@example.org", "A recent comment");
            site.age(recent.id(), NOW.minus(Duration.ofDays(19)), NOW.minus(Duration.ofDays(19)));

            CommentRetention retention = retention(site.app.database(), site.comments);
            assertThat(retention.sweep(NOW)).isEqualTo(new CommentRetention.Swept(1, 1, 2));
            assertThat(site.comments.find(oldSpam.id())).isEmpty();
            Comment moved = site.comments.find(reply.id()).orElseThrow();
            assertThat(moved.parentId()).isNull();
            assertThat(moved.depth()).isEqualTo(oldSpam.depth());
            assertThat(moved.ip()).isEqualTo(reply.ip());
            Comment kept = site.comments.find(newSpam.id()).orElseThrow();
            assertThat(kept.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(kept.ip()).isNull();
            assertThat(kept.body()).isEqualTo("Borderline");
            assertThat(site.comments.find(oldApproved.id()).orElseThrow().ip()).isNull();
            assertThat(network(site, oldApproved.id())).isNull();
            assertThat(site.comments.find(recent.id()).orElseThrow().ip()).isEqualTo(recent.ip());
            assertThat(network(site, recent.id())).isNotNull();

            assertThat(retention.sweep(NOW)).isEqualTo(new CommentRetention.Swept(0, 0, 0));
        }
    }

    /** The hourly sweep reads the comments that still hold an address, by date, not the whole table. */
    @org.junit.jupiter.api.Test
    void droppingOldAddressesReadsOnlyCommentsThatStillHoldOne() {
        try (SeededSite site = new SeededSite(TestSites.config(Kind.SQLITE), false)) {
            // EXPLAIN does not check the schema's version, so a pooled connection that last read the schema before the
            // index's migration would show a plan without it; a real read first makes the connection reload the schema.
            List<String> plan = site.app.database().read(h -> {
                h.createQuery("select count(*) from comments").mapTo(Long.class).one();
                return h.createQuery("explain query plan " + CommentStore.DROP_ADDRESSES)
                        .bind("before", NOW.toEpochMilli()).map((rs, ctx) -> rs.getString("detail")).list();
            });
            assertThat(plan).as("query plan").anyMatch(step -> step.contains("USING INDEX comments_addresses_kept"))
                    .noneMatch(step -> step.startsWith("SCAN comments"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoInstancesSweepingAtOnceDeleteEachSpamOnce(Kind kind) throws Exception {
        try (SeededSite site = new SeededSite(TestSites.config(kind), false)) {
            long article = site.article("harbour-opens");
            Instant judged = NOW.minus(Duration.ofDays(31));
            List<Long> spam = new ArrayList<>();
            site.app.database().write(tx -> {
                for (int i = 0; i < 1_200; i++) {
                    spam.add(tx.handle().createUpdate("""
                                    insert into comments (article_id, depth, author_name, author_email, author_url, body,
                                        status, reasons, spam_score, fingerprint, ip, ip_network, created_at, updated_at, status_at)
                                    values (:a, 0, 'Bot', :e, '', :b, 'SPAM', '', 0.99, 'f', '192.0.2.9', '192.0.2.0', :t, :t, :t)""")
                            .bind("a", article).bind("e", "bot" + i + "@example.net").bind("b", "Offer " + i)
                            .bind("t", judged.toEpochMilli())
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
                }
                return null;
            });
            Comment reply = site.comment(article, site.comments.find(spam.get(700)).orElseThrow(), "bo@example.org", "A reply");
            // A second site on the same database stands for a second instance with its own pool and store.
            try (App other = App.create(site.config.withPort(0))) {
                CommentStore otherStore = new CommentStore(other.database());
                List<Callable<CommentRetention.Swept>> sweeps = List.of(
                        () -> retention(site.app.database(), site.comments).sweep(NOW),
                        () -> retention(other.database(), otherStore).sweep(NOW));
                ExecutorService pool = Executors.newFixedThreadPool(2);
                int deleted = 0;
                int moved = 0;
                for (Future<CommentRetention.Swept> done : pool.invokeAll(sweeps)) {
                    deleted += done.get().spamDeleted();
                    moved += done.get().repliesMoved();
                }
                pool.shutdown();
                assertThat(deleted).isEqualTo(1_200);
                assertThat(moved).isEqualTo(1);
            }
            int left = site.app.database().read(h -> h.createQuery("select count(*) from comments").mapTo(Integer.class).one());
            assertThat(left).isEqualTo(1);
            assertThat(site.comments.find(reply.id()).orElseThrow().parentId()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSiteSweepsWhenItStarts(Kind kind) throws Exception {
        SeededSite first = new SeededSite(TestSites.config(kind), false);
        Comment spam;
        try (first) {
            long article = first.article("harbour-opens");
            spam = first.comment(article, null, "Spammer", "spam@example.net", "Cheap tickets", CommentStatus.SPAM, "192.0.2.1");
            first.age(spam.id(), NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(60)));
        }
        try (SeededSite again = new SeededSite(first.config, true)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (again.comments.find(spam.id()).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(again.comments.find(spam.id())).isEmpty();
        }
    }

    private static CommentSettings withDays(CommentSettings s, int spamDays, int ipDays) {
        return new CommentSettings(s.enabled(), s.holdAll(), s.maxDepth(), s.perPage(), s.newestFirst(), s.closeAfterDays(),
                spamDays, ipDays, s.maxLinks(), s.minFillSeconds(), s.formHours(), s.privacyUrl(),
                s.holdProbability(), s.spamProbability());
    }

    private static CommentRetention retention(Database db, CommentStore store) {
        return new CommentRetention(db, store, new CommentRemovalStore(db.dialect()));
    }

    private static String network(SeededSite site, long id) {
        return site.app.database().read(h -> h.createQuery("select ip_network from comments where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }
}
