package org.masthead.search;

import java.util.List;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * The stored related-story lists ({@code article_related}), closest first. Writing upserts by
 * position, so two instances that computed the same list at once both succeed.
 */
final class RelatedStore {
    static final String ENTITY = "related";

    private final Database db;

    RelatedStore(Database db) {
        this.db = db;
    }

    List<Long> listed(long articleId) {
        return db.read(h -> h.createQuery("select target_id from article_related where article_id = :id order by position")
                .bind("id", articleId).mapTo(Long.class).list());
    }

    /** The articles whose lists name {@code targetId}. */
    List<Long> listing(long targetId) {
        return db.read(h -> h.createQuery("select distinct article_id from article_related where target_id = :id")
                .bind("id", targetId).mapTo(Long.class).list());
    }

    /** Replaces an article's list; the change log tells the page caches. */
    void replace(Tx tx, long articleId, List<Long> targets) {
        for (int i = 0; i < targets.size(); i++) {
            tx.handle().createUpdate("""
                            insert into article_related (article_id, position, target_id) values (:a, :p, :t)
                            on conflict (article_id, position) do update set target_id = excluded.target_id""")
                    .bind("a", articleId).bind("p", i).bind("t", targets.get(i)).execute();
        }
        tx.handle().createUpdate("delete from article_related where article_id = :a and position >= :n")
                .bind("a", articleId).bind("n", targets.size()).execute();
        tx.changed(ENTITY, articleId, Change.Kind.UPDATED);
    }
}
