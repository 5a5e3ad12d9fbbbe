package org.masthead;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.masthead.comments.CommentStore;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;
import org.masthead.demo.CommentGenerator;
import org.masthead.demo.DemoGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masthead demo generate}: grows a demo site to many articles and comments, for measuring. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Tools for the demo newspaper.",
        subcommands = DemoCommand.Generate.class)
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Add published articles made from the demo's sections, tags, authors and paragraphs,",
                    "and approved reader comments spread over every published article: either or both.",
                    "The site must hold the demo (serve --demo once). After adding articles, run reindex with the site stopped."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", description = "How many articles to add.")
        Integer articles;

        @Option(names = "--comments", paramLabel = "N",
                description = "How many approved comments to add, after the articles, over every published article.")
        Long comments;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            int articleCount = articles == null ? 0 : articles;
            long commentCount = comments == null ? 0 : comments;
            if (articleCount < 0) {
                throw new IllegalArgumentException("--articles must be 0 or more, got " + articleCount);
            }
            if (commentCount < 0) {
                throw new IllegalArgumentException("--comments must be 0 or more, got " + commentCount);
            }
            if (articleCount == 0 && commentCount == 0) {
                throw new IllegalArgumentException(
                        "nothing to add: give --articles N, --comments N or both, with N at least 1");
            }
            Config config = storage.config();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = Database.open(config.jdbcUrl())) {
                if (articleCount > 0) {
                    long started = System.nanoTime();
                    ProgressBar bar = new ProgressBar(err, "generating", articleCount);
                    new DemoGenerator(db, new ArticleStore(new Markdown(MediaResolver.NONE)), new SectionStore(db))
                            .generate(articleCount, bar::advance);
                    bar.finish();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf("Added %,d articles in %.1f s (%,.0f a second). Run ./masthead reindex to index them.%n",
                            articleCount, seconds, articleCount / seconds);
                }
                if (commentCount > 0) {
                    long started = System.nanoTime();
                    ProgressBar bar = new ProgressBar(err, "commenting", commentCount, "comments");
                    new CommentGenerator(db, new CommentStore(db)).generate(commentCount, bar::advance);
                    bar.finish();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    out.printf("Added %,d comments in %.1f s (%,.0f a second).%n", commentCount, seconds,
                            commentCount / seconds);
                }
            }
            return 0;
        }
    }
}
