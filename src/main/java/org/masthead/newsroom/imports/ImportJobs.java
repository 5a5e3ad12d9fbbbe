package org.masthead.newsroom.imports;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.wordpress.WordPressImport;

/**
 * Runs imports uploaded in the newsroom, one at a time on a background thread, and keeps each
 * one's progress and report in memory for its page (the last 20). The uploaded file (in a
 * folder of its own) is deleted when its import ends. Only the instance that took the upload knows the progress;
 * the rows themselves reach every instance through the change log.
 */
public final class ImportJobs implements AutoCloseable {
    private static final int KEPT = 20;

    /** An import as its page shows it. */
    public record Job(String id, String fileName, String by, boolean dryRun, Instant started, long total, long done,
                      State state, String report) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }

        public boolean running() {
            return state == State.WAITING || state == State.RUNNING;
        }
    }

    public enum State { WAITING, RUNNING, FINISHED, FAILED }

    private static final class Running {
        final String id;
        final String fileName;
        final String by;
        final boolean dryRun;
        final Instant started = Instant.now();
        final long total;
        final AtomicLong done = new AtomicLong();
        volatile State state = State.WAITING;
        volatile String report = "";

        Running(String id, String fileName, String by, boolean dryRun, long total) {
            this.id = id;
            this.fileName = fileName;
            this.by = by;
            this.dryRun = dryRun;
            this.total = total;
        }

        Job view() {
            return new Job(id, fileName, by, dryRun, started, total, done.get(), state, report);
        }
    }

    private final WordPressImport importer;
    private final Path mediaDir;
    private final Map<String, Running> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "masthead-import");
        thread.setDaemon(true);
        return thread;
    });

    public ImportJobs(WordPressImport importer, Path mediaDir) {
        this.importer = importer;
        this.mediaDir = mediaDir;
    }

    /** Checks the whole file now (throwing BadExport for one that cannot be imported) and queues its import. */
    Job start(Path file, String fileName, String by, boolean dryRun) {
        long total = importer.check(file);
        Running job = new Running(UUID.randomUUID().toString(), fileName, by, dryRun, total);
        jobs.put(job.id, job);
        forgetOld();
        worker.submit(() -> run(job, file));
        return job.view();
    }

    private void run(Running job, Path file) {
        job.state = State.RUNNING;
        try {
            var report = importer.run(file, new WordPressImport.Options(null, mediaDir, job.dryRun), job.done::addAndGet);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            try (PrintWriter out = new PrintWriter(text, true, StandardCharsets.UTF_8)) {
                report.print(out);
            }
            job.report = text.toString(StandardCharsets.UTF_8);
            job.state = State.FINISHED;
        } catch (RuntimeException e) {
            job.report = "Nothing was imported: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            job.state = State.FAILED;
        } finally {
            ImportRoutes.delete(file);
        }
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Running::view);
    }

    List<Job> recent() {
        return jobs.values().stream().map(Running::view).sorted(Comparator.comparing(Job::started).reversed()).toList();
    }

    private void forgetOld() {
        List<Running> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing((Running r) -> r.started).reversed());
        for (Running old : all.subList(Math.min(KEPT, all.size()), all.size())) {
            if (old.state == State.FINISHED || old.state == State.FAILED) {
                jobs.remove(old.id);
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
