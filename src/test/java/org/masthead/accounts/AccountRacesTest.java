package org.masthead.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.newsroom.NewsroomClient;

/**
 * Checks followed by writes, tried by many requests at the same moment: password guesses
 * against the sign-in limit, the first admin's setup, two accounts for one address.
 */
class AccountRacesTest {
    private static final String PASSWORD = "harbour-lights-42";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void simultaneousGuessesGetNoMoreTriesThanTheLimit(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            new UserStore(app.database()).add(new UserStore.NewUser("kofi@courier.example", "Kofi", Role.AUTHOR.name(),
                    PASSWORD, PASSWORD));
            List<Callable<HttpResponse<String>>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                NewsroomClient guesser = new NewsroomClient(app);
                String csrf = guesser.csrfToken("/newsroom/login", "/newsroom/login");
                String guess = "guess-number-" + i;
                guesses.add(() -> guesser.post("/newsroom/login",
                        Map.of("_csrf", csrf, "email", "kofi@courier.example", "password", guess)));
            }
            List<Integer> statuses = atOnce(guesses).stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(LoginFailureStore.PER_ACCOUNT);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(30 - LoginFailureStore.PER_ACCOUNT);
            assertThat(new NewsroomClient(app).signIn("kofi@courier.example", PASSWORD).statusCode()).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void simultaneousSetupsMakeOneAdmin(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            List<Callable<HttpResponse<String>>> setups = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                NewsroomClient client = new NewsroomClient(app);
                String csrf = client.csrfToken("/newsroom/setup", "/newsroom/setup");
                String email = "admin" + i + "@courier.example";
                setups.add(() -> client.post("/newsroom/setup", Map.of("_csrf", csrf, "name", "Admin", "email", email,
                        "password", PASSWORD, "repeat", PASSWORD)));
            }
            List<Integer> statuses = atOnce(setups).stream().map(HttpResponse::statusCode).toList();
            assertThat(new UserStore(app.database()).count()).isEqualTo(1);
            assertThat(statuses).containsOnlyOnce(303).containsOnly(303, 404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneAddressGetsOneAccountWhenAddedTwiceAtOnce(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind)).start()) {
            UserStore users = new UserStore(app.database());
            List<Callable<String>> adds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                adds.add(() -> {
                    try {
                        users.add(new UserStore.NewUser("ama@courier.example", "Ama", Role.EDITOR.name(), PASSWORD, PASSWORD));
                        return "added";
                    } catch (IllegalArgumentException e) {
                        return e.getMessage();
                    }
                });
            }
            List<String> outcomes = atOnce(adds);
            assertThat(users.count()).isEqualTo(1);
            assertThat(outcomes).containsOnlyOnce("added");
            assertThat(outcomes.stream().filter(o -> !o.equals("added")))
                    .allSatisfy(o -> assertThat(o).contains("already exists"));
        }
    }

    /** Runs every task at the same moment, each on a thread of its own; their results in order. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
