package org.masthead.comments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Comment posting against a real server: SIGKILL in the middle of a comment load (then what
 * was answered compared with what was stored), and batches of posts released at the same
 * moment against the single-use form token and the per-email and per-network limits.
 */
final class CommentFaults {
    static final int WRITERS = 8;
    /** Posts answered before the kill: the load is under way, not starting, when the server dies. */
    private static final int POSTS_BEFORE_KILL = 60;
    private static final long LOAD_AFTER_RESTART_MILLIS = 5_000;

    /** One post and what it got: status (-1 no answer) and the comment id it was answered with. */
    private record Posted(String body, int status, long id) {
    }

    private CommentFaults() {
    }

    /** N writers post the way a browser does; the server is killed mid-load and started again. */
    static void killUnderLoad(FaultSite site, Table table) throws Exception {
        String domain = "kill-" + site.label.toLowerCase(java.util.Locale.ROOT) + ".example";
        ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger clients = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                Visitor visitor = new Visitor(site.server.base(), Duration.ofSeconds(15));
                while (running.get()) {
                    int client = clients.incrementAndGet();
                    String address = HostileComments.address(client);
                    Map<String, String> form = visitor.articleForm(address);
                    if (form == null) {
                        ServerProcess.sleep(25); // the server is away; a reader would reload
                        continue;
                    }
                    String body = "Kill-test comment " + client + " from writer " + writer + ", " + UUID.randomUUID() + ".";
                    Visitor.Answer answer = visitor.post(Visitor.filled(form, "Writer " + writer,
                            "w" + client + "@" + domain, body), address, false);
                    posted.add(new Posted(body, answer.status(), answer.commentId()));
                }
            }));
        }
        long patience = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (posted.size() < POSTS_BEFORE_KILL && System.nanoTime() < patience) {
            Thread.sleep(10);
        }
        int beforeKill = posted.size();
        site.server.kill();
        site.server.start();
        long firstPage = site.server.awaitFirst200("/", Duration.ofSeconds(90));
        Thread.sleep(LOAD_AFTER_RESTART_MILLIS);
        running.set(false);
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        Map<String, List<Long>> stored = new HashMap<>();
        for (String[] row : site.comments(domain)) {
            stored.computeIfAbsent(row[1], b -> new ArrayList<>()).add(Long.parseLong(row[0]));
        }
        int acknowledged = 0;
        int kept = 0;
        int lost = 0;
        int unansweredStored = 0;
        List<Integer> statuses = new ArrayList<>();
        for (Posted p : posted) {
            statuses.add(p.status());
            List<Long> ids = stored.getOrDefault(p.body(), List.of());
            if (p.status() == 303) {
                acknowledged++;
                if (ids.contains(p.id())) {
                    kept++;
                } else {
                    lost++;
                }
            } else if (!ids.isEmpty()) {
                unansweredStored++;
            }
        }
        long twice = stored.values().stream().filter(ids -> ids.size() > 1).count();
        int rows = stored.values().stream().mapToInt(List::size).sum();
        table.row(site.label, WRITERS, posted.size() + " (" + beforeKill + " answered before the kill)", Table.statuses(statuses),
                acknowledged, rows, kept, lost, twice, unansweredStored, firstPage + " ms (first start: "
                + site.firstStartMillis + " ms)");
    }

    static Table killTable() {
        return new Table("1. kill -9 under comment load",
                "database", "writers", "posts sent", "answers", "acknowledged (303)", "stored", "acknowledged and stored",
                "acknowledged but lost", "stored twice", "stored without a 303", "restart to first 200 of /");
    }

    static Table racesTable() {
        return new Table("3. Simultaneous posts", "database", "batch", "posts at once", "allowed", "stored", "answers");
    }

    /** Batches released at one moment, each post from its own thread and connection. */
    static void races(FaultSite site, Table table) throws Exception {
        String run = site.label.toLowerCase(java.util.Locale.ROOT);
        Visitor visitor = new Visitor(site.server.base(), Duration.ofSeconds(30));
        String article = Long.toString(site.article);

        String click = "click-" + run + ".example";
        Map<String, String> once = Visitor.filled(visitor.articleForm("192.0.2.10"), "Ada", "ada@" + click,
                "The pilot boat looks sturdy from the quay.");
        List<Integer> answers = fire(site, List.of(new Post(once, "192.0.2.10", false), new Post(once, "192.0.2.10", false)));
        table.row(site.label, "one form sent twice (double-click)", 2, 1, site.comments(click).size(), Table.statuses(answers));

        String limit = "limit-" + run + ".example";
        List<Post> sameEmail = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sameEmail.add(new Post(Visitor.filled(Visitor.form(article, visitor.token(site.article)), "Eve", "eve@" + limit,
                    "Comment " + i + " about tides and pilots."), HostileComments.address(40_000 + i), true));
        }
        answers = fire(site, sameEmail);
        table.row(site.label, "12 forms, one email, 12 networks", 12, RateSignal.PER_EMAIL, site.comments(limit).size(),
                Table.statuses(answers));

        String same = "same-" + run + ".example";
        Map<String, String> identical = Visitor.filled(Visitor.form(article, visitor.token(site.article)), "Finn",
                "finn@" + same, "Fifty copies of one opinion on the harbour.");
        List<Post> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Post(identical, "192.0.2.20", false));
        }
        answers = fire(site, fifty);
        table.row(site.label, "one form sent 50 times (identical requests)", 50, 1, site.comments(same).size(),
                Table.statuses(answers));

        String network = "network-" + run + ".example";
        List<Post> oneNetwork = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            oneNetwork.add(new Post(Visitor.filled(Visitor.form(article, visitor.token(site.article)), "Reader " + i,
                    "reader" + i + "@" + network, "Reader " + i + " sees the new pilot boat differently."),
                    "198.51.100." + (i + 1), false));
        }
        answers = fire(site, oneNetwork);
        table.row(site.label, "50 forms, 50 emails, one /24 network", 50, RateSignal.PER_NETWORK,
                site.comments(network).size(), Table.statuses(answers));
    }

    private record Post(Map<String, String> form, String address, boolean json) {
    }

    private static List<Integer> fire(FaultSite site, List<Post> posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        try {
            CountDownLatch ready = new CountDownLatch(posts.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (Post post : posts) {
                Visitor own = new Visitor(site.server.base(), Duration.ofSeconds(30));
                sent.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return own.post(post.form(), post.address(), post.json()).status();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : sent) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
