package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * All SQL of the spam model: the {@code spam_model} row (comments learned per class and a
 * version that every learned batch raises), {@code spam_features} (comments per class that
 * contained each feature) and {@code spam_examples} (the learned comments themselves). Rows
 * only ever grow by addition in the database, so instances learning at once never overwrite
 * each other.
 */
final class SpamStore {
    static final String ENTITY = "spam_model";
    private static final int BATCH = 1000;
    private final Database db;

    SpamStore(Database db) {
        this.db = db;
    }

    /** A loaded model and the version it was read at. */
    record Snapshot(Tally tally, List<LabeledComment> examples, long version) {
    }

    Snapshot load() {
        return db.read(handle -> {
            // The version is read first: counts read after it are at least that new, and a
            // newer version seen later triggers another load, never a missed update.
            Tally tally = new Tally();
            long version = handle.createQuery("select spam_comments, ham_comments, version from spam_model where id = 1")
                    .map((rs, ctx) -> {
                        tally.comments(rs.getLong(1), rs.getLong(2));
                        return rs.getLong(3);
                    })
                    .one();
            handle.createQuery("select feature, spam, ham from spam_features")
                    .setFetchSize(10_000)
                    .reduceResultSet(tally, (t, rs, ctx) -> {
                        t.feature(rs.getString(1), rs.getLong(2), rs.getLong(3));
                        return t;
                    });
            List<LabeledComment> examples = handle.createQuery("select content, spam from spam_examples order by id")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> new LabeledComment(rs.getString(1), rs.getInt(2) == 1))
                    .list();
            return new Snapshot(tally, examples, version);
        });
    }

    long version() {
        return db.read(handle -> handle.createQuery("select version from spam_model where id = 1").mapTo(Long.class).one());
    }

    /** Adds one learned batch, its counts and its comments, in one transaction; returns the model's version after it. */
    long add(Tally batch, List<LabeledComment> comments) {
        // Sorted, so two instances adding at once lock the same rows in the same order.
        List<Map.Entry<String, long[]>> features = new ArrayList<>(batch.features().entrySet());
        features.sort(Map.Entry.comparingByKey());
        return db.write(tx -> {
            for (int from = 0; from < features.size(); from += BATCH) {
                PreparedBatch upsert = tx.handle().prepareBatch("""
                        insert into spam_features (feature, spam, ham) values (:feature, :spam, :ham)
                        on conflict (feature) do update
                        set spam = spam_features.spam + excluded.spam, ham = spam_features.ham + excluded.ham""");
                for (Map.Entry<String, long[]> feature : features.subList(from, Math.min(from + BATCH, features.size()))) {
                    upsert.bind("feature", feature.getKey())
                            .bind("spam", feature.getValue()[0])
                            .bind("ham", feature.getValue()[1])
                            .add();
                }
                upsert.execute();
            }
            addExamples(tx, comments);
            return addComments(tx, batch);
        });
    }

    private static void addExamples(Tx tx, List<LabeledComment> comments) {
        long at = System.currentTimeMillis();
        for (int from = 0; from < comments.size(); from += BATCH) {
            PreparedBatch insert = tx.handle().prepareBatch(
                    "insert into spam_examples (content, spam, learned_at) values (:content, :spam, :at)");
            for (LabeledComment comment : comments.subList(from, Math.min(from + BATCH, comments.size()))) {
                insert.bind("content", comment.text()).bind("spam", comment.spam() ? 1 : 0).bind("at", at).add();
            }
            insert.execute();
        }
    }

    private static long addComments(Tx tx, Tally batch) {
        tx.handle().createUpdate("""
                        update spam_model set spam_comments = spam_comments + :spam, ham_comments = ham_comments + :ham,
                        version = version + 1, updated_at = :at where id = 1""")
                .bind("spam", batch.spamComments())
                .bind("ham", batch.hamComments())
                .bind("at", System.currentTimeMillis())
                .execute();
        tx.changed(ENTITY, 1, Change.Kind.UPDATED);
        return tx.handle().createQuery("select version from spam_model where id = 1").mapTo(Long.class).one();
    }
}
