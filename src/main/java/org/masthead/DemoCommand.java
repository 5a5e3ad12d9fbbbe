package org.masthead;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;
import org.masthead.demo.DemoGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masthead demo generate}: grows a demo site to many articles, for measuring. */
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
            description = {"Add N published articles made from the demo's sections, tags, authors and paragraphs.",
                    "The site must hold the demo (serve --demo once). Run reindex afterwards, with the site stopped."})
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", required = true, description = "How many articles to add.")
        int count;

        @Mixin
        StorageOptions storage;

        @Override
        public Integer call() {
            if (count < 1) {
                throw new IllegalArgumentException("--articles must be at least 1, got " + count);
            }
            Config config = storage.config();
            PrintWriter out = spec.commandLine().getOut();
            long started = System.nanoTime();
            try (Database db = Database.open(config.jdbcUrl())) {
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "generating", count);
                new DemoGenerator(db, new ArticleStore(new Markdown(MediaResolver.NONE)), new SectionStore(db))
                        .generate(count, bar::advance);
                bar.finish();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("Added %,d articles in %.1f s (%,.0f a second). Run ./masthead reindex to index them.%n", count,
                    seconds, count / seconds);
            return 0;
        }
    }
}
