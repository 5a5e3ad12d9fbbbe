package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line as an operator meets it: help, and one clear line when start-up fails. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpDescribesEveryServeOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--data-dir", "--database-url", "--demo",
                "MASTHEAD_PORT", "MASTHEAD_DATA_DIR", "MASTHEAD_DATABASE_URL");
    }

    @Test
    void aTakenPortIsOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int code = run("serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--data-dir", TestSites.tempDir().toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo(
                    "masthead: port " + taken.getLocalPort() + " is already in use; choose another with --port");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() {
        int code = run("serve", "--port", "0", "--data-dir", TestSites.tempDir().toString(),
                "--database-url", "jdbc:postgresql://127.0.0.1:1/nowhere?user=nobody&connectTimeout=2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("masthead: cannot connect to the database").doesNotContain("\n")
                .doesNotContain("at org.");
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsOneClearLine() throws Exception {
        Path file = Files.createTempFile("masthead-not-a-dir", ".txt");
        int code = run("serve", "--port", "0", "--data-dir", file.resolve("sub").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("masthead: the data folder").contains("is not writable")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownOptionSaysWhatIsWrong() {
        assertThat(run("serve", "--colour", "blue")).isNotZero();
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void thePageCacheIsOnUnlessSwitchedOff() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString());
        assertThat(serve.config().pageCache()).isTrue();
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString(), "--page-cache", "off");
        assertThat(serve.config().pageCache()).isFalse();
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--page-cache", "MASTHEAD_PAGE_CACHE");
    }

    @Test
    void aPageCacheSettingOtherThanOnOrOffIsOneClearLine() {
        int code = run("serve", "--port", "0", "--data-dir", TestSites.tempDir().toString(), "--page-cache", "sometimes");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: --page-cache: give on or off, not sometimes");
    }

    @Test
    void sharedCachesKeepPagesHalfAMinuteUnlessToldOtherwiseWithinTenMinutes() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString());
        assertThat(serve.config().sharedMaxAge()).isEqualTo(30);
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString(), "--shared-max-age", "0");
        assertThat(serve.config().sharedMaxAge()).isZero();
        int code = run("serve", "--port", "0", "--data-dir", TestSites.tempDir().toString(), "--shared-max-age", "3600");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: --shared-max-age: give 0 to 600 seconds, not 3600");
    }

    @Test
    void relatedListsAreRankedOnHalfTheCoresUnlessToldHowMany() {
        ServeCommand serve = new ServeCommand();
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString());
        assertThat(serve.config().relatedThreads()).isEqualTo(org.masthead.config.Config.HALF_THE_CORES);
        new picocli.CommandLine(serve).parseArgs("--data-dir", TestSites.tempDir().toString(), "--related-threads", "0");
        assertThat(serve.config().relatedThreads()).isZero();
        int cores = Runtime.getRuntime().availableProcessors();
        int code = run("serve", "--port", "0", "--data-dir", TestSites.tempDir().toString(), "--related-threads",
                String.valueOf(cores + 1));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: --related-threads: give 0 to " + cores
                + " (this machine's cores), not " + (cores + 1));
        err.getBuffer().setLength(0);
        assertThat(run("serve", "--port", "0", "--data-dir", TestSites.tempDir().toString(), "--related-threads", "many"))
                .isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("masthead: --related-threads: give half or a number of cores, not many");
    }
}
