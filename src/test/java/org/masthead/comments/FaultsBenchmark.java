package org.masthead.comments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The fault report: the real server process (the launcher's JVM options) killed under comment
 * load on SQLite and PostgreSQL, its PostgreSQL stopped and started under mixed load, comment
 * posts raced against the form token and the limits, a junk-URL flood and slow clients.
 * Prints Markdown tables of what was seen; asserts nothing. PostgreSQL databases are created
 * on the server at MASTHEAD_TEST_POSTGRES_URL (default: the local one) and dropped at the end;
 * the stop/start run uses an embedded PostgreSQL of its own.
 *
 * <p>Run by bench/faults.sh.
 */
public final class FaultsBenchmark {
    private static final String DEFAULT_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private FaultsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // The flood sends Host headers of its own, which the JDK's client refuses unless allowed.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        String postgres = System.getenv().getOrDefault("MASTHEAD_TEST_POSTGRES_URL", DEFAULT_POSTGRES);
        Path work = Files.createTempDirectory("masthead-faults-");
        System.out.println("## Faults run of " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average before: "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + ", server JVM options: `"
                + System.getProperty("masthead.java.opts", "") + "`\n");
        long started = System.nanoTime();
        try (FaultSite sqlite = FaultSite.sqlite(work)) {
            try (FaultSite pg = FaultSite.postgres(work, postgres, "PostgreSQL")) {
                progress("kill -9 under comment load");
                Table kill = CommentFaults.killTable();
                CommentFaults.killUnderLoad(sqlite, kill);
                CommentFaults.killUnderLoad(pg, kill);
                System.out.println(kill);
                progress("simultaneous posts");
                Table races = CommentFaults.racesTable();
                CommentFaults.races(sqlite, races);
                CommentFaults.races(pg, races);
                System.out.println(races);
            }
            progress("junk-URL flood (SQLite)");
            HostileTraffic.flood(sqlite).forEach(System.out::println);
            progress("slow clients (SQLite)");
            System.out.println(HostileTraffic.slowloris(sqlite));
        }
        progress("PostgreSQL stop and start");
        OutageFaults.run(work).forEach(System.out::println);
        System.out.printf("Whole run: %.0f s; server logs in %s%n", (System.nanoTime() - started) / 1e9, work);
        removeAllButLogs(work);
    }

    /** The sites' data (SQLite files, the embedded PostgreSQL's folder) goes; the server logs stay to be read. */
    private static void removeAllButLogs(Path work) throws java.io.IOException {
        try (var paths = Files.walk(work)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(work) && !p.toString().endsWith(".log")) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void progress(String what) {
        System.err.println("faults: " + what + "...");
    }
}
