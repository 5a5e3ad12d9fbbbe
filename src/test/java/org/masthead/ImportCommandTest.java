package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.db.Database;

/** {@code masthead import wordpress} as an operator runs it: the report, the refusal, the accounts. */
class ImportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Config config, String file, String... more) {
        List<String> args = new ArrayList<>(List.of("import", "wordpress",
                ThirdPartyData.path("wxr/" + file).toString(), "--data-dir", config.dataDir().toString()));
        if (config.databaseUrl() != null) {
            args.addAll(List.of("--database-url", config.databaseUrl()));
        }
        args.addAll(List.of(more));
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void importsWithAReportRefusesABrokenFileAndMakesLockedAccounts(Kind kind) {
        Config config = TestSites.config(kind);
        assertThat(run(config, "malformed.xml")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("masthead: nothing was imported: malformed.xml, line 90, column 3: "
                + "not well-formed XML: The element type \"notachanneltag\" must be terminated by the matching end-tag "
                + "\"</notachanneltag>\".");

        assertThat(run(config, "valid-wxr-1.1.xml", "--accounts", "author", "--dry-run")).isZero();
        assertThat(out.toString()).contains("Dry run of a WordPress import (WXR 1.1): nothing was written.");

        assertThat(run(config, "valid-wxr-1.1.xml", "--accounts", "author")).isZero();
        String report = out.toString();
        assertThat(report).contains("Importing [##############################] 100% 2/2 items")
                .containsPattern("articles +1 new +0 existing")
                .containsPattern("pages +1 new +0 existing")
                .containsPattern("accounts +1 new +0 existing");
        try (Database db = Database.open(config.jdbcUrl())) {
            String account = db.read(h -> h.createQuery("select role || ' ' || name from users where email = 'johndoe@example.org'")
                    .mapTo(String.class).one());
            assertThat(account).isEqualTo("AUTHOR John Doe");
            assertThat(new org.masthead.accounts.UserStore(db).signIn("johndoe@example.org", "")).isEmpty();
        }
    }
}
