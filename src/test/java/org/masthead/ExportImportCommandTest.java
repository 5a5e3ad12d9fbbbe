package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.backup.SmallSite;
import org.masthead.config.Config;

/** {@code masthead export masthead} and {@code masthead import masthead} as an operator runs them. */
class ExportImportCommandTest {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Config config, String... words) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--data-dir", config.dataDir().toString()));
        if (config.databaseUrl() != null) {
            args.addAll(List.of("--database-url", config.databaseUrl()));
        }
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void exportsImportsAndRefusesASiteWithContent(Kind kind) {
        Config source = TestSites.config(kind);
        SmallSite.fill(source);
        Path zip = TestSites.tempDir().resolve("site.zip");

        assertThat(run(source, "export", "masthead", zip.toString())).isZero();
        assertThat(out.toString()).contains("Exporting [##############################] 100% 5/5 items")
                .contains("Wrote " + zip + " (masthead-export version 1): 4 rows and 1 media files.");

        Config target = TestSites.config(kind);
        assertThat(run(target, "import", "masthead", zip.toString())).isZero();
        assertThat(out.toString()).contains("Importing [##############################] 100% 5/5 items")
                .containsPattern("Imported 4 rows and 1 media files from .*site.zip \\(made 20");
        assertThat(target.mediaDir().resolve("uploads/2026/12/chart.png")).exists();

        assertThat(run(target, "import", "masthead", zip.toString())).isOne();
        assertThat(err.toString().strip()).isEqualTo("masthead: nothing was imported: the media folder already holds "
                + Path.of("uploads/2026/12/chart.png") + "; import into a new site: an empty data folder or database");

        assertThat(run(target, "import", "masthead", target.dataDir().resolve("missing.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.zip is not a file");
    }
}
