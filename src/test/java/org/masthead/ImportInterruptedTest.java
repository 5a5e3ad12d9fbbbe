package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.db.Database;

/** An import stopped halfway (SIGTERM, as Ctrl-C or a service manager sends) leaves the site as it was. */
class ImportInterruptedTest {
    private static final int POSTS = 4000;

    private static Path export() throws Exception {
        Path file = TestSites.tempDir().resolve("big.xml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                    + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                    + "<channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://big.example</wp:base_site_url>\n");
            for (int i = 1; i <= POSTS; i++) {
                out.write("<item><title>Story " + i + "</title><wp:post_id>" + i + "</wp:post_id><wp:post_type>post</wp:post_type>"
                        + "<wp:status>publish</wp:status><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>"
                        + "<content:encoded><![CDATA[" + "A paragraph of the story.\n\n".repeat(20) + "]]></content:encoded></item>\n");
            }
            out.write("</channel></rss>\n");
        }
        return file;
    }

    private static Map<String, Long> counts(Config config) {
        try (Database db = Database.open(config.jdbcUrl())) {
            return db.read(h -> {
                Map<String, Long> counts = new TreeMap<>();
                for (String table : List.of("articles", "sections", "wordpress_items", "legacy_paths", "change_log")) {
                    counts.put(table, h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
                }
                return counts;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stoppingTheImportHalfwayLeavesNothingBehind(Kind kind) throws Exception {
        Config config = TestSites.config(kind);
        Map<String, Long> before = counts(config);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.masthead.Main", "import", "wordpress",
                export().toString(), "--data-dir", config.dataDir().toString()));
        if (config.databaseUrl() != null) {
            command.addAll(List.of("--database-url", config.databaseUrl()));
        }
        Process importing = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8))) {
            // Wait until the bar shows items written (it redraws on one line, so read characters).
            StringBuilder seen = new StringBuilder();
            int c;
            while ((c = out.read()) != -1 && !seen.toString().matches("(?s).*Importing \\[[#-]+\\] +[1-9]\\d?% .*")) {
                seen.append((char) c);
            }
            assertThat(seen.toString()).as("import output").contains("Importing");
            importing.destroy();
            assertThat(importing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            importing.destroyForcibly();
        }
        assertThat(counts(config)).isEqualTo(before);
    }
}
