package org.masthead;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.masthead.config.Config;
import org.masthead.db.Database;
import org.masthead.search.SearchIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code masthead reindex}: rebuilds the search index and every stored related-story list. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index of published articles and their related stories.",
                "Stop the site on this data folder first: an index has one writer at a time."})
final class ReindexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        Config config = storage.config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        try (Database db = Database.open(config.jdbcUrl());
             SearchIndex index = openIndex(db, config)) {
            Steps steps = new Steps(err);
            index.rebuild(steps::at);
            steps.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("Search index rebuilt in %.1f s (%,d KB on disk).%n", seconds, index.sizeOnDisk() / 1024);
            return 0;
        }
    }

    private static SearchIndex openIndex(Database db, Config config) {
        try {
            return SearchIndex.open(db, App.searchFolder(config));
        } catch (RuntimeException e) {
            if (SearchIndex.inUse(e)) {
                throw new org.masthead.db.StartupException("the search index in " + App.searchFolder(config)
                        + " is in use; stop the site on this data folder and run reindex again");
            }
            throw e;
        }
    }

    /** One progress bar per step of the rebuild, each finished when the next begins. */
    private static final class Steps {
        private final PrintWriter err;
        private String step;
        private ProgressBar bar;
        private long shown;

        Steps(PrintWriter err) {
            this.err = err;
        }

        void at(String name, long done, long total) {
            if (!name.equals(step)) {
                finish();
                step = name;
                bar = new ProgressBar(err, name, total);
                shown = 0;
            }
            bar.advance(done - shown);
            shown = done;
        }

        void finish() {
            if (bar != null) {
                bar.finish();
                bar = null;
            }
        }
    }
}
