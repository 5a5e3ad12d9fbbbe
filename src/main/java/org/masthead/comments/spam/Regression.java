package org.masthead.comments.spam;

import java.util.Random;

/**
 * Logistic regression over the learned comments' words, word pairs and links, fitted by
 * stochastic gradient descent with L2 regularization: {@value #EPOCHS} passes in an order
 * shuffled from a fixed seed, so the same examples always give the same weights, on every
 * instance. Unlike naive Bayes it weighs features together, so words that always come
 * together are not counted twice, and a word common to both kinds ends up near zero.
 * It is fitted on the {@value #FITTED} most recently learned comments only, so that a
 * moderator's click, which refits it, costs the same on a site with years of learned comments
 * (naive Bayes keeps counting them all); the newest decisions say most about today's spam.
 */
final class Regression {
    static final int EPOCHS = 20;
    static final int FITTED = 20_000;
    private static final double RATE = 0.1;
    /** How fast the step shrinks: after k passes it is RATE / (1 + DECAY * k). */
    private static final double DECAY = 0.01;
    private static final double L2 = 1e-4;
    private static final long SEED = 20_141_125L;

    private final float[] weights;
    private final double bias;

    private Regression(float[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    static Regression fit(Examples examples) {
        return fit(examples, FITTED);
    }

    /** Fits the {@code recent} most recently learned comments. */
    static Regression fit(Examples examples, int recent) {
        int n = Math.min(examples.size(), recent);
        int first = examples.size() - n;
        double[] w = new double[examples.vocabulary()];
        double bias = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = first + i;
        }
        Random random = new Random(SEED);
        long step = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            for (int k : order) {
                int[] features = examples.features(k);
                double scale = examples.scale(k);
                double z = bias;
                for (int f : features) {
                    z += examples.scaled(f) ? w[f] * scale : w[f];
                }
                double error = 1 / (1 + Math.exp(-z)) - (examples.spam(k) ? 1 : 0);
                double rate = RATE / (1 + DECAY * step++ / n);
                bias -= rate * error;
                for (int f : features) {
                    w[f] -= rate * (error * (examples.scaled(f) ? scale : 1) + L2 * w[f]);
                }
            }
        }
        float[] weights = new float[w.length];
        for (int f = 0; f < w.length; f++) {
            weights[f] = (float) w[f];
        }
        return new Regression(weights, bias);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** The weight of the feature with this number in the examples fitted. */
    float weight(int number) {
        return weights[number];
    }

    /** Log odds of spam for a comment with none of the known features. */
    double bias() {
        return bias;
    }
}
