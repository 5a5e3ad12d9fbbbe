package org.masthead.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * The stored related-story lists ({@code article_related}), closest first. Writing upserts by
 * position, so two instances that computed the same list at once both succeed; a batch of
 * lists is compared with what is stored and written in one round of batched statements.
 */
final class RelatedStore {
    static final String ENTITY = "related";

    private final Database db;

    RelatedStore(Database db) {
        this.db = db;
    }

    /** The articles whose lists name {@code targetId}. */
    List<Long> listing(long targetId) {
        return db.read(h -> h.createQuery("select distinct article_id from article_related where target_id = :id")
                .bind("id", targetId).mapTo(Long.class).list());
    }

    /** The lists of {@code articleIds} in one query; an article without a list is missing from the map. */
    Map<Long, List<Long>> listed(Tx tx, Collection<Long> articleIds) {
        Map<Long, List<Long>> lists = new HashMap<>();
        if (articleIds.isEmpty()) {
            return lists;
        }
        tx.handle().createQuery("""
                        select article_id, target_id from article_related where article_id in (<ids>)
                        order by article_id, position""")
                .bindList("ids", List.copyOf(articleIds))
                .map((rs, ctx) -> {
                    lists.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    return null;
                }).list();
        return lists;
    }

    /**
     * Stores each of {@code lists} that differs from what is stored, in batched statements;
     * returns how many lists were written. The change log tells the page caches of each.
     */
    int replaceChanged(Tx tx, Map<Long, List<Long>> lists) {
        Map<Long, List<Long>> stored = listed(tx, lists.keySet());
        PreparedBatch upsert = tx.handle().prepareBatch("""
                insert into article_related (article_id, position, target_id) values (:a, :p, :t)
                on conflict (article_id, position) do update set target_id = excluded.target_id""");
        PreparedBatch trim = tx.handle().prepareBatch("delete from article_related where article_id = :a and position >= :n");
        List<Long> written = new ArrayList<>();
        lists.forEach((id, targets) -> {
            List<Long> before = stored.getOrDefault(id, List.of());
            if (before.equals(targets)) {
                return;
            }
            for (int i = 0; i < targets.size(); i++) {
                if (i >= before.size() || !before.get(i).equals(targets.get(i))) {
                    upsert.bind("a", id).bind("p", i).bind("t", targets.get(i)).add();
                }
            }
            if (before.size() > targets.size()) {
                trim.bind("a", id).bind("n", targets.size()).add();
            }
            written.add(id);
        });
        if (upsert.size() > 0) {
            upsert.execute();
        }
        if (trim.size() > 0) {
            trim.execute();
        }
        for (long id : written) {
            tx.changed(ENTITY, id, Change.Kind.UPDATED);
        }
        return written.size();
    }
}
