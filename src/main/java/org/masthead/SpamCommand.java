package org.masthead;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.masthead.comments.spam.CommentFile;
import org.masthead.comments.spam.LabeledComment;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.comments.CommentSettings;
import org.masthead.comments.spam.Reliability;
import org.masthead.comments.spam.SpamScores;
import org.masthead.comments.spam.Starter;
import org.masthead.comments.spam.Verdict;
import org.masthead.config.Config;
import org.masthead.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masthead spam train|eval}: teaches the comment spam classifier from CSV files and measures it. */
@Command(name = "spam", mixinStandardHelpOptions = true, description = "Train and evaluate the comment spam classifier.",
        subcommands = {SpamCommand.Train.class, SpamCommand.Eval.class})
final class SpamCommand implements Runnable {
    private static final String FILES = "CSV files of labelled comments, UTF-8, with a header holding text,label "
            + "(label spam or ham) or CONTENT,CLASS (1 spam, 0 ham); other columns are ignored.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Database open(StorageOptions storage) {
        Config config = storage.config();
        return Database.open(config.jdbcUrl());
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Teach the classifier from labelled comments; it adds to what it has learned.",
                    "Every file is checked first, so a bad file teaches nothing."})
    static final class Train implements Callable<Integer> {
        private static final int BATCH = 1000;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = FILES)
        List<Path> files;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            List<Long> rows = new ArrayList<>();
            for (Path file : files) {
                rows.add(new CommentFile(file).count());
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = open(storage)) {
                SpamClassifier classifier = SpamClassifier.open(db);
                long[] learned = new long[2];
                for (int i = 0; i < files.size(); i++) {
                    learn(classifier, files.get(i), rows.get(i), learned);
                }
                out.printf("Learned %,d comments (%,d spam, %,d legitimate) from %d file%s; the model has now learned from %,d.%n",
                        learned[0] + learned[1], learned[0], learned[1], files.size(), files.size() == 1 ? "" : "s",
                        classifier.comments());
                return 0;
            }
        }

        private void learn(SpamClassifier classifier, Path file, long rows, long[] learned) {
            ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "training " + file.getFileName(), rows);
            List<LabeledComment> batch = new ArrayList<>(BATCH);
            new CommentFile(file).forEach(comment -> {
                batch.add(comment);
                learned[comment.spam() ? 0 : 1]++;
                if (batch.size() == BATCH) {
                    classifier.learnAll(batch);
                    progress.advance(batch.size());
                    batch.clear();
                }
            });
            classifier.learnAll(batch);
            progress.advance(batch.size());
            progress.finish();
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Measure the classifier on labelled comments; it learns nothing from them.",
                    "Prints precision, recall and false-positive rate for spam; the last line reads",
                    "precision=0.xxx recall=0.xxx fpr=0.xxx n=N."})
    static final class Eval implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = FILES)
        List<Path> files;

        @Option(names = "--threshold", paramLabel = "P", description = "Spam probability from which a comment "
                + "counts as spam (default: the classifier's, " + SpamClassifier.DEFAULT_THRESHOLD + ").")
        Double threshold;

        @Option(names = "--starter", description = "Judge as the site does: with the starter comments shipped in "
                + "the jar learned before the site's own (without it, only what the site learned counts).")
        boolean starter;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = open(storage)) {
                SpamClassifier classifier = SpamClassifier.open(db, threshold == null ? SpamClassifier.DEFAULT_THRESHOLD : threshold,
                        starter ? Starter.comments() : List.of());
                if (classifier.known() == 0) {
                    throw new IllegalArgumentException("the spam classifier has not learned anything yet; "
                            + "teach it first with: masthead spam train FILE.csv");
                }
                SpamScores all = new SpamScores();
                Reliability reliability = new Reliability();
                double hold = CommentSettings.DEFAULTS.holdProbability();
                long[] held = new long[2]; // [spam, legitimate] held for a moderator rather than marked spam
                long[] total = new long[2];
                for (Path file : files) {
                    SpamScores scores = new SpamScores();
                    new CommentFile(file).forEach(comment -> {
                        Verdict verdict = classifier.classify(comment.text());
                        scores.add(comment.spam(), verdict.spam());
                        all.add(comment.spam(), verdict.spam());
                        reliability.add(verdict.spamProbability(), comment.spam());
                        int kind = comment.spam() ? 0 : 1;
                        total[kind]++;
                        if (!verdict.spam() && verdict.spamProbability() >= hold) {
                            held[kind]++;
                        }
                    });
                    out.println(file.getFileName() + ": " + scores.detail());
                }
                out.printf("threshold %s, model learned from %,d comments%s%n", classifier.threshold(), classifier.comments(),
                        starter ? String.format(" on top of %,d starter comments", classifier.starterComments()) : "");
                // What the comment form does with the same probabilities: it also holds the unsure ones.
                out.printf(java.util.Locale.ROOT, "held for a moderator (probability %.2f up to the threshold): spam %d of %d, "
                                + "legitimate %d of %d; spam kept off the page %.3f%n", hold,
                        held[0], total[0], held[1], total[1],
                        total[0] == 0 ? 0.0 : all.recall() + (double) held[0] / total[0]);
                // Whether a probability means what it says on these comments: predicted against observed spam rate.
                out.println("reliability of the spam probabilities on these comments:");
                reliability.lines().forEach(line -> out.println("  " + line));
                out.println(all.summary());
                return 0;
            }
        }
    }
}
