package org.masthead.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each approved comment of an article sits on its page, without its text: the threads
 * oldest first, each a top-level comment (or a reply whose parent is not shown) with its
 * replies oldest first under their parent. Enough to page the threads, count the comments and
 * find a comment's page, so that a page reads the text of only the comments it shows.
 *
 * @param threads  the threads, oldest first
 * @param threadOf for each comment, the index in {@code threads} of the thread that holds it
 */
record CommentOutline(List<Place> threads, Map<Long, Integer> threadOf) {

    /** An approved comment's row as the outline needs it: {@code parentId} null for a top-level one. */
    record Row(long id, Long parentId) {
    }

    /** A comment and its replies, oldest first. */
    record Place(long id, List<Place> replies) {
    }

    CommentOutline {
        threads = List.copyOf(threads);
        threadOf = Map.copyOf(threadOf);
    }

    /** From an article's approved comments, oldest first. */
    static CommentOutline of(List<Row> approved) {
        Map<Long, List<Row>> children = new HashMap<>();
        Map<Long, Row> byId = new HashMap<>();
        for (Row row : approved) {
            byId.put(row.id(), row);
        }
        List<Row> roots = new ArrayList<>();
        for (Row row : approved) {
            if (row.parentId() != null && byId.containsKey(row.parentId())) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            } else {
                roots.add(row);
            }
        }
        List<Place> threads = new ArrayList<>(roots.size());
        Map<Long, Integer> threadOf = new HashMap<>();
        for (Row root : roots) {
            threads.add(place(root.id(), children, threadOf, threads.size()));
        }
        return new CommentOutline(threads, threadOf);
    }

    private static Place place(long id, Map<Long, List<Row>> children, Map<Long, Integer> threadOf, int thread) {
        threadOf.put(id, thread);
        List<Place> replies = new ArrayList<>();
        for (Row reply : children.getOrDefault(id, List.of())) {
            replies.add(place(reply.id(), children, threadOf, thread));
        }
        return new Place(id, List.copyOf(replies));
    }

    /** How many approved comments the article has, replies included. */
    int total() {
        return threadOf.size();
    }

    boolean contains(long commentId) {
        return threadOf.containsKey(commentId);
    }

    /** Where a comment's thread stands among the threads, oldest first; empty when it is not shown. */
    Optional<Integer> threadIndex(long commentId) {
        return Optional.ofNullable(threadOf.get(commentId));
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
