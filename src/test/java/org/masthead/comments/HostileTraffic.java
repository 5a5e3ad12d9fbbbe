package org.masthead.comments;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
 * Traffic that wants nothing from the site but its resources: a flood of junk URLs and Host
 * headers, each a page the cache has never seen, and slow clients that send their request
 * a byte a second (slowloris). Meanwhile a reader keeps asking for a real page.
 */
final class HostileTraffic {
    private static final int READERS = 4;
    private static final int FLOODERS = 6;
    private static final int SLOW_CONNECTIONS = 200;
    private static final long SLOW_SECONDS = 35;

    private HostileTraffic() {
    }

    /** What readers of one page saw over a while: latencies (µs), statuses, and the duration. */
    private record Reading(List<Long> micros, List<Integer> statuses, long millis) {
        double perSecond() {
            return statuses.size() * 1000.0 / millis;
        }
    }

    static List<Table> flood(FaultSite site) throws Exception {
        ServerProcess server = site.server;
        Visitor visitor = new Visitor(server.base(), Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            visitor.get(CommentSite.ARTICLE_URL);
        }
        Table cache = new Table("4. The page cache's effect on the article page (50 requests one after another)",
                "when", "article, cached", "article with a new query each time (rendered)");
        cache.row("before the flood", sequential(visitor, false), sequential(visitor, true));
        long rssBefore = server.status("VmRSS");
        long threadsBefore = server.status("Threads");
        Reading before = read(server.base(), CommentSite.ARTICLE_URL, 5_000);

        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger junk = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong junkBytes = new java.util.concurrent.atomic.AtomicLong();
        ConcurrentLinkedQueue<Integer> junkStatuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        List<Future<?>> flooders = new ArrayList<>();
        for (int f = 0; f < FLOODERS; f++) {
            flooders.add(pool.submit(() -> {
                Visitor v = new Visitor(server.base(), Duration.ofSeconds(30));
                while (flooding.get()) {
                    int i = junk.incrementAndGet();
                    Visitor.Answer answer = switch (i % 3) {
                        case 0 -> v.get("/?junk=" + i);
                        case 1 -> v.get(CommentSite.ARTICLE_URL + "?junk=" + i);
                        default -> v.get("/", "Host", "junk" + i + ".example");
                    };
                    junkStatuses.add(answer.status());
                    junkBytes.addAndGet(answer.body().length()); // characters; the pages are nearly all ASCII
                }
            }));
        }
        long floodStart = System.nanoTime();
        Reading during = read(server.base(), CommentSite.ARTICLE_URL, 20_000);
        long threadsDuring = server.status("Threads");
        flooding.set(false);
        for (Future<?> f : flooders) {
            f.get();
        }
        double junkPerSecond = junkStatuses.size() * 1e9 / (System.nanoTime() - floodStart);
        pool.shutdown();
        long rssAfter = server.status("VmRSS");
        cache.row("after the flood", sequential(visitor, false), sequential(visitor, true));

        Table flood = new Table("4. Junk-URL flood (" + FLOODERS + " clients: new query strings on / and the article, "
                + "new Host headers on /) while " + READERS + " readers ask for the article",
                "phase", "article requests/s", "article p50", "article p99", "article statuses", "junk requests/s",
                "junk statuses", "server RSS", "server threads");
        flood.row("before", String.format("%,.0f", before.perSecond()), Table.ms(before.micros(), 50),
                Table.ms(before.micros(), 99), Table.statuses(before.statuses()), "-", "-", Table.mb(rssBefore),
                threadsBefore);
        flood.row("during (" + junkStatuses.size() + " junk URLs, " + junkBytes.get() / (1024 * 1024)
                        + " MB of pages)", String.format("%,.0f", during.perSecond()),
                Table.ms(during.micros(), 50), Table.ms(during.micros(), 99), Table.statuses(during.statuses()),
                String.format("%,.0f", junkPerSecond), Table.statuses(junkStatuses), Table.mb(rssAfter) + " after (peak "
                        + Table.mb(server.status("VmHWM")) + ")", threadsDuring);
        return List.of(flood, cache);
    }

