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

    /** Read from the jar once per process. */
    private static final List<LabeledComment> COMMENTS = load();

    private static List<LabeledComment> load() {
        List<LabeledComment> comments = new ArrayList<>();
        for (String file : FILES) {
            CommentFile.resource("/spam/" + file).forEach(comments::add);
        }
        return List.copyOf(comments);
    }
}
