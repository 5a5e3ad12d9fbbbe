package org.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.db.Database;

/** The kept counts follow every way a comment comes, changes status and goes, folded or not. */
class CommentCountStoreTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keptCountsMatchWhatTheTableHoldsThroughEveryChange(Kind kind) {
        try (SeededSite site = new SeededSite(TestSites.config(kind), false)) {
            Database db = site.app.database();
            CommentCountStore counts = new CommentCountStore(db);
            assertThat(counts.all()).isEqualTo(counted(db)).containsValues(0L);

            long harbour = site.article("harbour-opens");
            long bridge = site.article("bridge-closes");
            List<Comment> made = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                CommentStatus status = CommentStatus.values()[i % CommentStatus.values().length];
                made.add(site.comment(i < 8 ? harbour : bridge, null, "Reader " + i, "r" + i + "@example.org",
                        "Comment number " + i, status, "192.0.2." + i));
            }
            assertThat(counts.all()).isEqualTo(counted(db)).containsEntry(CommentStatus.APPROVED, 3L);

            // Status changes, a change to another column, and a status set to what it was.
            db.write(tx -> tx.handle().execute("update comments set status = 'APPROVED' where status = 'PENDING'"));
            db.write(tx -> tx.handle().execute("update comments set body = 'Edited' where status = 'SPAM'"));
            db.write(tx -> tx.handle().execute("update comments set status = 'TRASH' where status = 'TRASH'"));
            assertThat(counts.all()).isEqualTo(counted(db)).containsEntry(CommentStatus.APPROVED, 6L);

            assertThat(counts.fold()).as("change rows folded").isPositive();
            assertThat(counts.fold()).as("nothing left").isZero();
            assertThat(counts.all()).isEqualTo(counted(db));

            // Deleted one by one, then with their story.
            db.write(tx -> tx.handle().execute("delete from comments where id = ?", made.get(0).id()));
            assertThat(counts.of(CommentStatus.APPROVED)).isEqualTo(5);
            db.write(tx -> tx.handle().execute("delete from articles where id = ?", bridge));
            assertThat(counts.all()).isEqualTo(counted(db));
            assertThat(counts.all().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7);

            // Two instances folding at once count every change once.
            for (int i = 0; i < 300; i++) {
                site.comment(harbour, null, "More " + i, "m" + i + "@example.org", "More text " + i,
                        i % 3 == 0 ? CommentStatus.SPAM : CommentStatus.APPROVED, "198.51.100.1");
            }
            CommentCountStore other = new CommentCountStore(db);
            CompletableFuture<Long> one = CompletableFuture.supplyAsync(counts::fold);
            CompletableFuture<Long> two = CompletableFuture.supplyAsync(other::fold);
            assertThat(one.join() + two.join()).isEqualTo(300 + 1 + 4); // the comments, the delete, the story's four
            assertThat(counts.all()).isEqualTo(counted(db)).containsEntry(CommentStatus.SPAM, 100L + 2);
            long changeRows = db.read(h -> h.createQuery("select count(*) from comment_count_changes").mapTo(Long.class).one());
            assertThat(changeRows).isZero();
        }
    }

    private static Map<CommentStatus, Long> counted(Database db) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, db.read(h -> h.createQuery("select count(*) from comments where status = :s")
                    .bind("s", status.name()).mapTo(Long.class).one()));
        }
        return counts;
    }
}
