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
    private final Map<Long, Integer> numbers = new HashMap<>();
    private final List<Long> hashes = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<int[]> features = new ArrayList<>();
    private final List<Boolean> labels = new ArrayList<>();
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
        for (int i = 0; i < extractor.count(); i++) {
            if (extractor.kind(i) == FeatureExtractor.GRAM) {
                continue;
            }
            int number = number(i);
            if (lastSeen[number] != features.size() + 1) {
                lastSeen[number] = features.size() + 1;
                numbered[distinct++] = number;
            }
        }
        features.add(Arrays.copyOf(numbered, distinct));
        labels.add(comment.spam());
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
        }
        return number;
    }

    int size() {
        return features.size();
    }

    /** The distinct feature numbers of the {@code i}th learned comment; the array is the examples' own. */
    int[] features(int i) {
        return features.get(i);
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
