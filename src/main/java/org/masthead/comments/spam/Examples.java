package org.masthead.comments.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned comments as the logistic regression reads them: for each, in the order they
 * were learned, its label and the numbers of its distinct features (words, word pairs and
 * links; letter n-grams are left to naive Bayes), numbered in the order first seen. Only
 * ever grows; not thread-safe, the classifier learns one batch at a time.
 */
final class Examples {
    /** A comment of this many words and pairs (repeats included) counts each at its weight; one of four times as many, at half. */
    static final int SCALE_WORDS = 40;
    private final Map<Long, Integer> numbers = new HashMap<>();
    private final List<Long> hashes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<int[]> features = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
    private final List<Float> scales = new ArrayList<>();
    private boolean[] scaled = new boolean[1024];
    private final FeatureExtractor extractor = new FeatureExtractor();
    /** For each feature number, the last comment it was found in plus one: counts each feature once per comment. */
    private int[] lastSeen = new int[1024];

    void addAll(List<LabeledComment> comments) {
        comments.forEach(this::add);
    }

    void add(LabeledComment comment) {
        extractor.extract(comment.text());
        int[] numbered = new int[extractor.count()];
        int distinct = 0;
        int words = 0;
        for (int i = 0; i < extractor.count(); i++) {
            if (extractor.kind(i) == FeatureExtractor.GRAM) {
                continue;
            }
            if (scaledKind(extractor.kind(i))) {
                words++;
            }
            int number = number(i);
            if (lastSeen[number] != features.size() + 1) {
                lastSeen[number] = features.size() + 1;
                numbered[distinct++] = number;
            }
        }
        features.add(Arrays.copyOf(numbered, distinct));
        labels.add(comment.spam());
        scales.add(wordScale(words));
    }

    /** Words and pairs weigh less the more of them a comment has; links and shapes count whole. */
    static boolean scaledKind(int kind) {
        return kind == FeatureExtractor.WORD || kind == FeatureExtractor.PAIR;
    }

    /** What each word or pair of a comment with {@code words} of them (repeats included) counts for. */
    static float wordScale(int words) {
        return (float) (1 / Math.sqrt(Math.max(1, words) / (double) SCALE_WORDS));
    }

    private int number(int i) {
        Integer known = numbers.get(extractor.hash(i));
        if (known != null) {
            return known;
        }
        int number = hashes.size();
        numbers.put(extractor.hash(i), number);
        hashes.add(extractor.hash(i));
        names.add(extractor.name(i));
        if (number == lastSeen.length) {
            lastSeen = Arrays.copyOf(lastSeen, number * 2);
            scaled = Arrays.copyOf(scaled, number * 2);
        }
        scaled[number] = scaledKind(extractor.kind(i));
        return number;
    }

    int size() {
        return features.size();
    }

    /** The distinct feature numbers of the {@code i}th learned comment; the array is the examples' own. */
    int[] features(int i) {
        return features.get(i);
    }

    /** What each word or pair of the {@code i}th learned comment counts for. */
    float scale(int i) {
        return scales.get(i);
    }

    /** Whether the feature with this number is a word or pair, which counts for its comment's scale. */
    boolean scaled(int number) {
        return scaled[number];
    }

    boolean spam(int i) {
        return labels.get(i);
    }

    /** How many distinct features all the learned comments have between them. */
    int vocabulary() {
        return hashes.size();
    }

    long hash(int number) {
        return hashes.get(number);
    }

    String name(int number) {
        return names.get(number);
    }
}
