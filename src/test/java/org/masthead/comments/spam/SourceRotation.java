package org.masthead.comments.spam;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.masthead.ThirdPartyData;

/**
 * Leave-one-source-out accuracy of the classifier as it is built, in memory (no database):
 * for each YouTube file, learn the other two and judge the third; report recall and false
 * positives at the default threshold and the best recall at no more than 1 % false positives
 * with the threshold picked after the fact. Then the share of legitimate news-style text
 * marked spam: paragraphs and first sentences of the BBC News corpus (../shared/data/news,
 * read in place, never copied) and the demo's reader comments, judged by each rotation's model
 * and by the starter model; and how fast moderators' marks teach it a new video. A figure, not a
 * test: run it with bench/spam-sources.sh.
 */
public final class SourceRotation {
    private static final List<String> FILES = List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv");

    public static void main(String[] args) throws IOException {
        Path spam = ThirdPartyData.starterComments();
        Path bbc = Path.of(args.length > 0 ? args[0] : "../shared/data/news/bbc/bbc-news.csv");
        List<String> news = Files.exists(bbc) ? newsText(bbc) : List.of();
        List<String> demo = demoComments();
        double threshold = SpamClassifier.DEFAULT_THRESHOLD;
        System.out.printf(Locale.ROOT, "default threshold %.2f; %d BBC paragraphs and sentences; %d demo comments%n",
                threshold, news.size(), demo.size());
        for (boolean withReaders : List.of(false, true)) {
        double meanBest = 0;
        for (String test : FILES) {
            List<LabeledComment> train = new ArrayList<>();
            if (withReaders) {
                CommentFile.resource("/spam/reader-comments.csv").forEach(train::add);
            }
            for (String file : FILES) {
                if (!file.equals(test)) {
                    train.addAll(read(spam.resolve(file)));
                }
            }
            Model model = Model.learn(train);
            List<LabeledComment> judged = read(spam.resolve(test));
            double[] spamScores = judged.stream().filter(LabeledComment::spam).mapToDouble(c -> model.score(c.text())).toArray();
            double[] hamScores = judged.stream().filter(c -> !c.spam()).mapToDouble(c -> model.score(c.text())).toArray();
            double best = bestRecall(spamScores, hamScores, 0.01);
            meanBest += best / FILES.size();
            Reliability reliability = new Reliability();
            judged.forEach(c -> reliability.add(model.score(c.text()), c.spam()));
            ExpectedRates expected = model.calibration().rates(threshold);
            ExpectedRates hold = model.calibration().rates(0.75);
            System.out.printf(Locale.ROOT, "%s: calibration slope %.3f intercept %.3f; held-out folds expected at %.2f: spam %.3f"
                            + " legitimate %.3f (at 0.75: %.3f / %.3f)%n", test, model.calibration().slope(),
                    model.calibration().intercept(), threshold, expected.spamShare(), expected.legitimateShare(),
                    hold.spamShare(), hold.legitimateShare());
            reliability.lines().forEach(line -> System.out.println("  " + line));
            Reliability raw = new Reliability();
            judged.forEach(c -> raw.add(model.scorer().score(model.weights(), Calibration.NONE, c.text(), threshold)
                    .spamProbability(), c.spam()));
            System.out.printf(Locale.ROOT, "  uncalibrated: expected calibration error %.3f%n", raw.expectedCalibrationError());
            System.out.printf(Locale.ROOT, "%-24s default: recall %.3f fpr %.3f | best at fpr<=1%%: recall %.3f (threshold %.3f)"
                            + " | BBC marked spam %.4f held %.4f | demo ham marked %d%n",
                    test + " +" + (withReaders ? "R" : "-"), share(spamScores, threshold), share(hamScores, threshold), best, bestThreshold(hamScores, 0.01),
                    share(model.scores(news), threshold), share(model.scores(news), 0.75), count(model.scores(demo), threshold));
        }
        System.out.printf(Locale.ROOT, "mean best recall at fpr<=1%%: %.3f (+R: the jar's reader comments learned too)%n", meanBest);
        }
        teaching(spam);
        Model starter = Model.learn(Starter.comments());
        for (double t : new double[] {0.5, 0.75, 0.9, 0.93, 0.97}) {
            ExpectedRates rates = starter.calibration().rates(t);
            System.out.printf(Locale.ROOT, "starter model, held-out folds at %.2f: spam %.3f (%d of %d) legitimate %.4f (%d of %d)%n",
                    t, rates.spamShare(), rates.spamAbove(), rates.spam(), rates.legitimateShare(), rates.legitimateAbove(),
                    rates.legitimate());
        }
        double[] newsScores = starter.scores(news);
        System.out.printf(Locale.ROOT, "starter model (the jar's comments): BBC marked spam %.4f (%d of %d), held %.4f; demo comments marked spam %d of %d%n",
                share(newsScores, threshold), count(newsScores, threshold), newsScores.length, share(newsScores, 0.75),
                count(starter.scores(demo), threshold), demo.size());
        double[] demoScores = starter.scores(demo);
        for (int i = 0; i < demo.size(); i++) {
            System.out.printf(Locale.ROOT, "  demo %.3f %s%n", demoScores[i], demo.get(i).replace('\n', ' '));
        }
        if (args.length > 1) {
            int shown = 0;
            for (int i = 0; i < news.size() && shown < Integer.parseInt(args[1]); i++) {
                if (newsScores[i] >= 0.75) {
                    System.out.printf(Locale.ROOT, "  %.3f %s%n", newsScores[i], news.get(i));
                    shown++;
                }
            }
        }
    }

