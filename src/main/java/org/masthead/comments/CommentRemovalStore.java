package org.masthead.comments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Change;
import org.masthead.db.Dialect;
import org.masthead.db.Tx;

/**
 * Deletes comments for good while keeping the replies others wrote to them. A reply to a
 * removed comment moves up to the nearest ancestor that stays (or to the top level), and
 * its whole thread moves up with it, one level of depth for each removed ancestor. Runs in
 * the caller's transaction; on PostgreSQL the chosen rows are locked first, so a rescue,
 * a reply or another instance's sweep touching them waits instead of racing.
 */
public final class CommentRemovalStore {
    /** Bound parameters per statement, well below what either database allows. */
    private static final int CHUNK = 500;

    private final Dialect dialect;

    public CommentRemovalStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** What a removal did: comments deleted, and replies by others that moved up a level. */
    public record Removed(int comments, int repliesMoved) {
    }

    /**
     * Deletes for good those of these comments that are still in one of {@code from} when the
     * transaction runs, and returns them as they were. Their replies stay, moved up a level.
     */
    public List<Comment> delete(Tx tx, Collection<Long> ids, Collection<CommentStatus> from) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Comment> doomed = tx.handle().createQuery("select " + CommentStore.columns("c") + " from comments c where c.id in (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> CommentStore.read(rs)).list()
                .stream().filter(c -> from.contains(c.status())).toList();
        if (!doomed.isEmpty()) {
            // Ids are numbers read back from the database, so they are safe to write into the condition.
            String list = doomed.stream().map(c -> Long.toString(c.id())).collect(java.util.stream.Collectors.joining(","));
            remove(tx, "id in (" + list + ")", Map.of(), doomed.size());
        }
        return doomed;
    }

    /**
     * Removes the comments matching {@code condition} (an SQL condition on the comments table,
     * with {@code :name} parameters from {@code binds}), at most {@code limit} of them, oldest ids first.
     */
    public Removed remove(Tx tx, String condition, Map<String, ?> binds, int limit) {
        Handle h = tx.handle();
        String lock = dialect == Dialect.POSTGRESQL ? " for update" : "";
        List<long[]> chosen = h.createQuery("select id, article_id from comments where " + condition
                        + " order by id limit :limit" + lock)
                .bindMap(binds).bind("limit", limit)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (chosen.isEmpty()) {
            return new Removed(0, 0);
        }
        Set<Long> removed = new HashSet<>();
        Set<Long> articles = new LinkedHashSet<>();
        Map<Long, Long> articleOf = new HashMap<>();
        for (long[] row : chosen) {
            removed.add(row[0]);
            articles.add(row[1]);
            articleOf.put(row[0], row[1]);
        }
        Map<Long, Node> threads = threads(h, articles);
        int moved = 0;
        for (Node node : threads.values()) {
            if (removed.contains(node.id)) {
                continue;
            }
            Node placed = placed(node, threads, removed);
            if (placed.depth != node.depth || !Objects.equals(placed.parentId, node.parentId)) {
                h.createUpdate("update comments set parent_id = :parent, depth = :depth where id = :id")
                        .bind("parent", placed.parentId).bind("depth", placed.depth).bind("id", node.id).execute();
                tx.changed(CommentStore.ENTITY, node.id, Change.Kind.UPDATED, CommentStore.owner(node.articleId));
                if (!Objects.equals(placed.parentId, node.parentId)) {
                    moved++;
                }
            }
        }
        for (List<Long> ids : chunks(List.copyOf(removed))) {
            h.createUpdate("delete from comments where id in (<ids>)").bindList("ids", ids).execute();
        }
        for (Long id : removed) {
            tx.changed(CommentStore.ENTITY, id, Change.Kind.DELETED, CommentStore.owner(articleOf.get(id)));
        }
        return new Removed(removed.size(), moved);
    }

    private record Node(long id, long articleId, Long parentId, int depth) {
    }

    private static Map<Long, Node> threads(Handle h, Set<Long> articles) {
        Map<Long, Node> nodes = new HashMap<>();
        for (List<Long> ids : chunks(List.copyOf(articles))) {
            h.createQuery("select id, parent_id, depth, article_id from comments where article_id in (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> {
                        long parent = rs.getLong(2);
                        Long parentId = rs.wasNull() ? null : parent;
                        return new Node(rs.getLong(1), rs.getLong(4), parentId, rs.getInt(3));
                    })
                    .forEach(n -> nodes.put(n.id, n));
        }
        return nodes;
    }

    /** Where a kept comment ends up: under its nearest kept ancestor, raised once per removed one. */
    private static Node placed(Node node, Map<Long, Node> threads, Set<Long> removed) {
        Long parent = null;
        int raised = 0;
        for (Node up = threads.get(node.parentId); up != null; up = threads.get(up.parentId)) {
            if (removed.contains(up.id)) {
                raised++;
            } else if (parent == null) {
                parent = up.id;
            }
        }
        return new Node(node.id, node.articleId, parent, node.depth - raised);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }
}
