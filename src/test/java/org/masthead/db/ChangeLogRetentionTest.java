package org.masthead.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** The change log keeps a week of rows and its newest few hundred; older rows go, oldest first. */
class ChangeLogRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static void log(Database db, int rows, Instant at) {
        db.write(tx -> {
            var insert = tx.handle().prepareBatch("insert into change_log (entity, entity_id, kind, changed_at) "
                    + "values ('comment', :id, 'UPDATED', :at)");
            for (int i = 0; i < rows; i++) {
                insert.bind("id", i).bind("at", at.toEpochMilli()).add();
            }
            insert.execute();
            return null;
        });
    }

    private static long count(Database db, String sql) {
        return db.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rowsOlderThanAWeekGoInBatchesAndTheNewestStay(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            log(db, 12_000, NOW.minus(Duration.ofDays(9)));
            log(db, 1_000, NOW.minus(Duration.ofDays(6)));
            long first = count(db, "select min(seq) from change_log");
            long last = count(db, "select max(seq) from change_log");
            assertThat(ChangeLogRetention.keptFrom(db)).as("nothing removed yet").isZero();

            assertThat(ChangeLogRetention.prune(db, NOW)).isEqualTo(12_000);
            assertThat(count(db, "select count(*) from change_log")).isEqualTo(1_000);
            assertThat(count(db, "select min(seq) from change_log")).isEqualTo(first + 12_000);
            assertThat(ChangeLogRetention.keptFrom(db)).isEqualTo(NOW.minus(Duration.ofDays(9)).toEpochMilli() + 1);
            assertThat(ChangeLogRetention.prune(db, NOW)).as("a second run finds nothing to do").isZero();

            // Weeks later with nothing new: the newest rows stay, and numbering goes on from the last.
            assertThat(ChangeLogRetention.prune(db, NOW.plus(Duration.ofDays(30)))).isEqualTo(1_000 - ChangeLogRetention.KEPT_ROWS);
            assertThat(count(db, "select count(*) from change_log")).isEqualTo(ChangeLogRetention.KEPT_ROWS);
            assertThat(ChangeLogRetention.keptFrom(db)).isEqualTo(NOW.minus(Duration.ofDays(6)).toEpochMilli() + 1);
            log(db, 1, NOW.plus(Duration.ofDays(30)));
            assertThat(count(db, "select max(seq) from change_log")).isEqualTo(last + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSmallLogIsLeftAlone(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            log(db, ChangeLogRetention.KEPT_ROWS, NOW.minus(Duration.ofDays(100)));
            assertThat(ChangeLogRetention.prune(db, NOW)).isZero();
            assertThat(count(db, "select count(*) from change_log")).isEqualTo(ChangeLogRetention.KEPT_ROWS);
            assertThat(ChangeLogRetention.keptFrom(db)).isZero();
        }
    }
}
