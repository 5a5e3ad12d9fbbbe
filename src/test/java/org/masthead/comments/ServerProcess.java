package org.masthead.comments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Masthead as an operator runs it: {@code java <launcher options> -jar target/masthead.jar serve}
 * in a process of its own, so it can be killed with SIGKILL and its resident memory and
 * threads read from /proc are the server's alone. The JVM options come from the system
 * property masthead.java.opts (bench/faults.sh passes the launcher's defaults).
 */
final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    final int port;
    private final List<String> command = new ArrayList<>();
    private final Path log;
    private Process process;
    private long startedNanos;

    ServerProcess(Path dataDir, String databaseUrl, Path log) {
        this.port = freePort();
        this.log = log;
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        String options = System.getProperty("masthead.java.opts", "").trim();
        if (!options.isEmpty()) {
            command.addAll(Arrays.asList(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of("target", "masthead.jar").toAbsolutePath().toString(), "serve",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--trusted-proxy", "127.0.0.1"));
        if (databaseUrl != null) {
            command.addAll(List.of("--database-url", databaseUrl));
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process; it is serving once {@link #awaitFirst200} returns. */
    ServerProcess start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // as the launcher sets it
        try {
            startedNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Milliseconds from {@link #start} to the first 200 for {@code path}, asking every 20 ms. */
    long awaitFirst200(String path, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        throw new IllegalStateException("the server did not answer 200 for " + path + " within " + limit + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM, as a supervisor stops it. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    long pid() {
        return process.pid();
    }

    /** A field of /proc/PID/status as a number (kB for memory, a count for Threads); -1 when gone. */
    long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
