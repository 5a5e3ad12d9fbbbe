package org.masthead;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL server the tests create their databases on: the one named by
 * MASTHEAD_TEST_POSTGRES_URL when it is set (CI's local server), otherwise an embedded
 * PostgreSQL unpacked from Maven, started on first use and stopped when the test JVM ends.
 */
final class TestPostgres {
    static final String URL_VARIABLE = "MASTHEAD_TEST_POSTGRES_URL";

    private static String embeddedUrl;

    private TestPostgres() {
    }

    /** Whether databases come from the server named by MASTHEAD_TEST_POSTGRES_URL (they are then dropped at exit). */
    static boolean external() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** A JDBC URL of the server's maintenance database, as a superuser that may create databases. */
    static synchronized String serverUrl() {
        if (external()) {
            return System.getenv(URL_VARIABLE);
        }
        if (embeddedUrl == null) {
            embeddedUrl = startEmbedded();
        }
        return embeddedUrl;
    }

    /*
     * PostgreSQL refuses to run as root. Started by root, zonky runs initdb and the server
     * under "unshare -U", where they are an unprivileged user; where that is not allowed
     * the start fails and the message says what to do instead.
     */
    private static String startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException | RuntimeException e) {
            TestSites.skipOrFail("PostgreSQL tests skipped: the embedded PostgreSQL did not start (" + e.getMessage()
                    + "); set " + URL_VARIABLE + " to a server's JDBC URL, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
            throw new AssertionError("unreachable");
        }
    }
}
