package org.masthead.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;

/** Every write lands in the change log in its own transaction; listeners hear only of commits. */
class ChangeLogTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void committedWritesAreLoggedAndAnnouncedInOrder(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            List<Change> heard = new CopyOnWriteArrayList<>();
            db.addListener(change -> {
                // Announced after commit: another connection already sees the row.
                long seen = db.read(h -> h.createQuery("select count(*) from tags where id = :id")
                        .bind("id", change.entityId()).mapTo(Long.class).one());
                assertThat(seen).isEqualTo(1);
                heard.add(change);
            });
            long id = db.write(tx -> {
                long tag = tx.handle().createUpdate("insert into tags (slug, name) values ('floods', 'Floods')")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                tx.changed("tag", tag, Change.Kind.CREATED);
                tx.changed("tag", tag, Change.Kind.UPDATED);
                return tag;
            });
            assertThat(heard).extracting(Change::kind).containsExactly(Change.Kind.CREATED, Change.Kind.UPDATED);
            assertThat(heard.get(1).sequence()).isGreaterThan(heard.get(0).sequence());
            assertThat(heard.getFirst().tag()).isEqualTo("tag:" + id);
            long logged = db.read(h -> h.createQuery("select count(*) from change_log where entity = 'tag' and entity_id = :id")
                    .bind("id", id).mapTo(Long.class).one());
            assertThat(logged).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedWriteLeavesNoRowNoLogAndNoAnnouncement(Kind kind) {
        try (Database db = Database.open(TestSites.config(kind).jdbcUrl())) {
            List<Change> heard = new CopyOnWriteArrayList<>();
            db.addListener(heard::add);
            assertThatThrownBy(() -> db.write(tx -> {
                long tag = tx.handle().createUpdate("insert into tags (slug, name) values ('gone', 'Gone')")
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                tx.changed("tag", tag, Change.Kind.CREATED);
                throw new IllegalStateException("editor pressed cancel");
            })).hasMessageContaining("cancel");
            assertThat(heard).isEmpty();
            long tags = db.read(h -> h.createQuery("select count(*) from tags").mapTo(Long.class).one());
            long logged = db.read(h -> h.createQuery("select count(*) from change_log").mapTo(Long.class).one());
            assertThat(tags).isZero();
            assertThat(logged).isZero();
        }
    }
}