    /** p50 of 50 requests for the article one after another; {@code fresh} adds a new query each time (never cached). */
    private static String sequential(Visitor visitor, boolean fresh) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            micros.add(visitor.get(CommentSite.ARTICLE_URL + (fresh ? "?render=" + System.nanoTime() : "")).micros());
        }
        return "p50 " + Table.ms(micros, 50);
    }

    /** {@link #READERS} readers ask for {@code path} as fast as they are answered, for {@code millis}. */
    private static Reading read(String base, String path, long millis) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        long end = System.nanoTime() + millis * 1_000_000;
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(pool.submit(() -> {
                Visitor v = new Visitor(base, Duration.ofSeconds(30));
                while (System.nanoTime() < end) {
                    Visitor.Answer answer = v.get(path);
                    micros.add(answer.micros());
                    statuses.add(answer.status());
                }
            }));
        }
        for (Future<?> r : readers) {
            r.get();
        }
        pool.shutdown();
        return new Reading(new ArrayList<>(micros), new ArrayList<>(statuses), millis);
    }

    /** One connection held open by the client; {@code closedAfter} is when the server ended it (ms), -1 while open. */
    private static final class Held {
        final SocketChannel channel;
        final byte[] request;
        int sent;
        long closedAfter = -1;
        String answered = "";

        Held(int port, String request) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            this.request = request.getBytes(StandardCharsets.US_ASCII);
        }

        /** Sends {@code bytes} more of the request (none past its end); notes an answer or a close. */
        void tick(int bytes, long now) {
            if (closedAfter >= 0) {
                return;
            }
            try {
                ByteBuffer in = ByteBuffer.allocate(4096);
                int read = channel.read(in);
                if (read > 0 && answered.isEmpty()) {
                    String text = new String(in.array(), 0, read, StandardCharsets.US_ASCII);
                    answered = text.lines().findFirst().orElse("");
                }
                if (read < 0) {
                    closedAfter = now;
                    return;
                }
                int n = Math.min(bytes, request.length - sent);
                if (n > 0) {
                    channel.write(ByteBuffer.wrap(request, sent, n));
                    sent += n;
                }
            } catch (IOException e) {
                closedAfter = now;
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    static Table slowloris(FaultSite site) throws Exception {
        ServerProcess server = site.server;
        Reading before = read(server.base(), CommentSite.ARTICLE_URL, 3_000);
        long threadsBefore = server.status("Threads");
        // Header lines that never end: a byte a second keeps each connection from ever being idle.
        String endless = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(4096);
        List<Held> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            Held h = new Held(server.port, endless);
            h.tick("GET / HTTP/1.1\r\n".length(), 0); // the request line at once, then the headers a byte at a time
            slow.add(h);
        }
        Held idle = new Held(server.port, "");
        Held stalled = new Held(server.port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        stalled.tick(Integer.MAX_VALUE, 0);

        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> cached = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> rendered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        Future<?> reader = pool.submit(() -> {
            Visitor v = new Visitor(server.base(), Duration.ofSeconds(30));
            int i = 0;
            while (reading.get()) {
                boolean fresh = ++i % 10 == 0;
                Visitor.Answer answer = v.get(CommentSite.ARTICLE_URL + (fresh ? "?slow=" + i : ""));
                (fresh ? rendered : cached).add(answer.micros());
                statuses.add(answer.status());
                ServerProcess.sleep(20);
            }
        });
        long maxThreads = 0;
        long start = System.nanoTime();
        for (long second = 1; second <= SLOW_SECONDS; second++) {
            Thread.sleep(Math.max(0, start / 1_000_000 + second * 1000 - System.nanoTime() / 1_000_000));
            long now = (System.nanoTime() - start) / 1_000_000;
            for (Held h : slow) {
                h.tick(1, now);
            }
            idle.tick(0, now);
            stalled.tick(0, now);
            maxThreads = Math.max(maxThreads, server.status("Threads"));
        }
        reading.set(false);
        reader.get();
        pool.shutdown();
        List<Held> closed = slow.stream().filter(h -> h.closedAfter >= 0).toList();
        List<String> answers = slow.stream().map(h -> h.answered).filter(a -> !a.isEmpty()).distinct().toList();
        int bytesSent = slow.getFirst().sent;
        slow.forEach(Held::close);
        idle.close();
        stalled.close();

        Table table = new Table("5. Slow clients: " + SLOW_CONNECTIONS + " connections sending a request line, then its headers a "
                + "byte a second for " + SLOW_SECONDS + " s, while one reader asks for the article every 20 ms", "measure", "value");
        table.row("slow connections closed by the server", closed.size() + " of " + SLOW_CONNECTIONS
                + (closed.isEmpty() ? "" : " (first after " + closed.stream().mapToLong(h -> h.closedAfter).min().orElse(0)
                + " ms)") + "; bytes each sent: " + bytesSent);
        table.row("what the slow connections were answered", answers.isEmpty() ? "nothing" : String.join("; ", answers));
        table.row("connection that sent nothing", idle.closedAfter < 0 ? "still open after " + SLOW_SECONDS + " s"
                : "closed by the server after about " + idle.closedAfter / 1000 + " s" + (idle.answered.isEmpty() ? ""
                : " (" + idle.answered + ")"));
        table.row("connection that stopped mid-headers", stalled.closedAfter < 0 ? "still open after " + SLOW_SECONDS + " s"
                : "closed by the server after about " + stalled.closedAfter / 1000 + " s" + (stalled.answered.isEmpty()
                ? "" : " (" + stalled.answered + ")"));
        table.row("reader, article before (4 readers, 3 s)", "p50 " + Table.ms(before.micros(), 50) + ", p99 "
                + Table.ms(before.micros(), 99));
        table.row("reader, article cached, during", "p50 " + Table.ms(cached, 50) + ", p99 " + Table.ms(cached, 99)
                + ", max " + Table.ms(cached, 100));
        table.row("reader, article rendered (new query), during", "p50 " + Table.ms(rendered, 50) + ", max "
                + Table.ms(rendered, 100));
        table.row("reader's statuses during", Table.statuses(statuses));
        table.row("server threads before / max during", threadsBefore + " / " + maxThreads);
        return table;
    }
}
