package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;

/** {@code masthead spam train} and {@code eval} as an operator runs them, on both databases. */
class SpamCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Kind kind, Path dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        if (kind == Kind.POSTGRESQL) {
            all.addAll(List.of("--database-url", database));
        }
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private String database;

    private Path csv(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Path setUp(Kind kind) {
        database = kind == Kind.POSTGRESQL ? TestSites.freshPostgresDatabase() : null;
        return TestSites.tempDir();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void trainsThenEvaluatesWithTheScriptLineLast(Kind kind) throws IOException {
        Path dir = setUp(kind);
        Path train = csv(dir, "train.csv", """
                text,label
                "Subscribe to my channel, free gifts http://free-gifts.biz",spam
                "Check out my channel and subscribe, free iPhone",spam
                "free gifts for every subscriber, visit free-gifts.biz",spam
                The council should publish the budget before the vote.,ham
                "Thanks for the report on the harbour, very clear",ham
                The tram line to the harbour is overdue.,ham
                """);
        Path youtube = csv(dir, "videos.csv", """
                COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS
                a,"Doe, J",2014,"subscribe to my channel for free gifts, free-gifts.biz",1
                b,Sam,2014,The budget vote at the council was clear.,0
                """);
        assertThat(run(kind, dir, "spam", "train", train.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Learned 6 comments (3 spam, 3 legitimate) from 1 file");
        assertThat(err.toString()).contains("training train.csv [", "] 100% 6/6 rows").startsWith("\r");

        assertThat(run(kind, dir, "spam", "eval", "--threshold", "0.5", youtube.toString())).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getLast()).isEqualTo("precision=1.000 recall=1.000 fpr=0.000 n=2");
        assertThat(out.toString()).contains("videos.csv: spam caught 1 of 1; legitimate comments marked spam 0 of 1");

        // Evaluating learns nothing: the model still knows the six training comments only.
        assertThat(run(kind, dir, "spam", "eval", youtube.toString(), train.toString())).isZero();
        assertThat(out.toString()).contains("model learned from 6 comments");
        assertThat(out.toString().lines().toList().getLast()).matches("precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} fpr=\\d\\.\\d{3} n=8");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badInputIsOneClearLineAndTeachesNothing(Kind kind) throws IOException {
        Path dir = setUp(kind);
        Path good = csv(dir, "good.csv", "text,label\nhello,ham\n");
        Path badLabel = csv(dir, "bad-label.csv", "text,label\nhello,ham\nbuy now,junk\n");
        Path badHeader = csv(dir, "bad-header.csv", "message,kind\nhello,ham\n");

        assertThat(run(kind, dir, "spam", "train", good.toString(), badLabel.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: " + badLabel + ": line 3: unknown label \"junk\" (expected spam or ham)");

        assertThat(run(kind, dir, "spam", "train", badHeader.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: " + badHeader
                + ": the header needs the columns text,label or CONTENT,CLASS; it has message,kind");

        Path missing = dir.resolve("missing.csv");
        assertThat(run(kind, dir, "spam", "train", missing.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: " + missing + ": no such file");

        // Nothing was learned from the good file either, so eval says to train first.
        assertThat(run(kind, dir, "spam", "eval", good.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: the spam classifier has not learned anything yet; "
                + "teach it first with: masthead spam train FILE.csv");

        assertThat(run(kind, dir, "spam", "eval", "--threshold", "1.5", good.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: the spam threshold must be between 0 and 1, got 1.5");

        assertThat(run(kind, dir, "spam", "train")).isNotZero();
        assertThat(err.toString()).contains("Missing required parameter");
    }
}
