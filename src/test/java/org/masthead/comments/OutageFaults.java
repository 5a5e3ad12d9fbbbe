package org.masthead.comments;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PostgreSQL stopped and started under mixed load: a PostgreSQL server of the run's own
 * (embedded, as DatabaseOutageTest uses, so no shared server is touched) serves a real
 * server process while readers ask for a cached page and for uncached ones and commenters
 * post with the form's script (Accept: application/json). The database is stopped for about
 * five seconds, then started again.
 */
final class OutageFaults {
    private static final long OUTAGE_MILLIS = 5_000;

    /** One request: its kind, when it started and ended (ms since the run began), its status. */
    private record Sample(String kind, long start, long end, int status) {
    }

    private record ThreadCount(long at, long threads) {
    }

    private OutageFaults() {
    }

    static List<Table> run(Path work) throws Exception {
        Path data = work.resolve("outage-pgdata");
        int port = ServerProcess.freePort();
        EmbeddedPostgres pg = start(data, port);
        FaultSite site = null;
        try {
            FaultSite.execute(pg.getJdbcUrl("postgres", "postgres"), "create database outage");
            site = FaultSite.onDatabase(work, "PostgreSQL (embedded)",
                    "jdbc:postgresql://127.0.0.1:" + port + "/outage?user=postgres");
            ServerProcess server = site.server;
            Visitor setup = new Visitor(server.base(), Duration.ofSeconds(10));
            ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 300; i++) {
                tokens.add(setup.token(site.article));
            }
            long t0 = System.nanoTime();
            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<ThreadCount> threads = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> load = new ArrayList<>();
            String base = server.base();
            String article = Long.toString(site.article);
            for (int r = 0; r < 2; r++) {
                load.add(pool.submit(() -> repeat(running, t0, samples, "cached page (article)", 0,
                        v -> v.get(CommentSite.ARTICLE_URL), base)));
                load.add(pool.submit(() -> repeat(running, t0, samples, "uncached page (/?r=N)", 0,
                        v -> v.get("/?r=" + n.incrementAndGet()), base)));
                load.add(pool.submit(() -> repeat(running, t0, samples, "comment POST, Accept JSON", 200, v -> {
                    int c = n.incrementAndGet();
                    String token = tokens.poll();
                    return v.post(Visitor.filled(Visitor.form(article, token == null ? "" : token), "Reader " + c,
                            "r" + c + "@outage.example", "Outage-run comment " + c + " on the pilot boat."),
                            HostileComments.address(c), true);
                }, base)));
            }
            load.add(pool.submit(() -> {
                while (running.get()) {
                    threads.add(new ThreadCount(sinceMillis(t0), server.status("Threads")));
                    ServerProcess.sleep(100);
                }
            }));

            Thread.sleep(4_000);
            long stopAsked = sinceMillis(t0);
            pg.close();
            long stopped = sinceMillis(t0);
            Thread.sleep(OUTAGE_MILLIS / 2);
            String health = setup.get("/healthz").body().trim();
            Thread.sleep(OUTAGE_MILLIS - OUTAGE_MILLIS / 2);
            long startAsked = sinceMillis(t0);
            String probeUrl = "jdbc:postgresql://127.0.0.1:" + port + "/outage?user=postgres&connectTimeout=1";
            Future<Long> accepting = pool.submit(() -> firstConnection(probeUrl, t0));
            pg = start(data, port);
            long back = sinceMillis(t0);
            long acceptedAt = accepting.get(60, java.util.concurrent.TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (firstOk(samples, "uncached page (/?r=N)", acceptedAt) < 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(3_000);
            running.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            pool.shutdown();
            return tables(samples, threads, new Times(stopAsked, stopped, startAsked, acceptedAt, back), health,
                    lines(work.resolve("outage.log")));
        } finally {
            if (site != null) {
                site.server.stop();
            }
            pg.close();
        }
    }

    /** Milestones of the run, in ms since it began. */
    private record Times(long stopAsked, long stopped, long startAsked, long accepting, long startReturned) {
    }

    private static List<Table> tables(ConcurrentLinkedQueue<Sample> samples, ConcurrentLinkedQueue<ThreadCount> threads,
                                      Times t, String health, long logLines) {
        Table outage = new Table("2. PostgreSQL away for " + (t.accepting() - t.stopped()) / 1000.0 + " s under mixed "
                + "load (\"during\": requests begun between the stop and PostgreSQL accepting connections again)",
                "request", "sent during", "statuses during", "p50 latency during", "max latency during",
                "statuses before", "statuses after", "first 200/201 begun after PostgreSQL accepted connections");
        for (String kind : List.of("cached page (article)", "uncached page (/?r=N)", "comment POST, Accept JSON")) {
            List<Sample> of = samples.stream().filter(s -> s.kind().equals(kind)).toList();
            List<Sample> during = of.stream().filter(s -> s.start() >= t.stopAsked() && s.start() < t.accepting()).toList();
            List<Long> latencies = during.stream().map(s -> (s.end() - s.start()) * 1000).toList();
            long first = firstOk(samples, kind, t.accepting());
            outage.row(kind, during.size(), Table.statuses(during.stream().map(Sample::status).toList()),
                    Table.ms(latencies, 50), Table.ms(latencies, 100),
                    Table.statuses(of.stream().filter(s -> s.start() < t.stopAsked()).map(Sample::status).toList()),
                    Table.statuses(of.stream().filter(s -> s.start() >= t.accepting()).map(Sample::status).toList()),
                    first < 0 ? "none" : "answered " + (first - t.accepting()) + " ms after");
        }
        Table server = new Table("2. The server around the outage", "measure", "value");
        server.row("PostgreSQL stop (pg_ctl, fast) took", (t.stopped() - t.stopAsked()) + " ms");
        server.row("PostgreSQL accepting connections again", (t.accepting() - t.startAsked()) + " ms after its start was asked "
                + "(the embedded server's start returned after " + (t.startReturned() - t.startAsked()) + " ms)");
        server.row("/healthz mid-outage", "`" + health + "`");
        server.row("server threads before the outage (max)", maxThreads(threads, 0, t.stopAsked()));
        server.row("server threads during the outage (max)", maxThreads(threads, t.stopAsked(), t.accepting()));
        server.row("server threads after (max)", maxThreads(threads, t.accepting(), Long.MAX_VALUE));
        server.row("server log lines written in the whole run", logLines);
        return List.of(outage, server);
    }

    /** Ms since the run began at which a connection to PostgreSQL first succeeded, trying every 20 ms for a minute. */
    private static long firstConnection(String url, long t0) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try (var connection = java.sql.DriverManager.getConnection(url)) {
                return sinceMillis(t0);
            } catch (java.sql.SQLException e) {
                ServerProcess.sleep(20);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept a connection within a minute of its start");
    }

    private static long lines(Path file) {
        try (var lines = java.nio.file.Files.lines(file)) {
            return lines.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    private static long maxThreads(ConcurrentLinkedQueue<ThreadCount> threads, long from, long to) {
        return threads.stream().filter(t -> t.at() >= from && t.at() < to).mapToLong(ThreadCount::threads).max().orElse(-1);
    }

    /** When (ms since the run began) the first 200 or 201 of that kind begun after {@code after} ended; -1 if none. */
    private static long firstOk(ConcurrentLinkedQueue<Sample> samples, String kind, long after) {
        return samples.stream().filter(s -> s.kind().equals(kind) && s.start() >= after
                && (s.status() == 200 || s.status() == 201)).mapToLong(Sample::end).min().orElse(-1);
    }

    private static void repeat(AtomicBoolean running, long t0, ConcurrentLinkedQueue<Sample> samples, String kind,
                               long pauseMillis, java.util.function.Function<Visitor, Visitor.Answer> request, String base) {
        Visitor visitor = new Visitor(base, Duration.ofSeconds(30));
        while (running.get()) {
            long start = sinceMillis(t0);
            int status = request.apply(visitor).status();
            samples.add(new Sample(kind, start, sinceMillis(t0), status));
            if (pauseMillis > 0) {
                ServerProcess.sleep(pauseMillis);
            }
        }
    }

    private static long sinceMillis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(true).start();
    }
}
