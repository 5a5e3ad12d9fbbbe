package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * The labelled comments shipped in the jar ({@code /spam}, see the NOTICE there) that a site's
 * classifier starts from: three videos' comments of the YouTube Spam Collection and legitimate
 * comments in a news site's style. They are learned in memory at start, never stored, and come
 * before the site's own lessons, so what moderators teach adds to them and, once the site has
 * more than the regression reads, replaces them there.
 */
public final class Starter {
    static final List<String> FILES = List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv",
            "reader-comments.csv");

    private Starter() {
    }

    /** The shipped comments, in a fixed order. */
    public static List<LabeledComment> comments() {
        return COMMENTS;
    }

    /** For each of {@link #comments()}, the number of the file it came from, in {@link #FILES}'s order: a copy. */
    static int[] sources() {
        return SOURCES.clone();
    }

    /** Read from the jar once per process. */
    private static final List<LabeledComment> COMMENTS;
    private static final int[] SOURCES;

    static {
        List<LabeledComment> comments = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int file = 0; file < FILES.size(); file++) {
            int number = file;
            CommentFile.resource("/spam/" + FILES.get(file)).forEach(c -> {
                comments.add(c);
                sources.add(number);
            });
        }
        COMMENTS = List.copyOf(comments);
        SOURCES = sources.stream().mapToInt(Integer::intValue).toArray();
    }
}