    /**
     * How fast moderators teach it a new source: the model learns the other two videos and the
     * reader comments, then the first N comments of the third (its comments shuffled from a
     * fixed seed, then halved), as a moderator would mark them, and judges the other half, the
     * same for every N. "x1" learns them as the classifier does; "x4" counts each of the
     * moderator's lessons four times (learned four times over), to show what weighing a site's
     * own decisions above the starter's would change.
     */
    static void teaching(Path spam) {
        double threshold = SpamClassifier.DEFAULT_THRESHOLD;
        System.out.printf(Locale.ROOT, "teaching a new source: N of one half learned, the other half judged"
                + " (recall and false positives at %.2f, held from 0.75, best recall at fpr<=1%%)%n", threshold);
        for (String test : FILES) {
            List<LabeledComment> file = read(spam.resolve(test));
            Collections.shuffle(file, new Random(7));
            List<LabeledComment> taught = file.subList(0, file.size() / 2);
            List<LabeledComment> judged = file.subList(file.size() / 2, file.size());
            List<LabeledComment> base = new ArrayList<>();
            CommentFile.resource("/spam/reader-comments.csv").forEach(base::add);
            for (String other : FILES) {
                if (!other.equals(test)) {
                    base.addAll(read(spam.resolve(other)));
                }
            }
            for (int weight : new int[] {1, 4}) {
                for (int n : new int[] {0, 10, 25, 50, 100, taught.size()}) {
                    List<LabeledComment> train = new ArrayList<>(base);
                    for (int copy = 0; copy < weight; copy++) {
                        train.addAll(taught.subList(0, n));
                    }
                    Model model = Model.learn(train);
                    double[] spamScores = judged.stream().filter(LabeledComment::spam).mapToDouble(c -> model.score(c.text())).toArray();
                    double[] hamScores = judged.stream().filter(c -> !c.spam()).mapToDouble(c -> model.score(c.text())).toArray();
                    long spamTaught = taught.subList(0, n).stream().filter(LabeledComment::spam).count();
                    System.out.printf(Locale.ROOT, "%-24s x%d N=%3d (%3d spam): recall %.3f fpr %.3f | held or marked:"
                                    + " spam %.3f legitimate %.3f | best at fpr<=1%%: %.3f (judged %d spam, %d legitimate)%n",
                            test, weight, n, spamTaught, share(spamScores, threshold), share(hamScores, threshold),
                            share(spamScores, 0.75), share(hamScores, 0.75), bestRecall(spamScores, hamScores, 0.01),
                            spamScores.length, hamScores.length);
                }
            }
        }
    }

    /** The model as the classifier builds it from a batch of learned comments, without storage. */
    record Model(Weights weights, Calibration calibration, CommentScorer scorer) {
        /** Learns the comments and calibrates as the classifier does: folds dealt in turn. */
        static Model learn(List<LabeledComment> comments) {
            int[] folds = new int[comments.size()];
            for (int i = 0; i < folds.length; i++) {
                folds[i] = i % Calibration.FOLDS;
            }
            Tally tally = SpamClassifier.count(comments);
            Examples examples = new Examples();
            examples.addAll(comments);
            return new Model(Weights.of(tally, examples, Regression.fit(examples)), Calibration.crossFit(comments, folds),
                    new CommentScorer());
        }

        double score(String text) {
            return scorer.score(weights, calibration, text, SpamClassifier.DEFAULT_THRESHOLD).spamProbability();
        }

        double[] scores(List<String> texts) {
            return texts.stream().mapToDouble(this::score).toArray();
        }
    }

    static List<LabeledComment> read(Path file) {
        List<LabeledComment> comments = new ArrayList<>();
        new CommentFile(file).forEach(comments::add);
        return comments;
    }

    /** Every paragraph of every article, and each paragraph's first sentence, as a reader might post them. */
    static List<String> newsText(Path csv) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            CsvReader reader = new CsvReader(in);
            reader.next();
            for (List<String> row = reader.next(); row != null; row = reader.next()) {
                for (String paragraph : row.get(2).split("\n\\s*\n")) {
                    String p = paragraph.strip();
                    if (p.isEmpty()) {
                        continue;
                    }
                    texts.add(p);
                    int stop = p.indexOf(". ");
                    if (stop > 0) {
                        texts.add(p.substring(0, stop + 1));
                    }
                }
            }
        }
        return texts;
    }

    /** The demo's legitimate reader comments (approved or held), from demo/comments.txt. */
    static List<String> demoComments() throws IOException {
        List<String> texts = new ArrayList<>();
        try (var in = SourceRotation.class.getResourceAsStream("/demo/comments.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split("\\|", 8);
                if (!line.startsWith("#") && cells.length == 8 && !cells[3].strip().equals("SPAM")) {
                    texts.add(cells[7].strip().replace("\\n", "\n"));
                }
            }
        }
        return texts;
    }

    static double share(double[] scores, double threshold) {
        return scores.length == 0 ? 0 : (double) count(scores, threshold) / scores.length;
    }

    static int count(double[] scores, double threshold) {
        return (int) Arrays.stream(scores).filter(s -> s >= threshold).count();
    }

    /** The lowest threshold that marks at most {@code fpr} of the legitimate comments spam. */
    static double bestThreshold(double[] ham, double fpr) {
        double[] sorted = ham.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(fpr * sorted.length);
        // Strictly above the (allowed+1)th highest legitimate score.
        return Math.nextUp(sorted[sorted.length - 1 - allowed]);
    }

    static double bestRecall(double[] spam, double[] ham, double fpr) {
        return share(spam, bestThreshold(ham, fpr));
    }
}
