package org.masthead.comments.spam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.masthead.ThirdPartyData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a moderator's click costs the classifier on a site that has learned many comments: one
 * refit of the regression, as done after every learned batch ({@link #fitRecent}), next to a
 * refit on every learned comment ({@link #fitAll}). The learned comments are the three videos
 * of the YouTube Spam Collection repeated, each copy with a word of its own, so the vocabulary
 * grows as a real site's would. A figure, not a test: run it with bench/classify.sh RefitBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class RefitBenchmark {
    @Param({"100000"})
    public int learned;
    private Examples examples;

    @Setup(Level.Trial)
    public void learn() throws Exception {
        Path spam = ThirdPartyData.starterComments();
        List<LabeledComment> files = new ArrayList<>();
        for (String name : List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv")) {
            new CommentFile(spam.resolve(name)).forEach(files::add);
        }
        examples = new Examples();
        for (int i = 0; i < learned; i++) {
            LabeledComment c = files.get(i % files.size());
            examples.add(new LabeledComment(c.text() + " copy" + i / files.size(), c.spam()));
        }
    }

    @Benchmark
    public Regression fitRecent() {
        return Regression.fit(examples);
    }

    @Benchmark
    public Regression fitAll() {
        return Regression.fit(examples, Integer.MAX_VALUE);
    }
}
