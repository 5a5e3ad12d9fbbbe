package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.accounts.UserStore;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.comments.NewComment;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.newsroom.NewsroomClient;

/**
 * The API's writes on a fresh site per database: tokens issued in the newsroom (shown once, kept
 * hashed, revocable, audited), drafts written, edited and published with the newsroom's rules and
 * sanitizer, comments moderated, and hostile requests refused with clear JSON and nothing changed.
 */
class ApiWriteTest {
    private static final String PASSWORD = "harbour-lights-42";
    private static final Map<Kind, Site> SITES = new EnumMap<>(Kind.class);

    /** A site with a section, an author, an article written by the site, and one account per role. */
    private record Site(App app, Map<Role, User> users, NewsroomClient admin, long siteArticle) {
    }

    private static synchronized Site site(Kind kind) {
        return SITES.computeIfAbsent(kind, k -> {
            App app = App.create(TestSites.config(k)).start();
            Markdown markdown = new Markdown(MediaResolver.NONE);
            long article = app.database().write(tx -> {
                long section = new SectionStore(app.database()).add(tx, "harbour", "Harbour", "Ships and quays.", null, 0);
                long author = new AuthorStore(markdown).add(tx, "mara-okonjo", "Mara Okonjo", "Harbour reporter", "", null);
                new AuthorStore(markdown).add(tx, "ines-barros", "Ines Barros", "City reporter", "", null);
                return new ArticleStore(markdown).create(tx, ArticleEdit.of("night-ferries", "Night ferries return", "Dek",
                        "Body.", section, ArticleStatus.PUBLISHED, Instant.now().minusSeconds(3600)).withByline(List.of(author)),
                        ArticleEdit.By.SYSTEM);
            });
            UserStore store = new UserStore(app.database());
            Map<Role, User> users = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                users.put(role, store.add(new UserStore.NewUser(role.name().toLowerCase() + "@courier.example",
                        "Test " + role.label(), role.name(), PASSWORD, PASSWORD)));
            }
            NewsroomClient admin = new NewsroomClient(app);
            assertThat(admin.signIn("admin@courier.example", PASSWORD).statusCode()).isEqualTo(303);
            return new Site(app, users, admin, article);
        });
    }

    @AfterAll
    static synchronized void closeSites() {
        SITES.values().forEach(s -> s.app().close());
        SITES.clear();
    }

    /** Issues a token for {@code role}'s account on its tokens page, as an admin does; returns the token shown. */
    private static String issue(Site site, Role role, String name) {
        String page = "/newsroom/users/" + site.users().get(role).id() + "/tokens";
        HttpResponse<String> issued = site.admin().submit(page, page, Map.of("name", name));
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = Jsoup.parse(issued.body()).selectFirst("#issued-token").val();
        assertThat(token).startsWith("mh_").hasSizeGreaterThan(40);
        return token;
    }

    private static HttpResponse<String> call(Site site, String method, String path, String token, String json,
                                             String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app()) + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return TestSites.send(site.app(), request);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static JsonObject openApi(Site site) {
        return JsonParser.parseString(TestSites.get(site.app(), "/api/openapi.json").body()).getAsJsonObject();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> audit(Site site) {
        return new AuditStore(site.app().database()).latest(500, 0).stream()
                .map(e -> e.userName() + " " + e.action() + " " + e.target() + " " + e.detail()).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tokensAreShownOnceKeptHashedAuditedAndRevocable(Kind kind) throws Exception {
        Site site = site(kind);
        String token = issue(site, Role.EDITOR, "Wire desk importer");
        long editor = site.users().get(Role.EDITOR).id();
        String page = "/newsroom/users/" + editor + "/tokens";
        Document again = site.admin().page(page);
        assertThat(again.html()).doesNotContain(token);
        assertThat(again.select("tbody tr").eachText()).anyMatch(row -> row.contains("Wire desk importer") && row.contains("Never"));
        List<String> stored = site.app().database().read(h -> h.createQuery("select token_hash from api_tokens")
                .mapTo(String.class).list());
        assertThat(stored).contains(sha256(token)).noneMatch(hash -> hash.contains(token) || token.contains(hash));
        String everything = site.app().database().read(h -> h.createQuery(
                "select name || ' ' || token_hash || ' ' || created_by from api_tokens").mapTo(String.class).list()).toString();
        assertThat(everything).doesNotContain(token).doesNotContain(token.substring(3));
        assertThat(audit(site)).anyMatch(e -> e.startsWith("Test Admin issued an API token user:" + editor + " Wire desk importer"));

        // A contributor cannot reach the tokens page, nor can anyone signed out.
        NewsroomClient contributor = new NewsroomClient(site.app());
        contributor.signIn("contributor@courier.example", PASSWORD);
        assertThat(contributor.get(page).statusCode()).isEqualTo(403);
        assertThat(site.admin().submit(page, page, Map.of("name", " ")).statusCode()).isEqualTo(422);

        HttpResponse<String> used = call(site, "POST", "/api/v1/comments/999999999/status", token, "{\"status\":\"spam\"}");
        assertThat(used.statusCode()).isEqualTo(404);
        assertThat(site.admin().page(page).select("tbody tr").eachText())
                .anyMatch(row -> row.contains("Wire desk importer") && !row.contains("Never"));

        String hash = sha256(token);
        long id = site.app().database().read(h -> h.createQuery("select id from api_tokens where token_hash = :h")
                .bind("h", hash).mapTo(Long.class).one());
        String revoke = page + "/" + id + "/revoke";
        assertThat(site.admin().submit(page, revoke, Map.of()).statusCode()).isEqualTo(303);
        assertThat(audit(site)).anyMatch(e -> e.startsWith("Test Admin revoked an API token user:" + editor));
        HttpResponse<String> refused = call(site, "POST", "/api/v1/comments/999999999/status", token, "{\"status\":\"spam\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("www-authenticate").orElseThrow()).contains("Bearer").contains("invalid_token");
        assertThat(json(refused).getAsJsonObject("error").get("code").getAsString()).isEqualTo("invalid_token");
        assertThat(site.admin().page(page).select("tbody tr").eachText()).anyMatch(row -> row.contains("Revoked"));

        for (String authorization : new String[] {null, "Bearer", "Bearer mh_" + "A".repeat(43), "Basic YWRtaW46YWRtaW4=",
                "Bearer " + token.substring(0, token.length() - 1)}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app()) + "/api/v1/articles"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"headline\":\"x\"}")).header("Content-Type", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = TestSites.send(site.app(), request);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("www-authenticate").orElseThrow()).startsWith("Bearer realm=");
            assertThat(ApiTest.problems(openApi(site), "post", "/api/v1/articles", 401, response.body())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editorsWriteEditAndPublishThroughTheNewsroomsRulesAndSanitizer(Kind kind) {
        Site site = site(kind);
        JsonObject doc = openApi(site);
        String token = issue(site, Role.EDITOR, "Newsroom script");
        String draft = """
                {"headline": "Harbour crane <b>returns</b>", "section": "harbour", "authors": ["ines-barros", "mara-okonjo"],
                 "tags": ["Port", "Cranes"], "dek": "After a year away",
                 "body": "The crane is **back**.\\r\\n\\r\\n<script>alert('x')</script>\\n\\n<p onclick=\\"steal()\\">Quayside</p>\\n\\n[link](javascript:alert(1))"}""";
        HttpResponse<String> created = call(site, "POST", "/api/v1/articles", token, draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ApiTest.problems(doc, "post", "/api/v1/articles", 201, created.body())).isEmpty();
        assertThat(created.headers().firstValue("access-control-allow-origin")).isEmpty();
        JsonObject article = json(created);
        long id = article.get("id").getAsLong();
        assertThat(created.headers().firstValue("location")).hasValue("/api/v1/articles/" + id);
        assertThat(article.get("status").getAsString()).isEqualTo("draft");
        assertThat(article.get("slug").getAsString()).startsWith("harbour-crane");
        assertThat(article.getAsJsonArray("authors").toString()).isEqualTo("[\"ines-barros\",\"mara-okonjo\"]");
        assertThat(article.get("body").getAsString()).doesNotContain("\r");
        String etag = created.headers().firstValue("etag").orElseThrow();
        assertThat(TestSites.get(site.app(), "/api/v1/articles/" + id).statusCode()).isEqualTo(404); // a draft is not public
        assertThat(audit(site)).anyMatch(e -> e.startsWith("Test Editor created article article:" + id));

        HttpResponse<String> edited = call(site, "PATCH", "/api/v1/articles/" + id, token,
                "{\"dek\": \"After a year in the yard\", \"tags\": [\"Port\"]}", "If-Match", etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(ApiTest.problems(doc, "patch", "/api/v1/articles/{id}", 200, edited.body())).isEmpty();
        assertThat(json(edited).get("dek").getAsString()).isEqualTo("After a year in the yard");
        assertThat(json(edited).get("headline").getAsString()).isEqualTo("Harbour crane <b>returns</b>"); // kept
        assertThat(json(edited).getAsJsonArray("tags").toString()).isEqualTo("[\"Port\"]");
        String newer = edited.headers().firstValue("etag").orElseThrow();
        assertThat(newer).isNotEqualTo(etag);

        HttpResponse<String> stale = call(site, "PATCH", "/api/v1/articles/" + id, token, "{\"dek\": \"Lost\"}", "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("etag")).hasValue(newer);
        assertThat(ApiTest.problems(doc, "patch", "/api/v1/articles/{id}", 412, stale.body())).isEmpty();

        HttpResponse<String> published = call(site, "POST", "/api/v1/articles/" + id + "/publish", token, null, "If-Match", newer);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(ApiTest.problems(doc, "post", "/api/v1/articles/{id}/publish", 200, published.body())).isEmpty();
        assertThat(json(published).get("status").getAsString()).isEqualTo("published");
        String url = json(published).get("url").getAsString();
        assertThat(audit(site)).anyMatch(e -> e.startsWith("Test Editor published article article:" + id));

        HttpResponse<String> page = TestSites.get(site.app(), URI.create(url).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        Document reader = Jsoup.parse(page.body());
        var body = reader.selectFirst("article");
        assertThat(body.html()).contains("<strong>back</strong>").contains("Quayside");
        assertThat(body.select("script")).isEmpty();
        assertThat(body.select("[onclick]")).isEmpty();
        assertThat(body.select("a[href^=javascript]")).isEmpty();
        assertThat(body.html()).doesNotContain("steal()").doesNotContain("alert(");
        assertThat(reader.select("h1").text()).isEqualTo("Harbour crane <b>returns</b>");
        assertThat(TestSites.get(site.app(), "/api/v1/articles/" + id).statusCode()).isEqualTo(200);

        // The editor may change anyone's article, as in the newsroom.
        HttpResponse<String> others = call(site, "PATCH", "/api/v1/articles/" + site.siteArticle(), token, "{\"dek\": \"Updated\"}");
        assertThat(others.statusCode()).as(others.body()).isEqualTo(200);
        // Publishing from the trash makes no sense: 409 with the desk's reason.
        long trashed = site.app().database().write(tx -> new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx,
                ArticleEdit.of("old-story", "Old story", "", "Text.", sectionId(site), ArticleStatus.TRASH, null),
                ArticleEdit.By.SYSTEM));
        HttpResponse<String> fromTrash = call(site, "POST", "/api/v1/articles/" + trashed + "/publish", token, "{}");
        assertThat(fromTrash.statusCode()).isEqualTo(409);
        assertThat(json(fromTrash).getAsJsonObject("error").get("message").getAsString()).contains("trash");
    }

    private static long sectionId(Site site) {
        return site.app().database().read(h -> h.createQuery("select id from sections where slug = 'harbour'").mapTo(Long.class).one());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void simultaneousEditsEitherSaveOrAnswerAnEditConflict(Kind kind) throws Exception {
        Site site = site(kind);
        String token = issue(site, Role.EDITOR, "Two scripts at once");
        HttpResponse<String> created = call(site, "POST", "/api/v1/articles", token,
                "{\"headline\": \"Tug strike\", \"section\": \"harbour\", \"authors\": [\"mara-okonjo\"]}");
        long id = json(created).get("id").getAsLong();
        int start = json(created).get("version").getAsInt();
        List<java.util.concurrent.Callable<HttpResponse<String>>> edits = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String dek = "{\"dek\": \"Edit " + i + "\"}";
            edits.add(() -> call(site, "PATCH", "/api/v1/articles/" + id, token, dek));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        try {
            for (var future : pool.invokeAll(edits)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        long saved = answers.stream().filter(a -> a.statusCode() == 200).count();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(200, 409));
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> {
            assertThat(json(a).getAsJsonObject("error").get("code").getAsString()).isEqualTo("edit_conflict");
            assertThat(a.headers().firstValue("etag")).isPresent();
        });
        int end = site.app().database().read(h -> h.createQuery("select version from articles where id = :id").bind("id", id)
                .mapTo(Integer.class).one());
        assertThat(end - start).isEqualTo((int) saved); // every 200 is one saved version, no 409 saved anything
        assertThat(saved).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void contributorsWriteTheirOwnDraftsButCannotPublishOrModerate(Kind kind) {
        Site site = site(kind);
        JsonObject doc = openApi(site);
        String token = issue(site, Role.CONTRIBUTOR, "Stringer's laptop");
        HttpResponse<String> created = call(site, "POST", "/api/v1/articles", token,
                "{\"headline\": \"Tide tables\", \"section\": \"harbour\", \"authors\": [\"mara-okonjo\"], \"body\": \"Low water at six.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").getAsLong();
        int version = json(created).get("version").getAsInt();

        HttpResponse<String> publish = call(site, "POST", "/api/v1/articles/" + id + "/publish", token, null);
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(json(publish).getAsJsonObject("error").get("message").getAsString()).contains("Contributors cannot publish");
        assertThat(ApiTest.problems(doc, "post", "/api/v1/articles/{id}/publish", 403, publish.body())).isEmpty();
        assertThat(call(site, "PATCH", "/api/v1/articles/" + site.siteArticle(), token, "{\"dek\": \"Mine now\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> moderate = call(site, "POST", "/api/v1/comments/1/status", token, "{\"status\":\"approved\"}");
        assertThat(moderate.statusCode()).isEqualTo(403);
        String status = site.app().database().read(h -> h.createQuery("select status || ' ' || version from articles where id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(status).isEqualTo("DRAFT " + version);
        assertThat(TestSites.get(site.app(), "/api/v1/articles/" + id).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void editorsModerateCommentsAsTheQueueDoes(Kind kind) {
        Site site = site(kind);
        JsonObject doc = openApi(site);
        CommentStore comments = new CommentStore(site.app().database());
        String body = "Will the ferry run on Sundays too?";
        Comment held = site.app().database().write(tx -> comments.add(tx, new NewComment(site.siteArticle(), null, "Ada",
                "ada@readers.example", "", body, "203.0.113.9"), 0, CommentStatus.PENDING, List.of("held"), 0.5,
                CommentGate.fingerprint(body), "203.0.113.0", null));
        String token = issue(site, Role.EDITOR, "Moderation bot");
        String path = "/api/v1/comments/" + held.id() + "/status";
        HttpResponse<String> approved = call(site, "POST", path, token, "{\"status\":\"approved\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(ApiTest.problems(doc, "post", "/api/v1/comments/{id}/status", 200, approved.body())).isEmpty();
        assertThat(json(approved).get("previous_status").getAsString()).isEqualTo("pending");
        assertThat(TestSites.get(site.app(), "/api/v1/articles/" + site.siteArticle() + "/comments").body()).contains(body);
        assertThat(audit(site)).anyMatch(e -> e.startsWith("Test Editor approved a comment comment:" + held.id()));

        HttpResponse<String> again = call(site, "POST", path, token, "{\"status\":\"approved\"}");
        assertThat(json(again).get("changed").getAsBoolean()).isFalse();
        HttpResponse<String> backToPending = call(site, "POST", path, token, "{\"status\":\"pending\"}");
        assertThat(backToPending.statusCode()).isEqualTo(409); // the queue restores to pending only from the trash
        HttpResponse<String> unknown = call(site, "POST", path, token, "{\"status\":\"published\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).getAsJsonObject("error").get("field").getAsString()).isEqualTo("status");
        assertThat(call(site, "POST", path, token, "{\"status\":\"trash\"}").statusCode()).isEqualTo(200);
        assertThat(call(site, "POST", path, token, "{\"status\":\"pending\"}").statusCode()).isEqualTo(200);
        assertThat(comments.find(held.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileBodiesAreRefusedClearlyAndChangeNothing(Kind kind) {
        Site site = site(kind);
        JsonObject doc = openApi(site);
        String token = issue(site, Role.ADMIN, "Fuzzer");
        String article = "/api/v1/articles/" + site.siteArticle();
        String before = snapshot(site);
        record Bad(String method, String path, String contentType, byte[] body, int status, String field) {
        }
        byte[] deep = ("{\"headline\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
        List<Bad> bad = List.of(
                new Bad("POST", "/api/v1/articles", null, bytes("{\"headline\":\"x\"}"), 415, null),
                new Bad("POST", "/api/v1/articles", "text/plain", bytes("{\"headline\":\"x\"}"), 415, null),
                new Bad("POST", "/api/v1/articles", "application/x-www-form-urlencoded", bytes("headline=x"), 415, null),
                new Bad("POST", "/api/v1/articles", "application/json; charset=iso-8859-1", bytes("{}"), 415, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes(""), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("[]"), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\":"), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\":\"x\"} {}"), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{'headline':'x'}"), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", deep, 400, "headline"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("[".repeat(200_000)), 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, 400, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\": 5}"), 400, "headline"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\": \"x\", \"status\": \"published\"}"), 400, "status"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\": \"x\", \"headline\": \"y\"}"), 400, "headline"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"tags\": [1]}"), 400, "tags"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"tags\": [[[\"x\"]]]}"), 400, "tags"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"image\": \"3\"}"), 400, "image"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"image\": 1.5}"), 400, "image"),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"comments_open\": \"yes\"}"), 400, "comments_open"),
                new Bad("POST", "/api/v1/articles", "application/json",
                        bytes("{\"headline\": \"" + "x".repeat(1_100_000) + "\"}"), 413, null),
                new Bad("POST", "/api/v1/articles", "application/json", bytes("{\"headline\": \"\", \"section\": \"harbour\"}"), 422, "headline"),
                new Bad("POST", "/api/v1/articles", "application/json",
                        bytes("{\"headline\": \"x\", \"section\": \"no-such-section\"}"), 422, "section"),
                new Bad("POST", "/api/v1/articles", "application/json",
                        bytes("{\"headline\": \"x\", \"section\": \"harbour\", \"authors\": [\"nobody\"]}"), 422, "authors"),
                new Bad("POST", "/api/v1/articles", "application/json",
                        bytes("{\"headline\": \"x\", \"section\": \"harbour\", \"authors\": [\"mara-okonjo\"], \"slug\": \"Not A Slug\"}"),
                        422, "slug"),
                new Bad("PATCH", article, "application/json", bytes("{\"headline\": \"" + "h".repeat(301) + "\"}"), 422, "headline"),
                new Bad("PATCH", article, "application/json", bytes("{\"slug\": \"../admin\"}"), 422, "slug"),
                new Bad("PATCH", article, "application/json", bytes("{\"label\": \"Sponsored\"}"), 422, "sponsor"),
                new Bad("PATCH", article, "application/json", bytes("{\"body\": null}"), 400, "body"),
                new Bad("PATCH", article, "application/json", bytes("{\"tags\": [\"a,b\"]}"), 422, "tags"),
                new Bad("PATCH", "/api/v1/articles/abc", "application/json", bytes("{}"), 400, "id"),
                new Bad("PATCH", "/api/v1/articles/999999999", "application/json", bytes("{}"), 404, null),
                new Bad("POST", article + "/publish", "application/json", bytes("{\"now\": true}"), 400, "now"),
                new Bad("POST", "/api/v1/comments/1/status", "application/json", bytes("{\"status\": [\"spam\"]}"), 400, "status"));
        for (Bad b : bad) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSites.baseUrl(site.app()) + b.path()))
                    .method(b.method(), HttpRequest.BodyPublishers.ofByteArray(b.body())).header("Authorization", "Bearer " + token)
                    // As a careful client sends a large body: the server can refuse it (413) before any of it is
                    // sent, instead of closing on a half-sent body, which on loopback may reset the connection
                    // before the client reads the answer.
                    .expectContinue(true);
            if (b.contentType() != null) {
                request.header("Content-Type", b.contentType());
            }
            HttpResponse<String> response = TestSites.send(site.app(), request);
            String what = b.method() + " " + b.path() + " " + new String(b.body(), 0, Math.min(60, b.body().length), StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(b.status());
            JsonObject error = json(response).getAsJsonObject("error");
            assertThat(error.get("message").getAsString()).as(what).isNotBlank();
            if (b.field() != null) {
                assertThat(error.get("field").getAsString()).as(what).isEqualTo(b.field());
            }
            String documented = b.path().startsWith("/api/v1/comments") ? "/api/v1/comments/{id}/status"
                    : b.path().endsWith("/publish") ? "/api/v1/articles/{id}/publish"
                    : b.method().equals("PATCH") ? "/api/v1/articles/{id}" : "/api/v1/articles";
            assertThat(ApiTest.problems(doc, b.method().toLowerCase(), documented, b.status(), response.body())).as(what).isEmpty();
        }
        HttpResponse<String> invalid = call(site, "POST", "/api/v1/articles", token, "{\"headline\": \"\", \"label\": \"Gossip\"}");
        assertThat(json(invalid).getAsJsonObject("error").getAsJsonArray("errors").toString())
                .contains("\"headline\"").contains("\"section\"").contains("\"authors\"").contains("\"label\"");
        assertThat(snapshot(site)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachTokenHasAWriteRateLimit(Kind kind) {
        Site site = site(kind);
        String token = issue(site, Role.EDITOR, "Runaway script");
        for (int i = 0; i < WriteRoutes.REQUESTS_PER_MINUTE; i++) {
            assertThat(call(site, "POST", "/api/v1/comments/999999999/status", token, "{\"status\":\"spam\"}").statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> limited = call(site, "POST", "/api/v1/comments/999999999/status", token, "{\"status\":\"spam\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.headers().firstValue("retry-after").orElseThrow())).isBetween(1, 60);
        assertThat(ApiTest.problems(openApi(site), "post", "/api/v1/comments/{id}/status", 429, limited.body())).isEmpty();
        // Another token of the same account has its own allowance.
        String other = issue(site, Role.EDITOR, "Second script");
        assertThat(call(site, "POST", "/api/v1/comments/999999999/status", other, "{\"status\":\"spam\"}").statusCode())
                .isEqualTo(404);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a write would change: article rows and versions, revisions, tags, comments' statuses and the audit log's length. */
    private static String snapshot(Site site) {
        return site.app().database().read(h -> h.createQuery("select id || ':' || status || ':' || version || ':' || dek from articles order by id")
                .mapTo(String.class).list() + " " + h.createQuery("select count(*) from article_revisions").mapTo(Long.class).one()
                + " " + h.createQuery("select count(*) from tags").mapTo(Long.class).one()
                + " " + h.createQuery("select count(*) from audit_log where action not like '%API token%'").mapTo(Long.class).one()
                + " " + h.createQuery("select id || status from comments order by id").mapTo(String.class).list());
    }
}
