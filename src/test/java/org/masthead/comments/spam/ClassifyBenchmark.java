package org.masthead.comments.spam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.masthead.ThirdPartyData;
import org.masthead.db.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification speed, one thread: comments per second for real reader comments of about a
 * hundred characters, with the model trained on two videos' comments of the YouTube Spam
 * Collection. A figure, not a test: run it with bench/classify.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifyBenchmark {
    private Database db;
    private SpamClassifier classifier;
    private String[] comments;
    private int next;

    @Setup(Level.Trial)
    public void train() throws Exception {
        Path spam = ThirdPartyData.starterComments();
        db = Database.open("jdbc:sqlite:" + Files.createTempDirectory("masthead-bench-").resolve("masthead.db"));
        classifier = SpamClassifier.open(db);
        for (String name : List.of("Youtube01-Psy.csv", "Youtube03-LMFAO.csv")) {
            List<LabeledComment> learned = new ArrayList<>();
            new CommentFile(spam.resolve(name)).forEach(learned::add);
            classifier.learnAll(learned);
        }
        // The comments of about a hundred characters (60 to 140) from the video it did not learn.
        List<String> unseen = new ArrayList<>();
        new CommentFile(spam.resolve("Youtube02-KatyPerry.csv")).forEach(c -> {
            if (c.text().length() >= 60 && c.text().length() <= 140) {
                unseen.add(c.text());
            }
        });
        comments = unseen.toArray(String[]::new);
        System.out.printf("%n%d comments, mean length %.0f characters%n", comments.length,
                unseen.stream().mapToInt(String::length).average().orElse(0));
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    @Benchmark
    public Verdict classify() {
        String comment = comments[next];
        next = next + 1 == comments.length ? 0 : next + 1;
        return classifier.classify(comment);
    }
}
