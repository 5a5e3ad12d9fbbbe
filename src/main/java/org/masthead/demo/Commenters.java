package org.masthead.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The generator's readers and their words, taken from the approved comments of
 * {@code demo/comments.txt}: a comment that starts a thread there opens threads here, a reply
 * answers. The demo's few commenters stand for as many readers as the count needs (about twenty
 * comments each), told apart by a number in their email address, so no address ends up with a
 * hundred thousand comments.
 */
final class Commenters {
    private static final long COMMENTS_A_READER = 20;

    /** Who signs a comment: a name and an address, the address lowercased as stored. */
    record Voice(String name, String email) {
    }

    private final List<Voice> people;
    private final List<String> openings;
    private final List<String> replies;
    private final long readers;

    private Commenters(List<Voice> people, List<String> openings, List<String> replies, long readers) {
        this.people = people;
        this.openings = openings;
        this.replies = replies;
        this.readers = readers;
    }

    /** Enough readers for {@code comments} comments, from the demo's file. */
    static Commenters fromDemo(long comments) {
        Map<String, Voice> people = new LinkedHashMap<>();
        List<String> openings = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        // article slug | key | replies to (key or -) | status | name | email | minutes after publication | text
        for (List<String> row : DemoResources.table("comments.txt")) {
            if (row.size() != 8 || !"APPROVED".equals(row.get(3))) {
                continue;
            }
            people.putIfAbsent(row.get(5), new Voice(row.get(4), row.get(5)));
            ("-".equals(row.get(2)) ? openings : replies).add(row.get(7).replace("\\n", "\n"));
        }
        if (openings.isEmpty()) {
            throw new IllegalStateException("demo/comments.txt: no approved comment that starts a thread");
        }
        return new Commenters(List.copyOf(people.values()), openings, replies.isEmpty() ? openings : replies,
                Math.max(people.size(), comments / COMMENTS_A_READER));
    }

    /** A reader drawn at random: one of the demo's commenters, or one standing for them under a numbered address. */
    Voice next(Random random) {
        long reader = random.nextLong(readers);
        Voice person = people.get((int) (reader % people.size()));
        long number = reader / people.size();
        if (number == 0) {
            return person;
        }
        int at = person.email().lastIndexOf('@');
        return new Voice(person.name(), person.email().substring(0, at) + "." + number + person.email().substring(at));
    }

    /** Words that start a thread. */
    String opening(Random random) {
        return openings.get(random.nextInt(openings.size()));
    }

    /** Words that answer someone. */
    String reply(Random random) {
        return replies.get(random.nextInt(replies.size()));
    }
}
