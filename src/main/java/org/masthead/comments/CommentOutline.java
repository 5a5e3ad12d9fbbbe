package org.masthead.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an article's editors left its comments open, and where each of its approved comments
 * sits on its page, without its text: the threads
 * oldest first, each a top-level comment (or a reply whose parent is not shown) with its
 * replies oldest first under their parent. Enough to page the threads, count the comments and
 * find a comment's page, so that a page reads the text of only the comments it shows.
 *
 * @param threads the threads, oldest first
 * @param total   how many approved comments the article has, replies included
 * @param open    whether the article's editors left its comments open (closing by age is not counted)
 */
record CommentOutline(List<Place> threads, int total, boolean open) {

    /** An approved comment's row as the outline needs it: {@code parentId} null for a top-level one. */
    record Row(long id, Long parentId) {
    }

    /** A comment and its replies, oldest first. */
    record Place(long id, List<Place> replies) {
        private boolean holds(long commentId) {
            if (id == commentId) {
                return true;
            }
            for (Place reply : replies) {
                if (reply.holds(commentId)) {
                    return true;
                }
            }
            return false;
        }
    }

    CommentOutline {
        threads = List.copyOf(threads);
    }

    /** From an article's approved comments, oldest first. */
    static CommentOutline of(List<Row> approved, boolean open) {
        Map<Long, List<Row>> children = new HashMap<>();
        Set<Long> shown = new HashSet<>();
        for (Row row : approved) {
            shown.add(row.id());
        }
        List<Row> roots = new ArrayList<>();
        for (Row row : approved) {
            if (row.parentId() != null && shown.contains(row.parentId())) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            } else {
                roots.add(row);
            }
        }
        List<Place> threads = new ArrayList<>(roots.size());
        for (Row root : roots) {
            threads.add(place(root.id(), children));
        }
        return new CommentOutline(threads, approved.size(), open);
    }

    private static Place place(long id, Map<Long, List<Row>> children) {
        List<Place> replies = new ArrayList<>();
        for (Row reply : children.getOrDefault(id, List.of())) {
            replies.add(place(reply.id(), children));
        }
        return new Place(id, List.copyOf(replies));
    }

    /**
     * Where a comment's thread stands among the threads, oldest first; empty when it is not shown.
     * Looked through, not indexed: asked only when a comment is posted or linked to, and an index
     * would take more memory than the outline itself.
     */
    Optional<Integer> threadIndex(long commentId) {
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).holds(commentId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    boolean contains(long commentId) {
        return threadIndex(commentId).isPresent();
    }

    /** The comments of these threads, replies included. */
    static List<Long> ids(List<Place> threads) {
        List<Long> ids = new ArrayList<>();
        for (Place place : threads) {
            ids.add(place.id());
            ids.addAll(ids(place.replies()));
        }
        return ids;
    }
}
