package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.config.Config;

/** {@code masthead demo generate} grows a demo site with distinct, published, sectioned stories. */
class DemoCommandTest {

    @Test
    void generateAddsPublishedStoriesInTheDemoSections() {
        Config config = TestSites.config(TestSites.Kind.SQLITE).withDemo(true);
        long before;
        try (App app = App.create(config)) {
            before = count(app);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "generate", "--articles", "120",
                "--data-dir", config.dataDir().toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Added 120 articles in ");
        assertThat(err.toString()).contains("generating [").contains("100% 120/120");
        try (App app = App.create(config.withDemo(false))) {
            assertThat(count(app)).isEqualTo(before + 120);
            List<String> headlines = app.database().read(h -> h.createQuery(
                    "select headline from articles where slug like 'generated-%'").mapTo(String.class).list());
            assertThat(headlines).hasSize(120).doesNotHaveDuplicates();
            long bylined = app.database().read(h -> h.createQuery("""
                    select count(distinct a.id) from articles a join article_authors aa on aa.article_id = a.id
                    where a.slug like 'generated-%'""").mapTo(Long.class).one());
            assertThat(bylined).isGreaterThan(100);
        }
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "demo", "generate",
                "--articles", "0", "--data-dir", config.dataDir().toString())).isEqualTo(2);
    }

    private static long count(App app) {
        return app.database().read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
    }
}
