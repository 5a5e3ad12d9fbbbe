package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.web.PageCache;

/**
 * The read API on the demo site: the OpenAPI description matches the real routes, every answer
 * fits its documented schema, lists page with cursors, and hostile parameters get clear JSON errors.
 */
class ApiTest {

    private static JsonObject openApi(App app) {
        HttpResponse<String> response = TestSites.get(app, "/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Problems of {@code body} against the schema the description gives for a GET of {@code path} answering {@code status}. */
    private static List<String> problems(JsonObject doc, String path, int status, String body) {
        return problems(doc, "get", path, status, body);
    }

    /** Problems of {@code body} against the schema the description gives for {@code method} on {@code path} and {@code status}. */
    static List<String> problems(JsonObject doc, String method, String path, int status, String body) {
        JsonObject schemaRef = doc.getAsJsonObject("paths").getAsJsonObject(path).getAsJsonObject(method)
                .getAsJsonObject("responses").getAsJsonObject(Integer.toString(status)).getAsJsonObject("content")
                .getAsJsonObject("application/json").getAsJsonObject("schema");
        JsonObject schema = new JsonObject();
        schema.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.add("$ref", schemaRef.get("$ref"));
        schema.add("components", doc.get("components"));
        var compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema.toString());
        return compiled.validate(body, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static HttpResponse<String> get(App app, String path) {
        return TestSites.get(app, path);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theDescriptionNamesExactlyTheRealRoutesAndTheirParameters(Kind kind) {
        App app = TestSites.demo(kind);
        JsonObject doc = openApi(app);
        assertThat(doc.get("openapi").getAsString()).isEqualTo("3.1.0");
        Map<String, Set<String>> routes = new ApiRoutes(app.database(), () -> null, new PageCache()).routes();
        Map<String, Set<String>> writes = WriteRoutes.routes();
        Set<String> all = new TreeSet<>(routes.keySet());
        all.addAll(writes.keySet());
        assertThat(new TreeSet<>(doc.getAsJsonObject("paths").keySet())).isEqualTo(all);
        for (String path : all) {
            Set<String> methods = new TreeSet<>(writes.getOrDefault(path, Set.of()));
            if (routes.containsKey(path)) {
                methods.add("get");
            }
            assertThat(new TreeSet<>(doc.getAsJsonObject("paths").getAsJsonObject(path).keySet())).as(path).isEqualTo(methods);
        }
        // Every write names the bearer scheme, which the description defines.
        writes.forEach((path, methods) -> methods.forEach(method -> assertThat(doc.getAsJsonObject("paths")
                .getAsJsonObject(path).getAsJsonObject(method).getAsJsonArray("security").toString()).as(path).contains("bearer")));
        assertThat(doc.getAsJsonObject("components").getAsJsonObject("securitySchemes").getAsJsonObject("bearer")
                .get("scheme").getAsString()).isEqualTo("bearer");
        routes.forEach((path, parameters) -> {
            Set<String> documented = new TreeSet<>();
            for (JsonElement p : doc.getAsJsonObject("paths").getAsJsonObject(path).getAsJsonObject("get").getAsJsonArray("parameters")) {
                if (p.getAsJsonObject().get("in").getAsString().equals("query")) {
                    documented.add(p.getAsJsonObject().get("name").getAsString());
                }
            }
            assertThat(documented).as(path).isEqualTo(new TreeSet<>(parameters));
        });
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyDocumentedRouteAnswersWithItsSchema(Kind kind) {
        App app = TestSites.demo(kind);
        JsonObject doc = openApi(app);
        JsonObject first = JsonParser.parseString(get(app, "/api/v1/articles?limit=1").body()).getAsJsonObject()
                .getAsJsonArray("items").get(0).getAsJsonObject();
        long commented = app.database().read(h -> h.createQuery("""
                select a.id from articles a join comments c on c.article_id = a.id
                where a.status = 'PUBLISHED' and c.status = 'APPROVED' group by a.id order by count(*) desc limit 1""")
                .mapTo(Long.class).one());
        Map<String, String> examples = Map.of("{id}", Long.toString(commented), "{slug}", "");
        for (String path : doc.getAsJsonObject("paths").keySet()) {
            if (!doc.getAsJsonObject("paths").getAsJsonObject(path).has("get")) {
                continue; // writes: ApiWriteTest
            }
            String concrete = path.replace("{id}", examples.get("{id}"));
            if (path.contains("{slug}")) {
                String list = path.substring(0, path.indexOf("/{slug}"));
                JsonObject item = JsonParser.parseString(get(app, list).body()).getAsJsonObject().getAsJsonArray("items")
                        .get(0).getAsJsonObject();
                concrete = path.replace("{slug}", item.get("slug").getAsString());
            }
            HttpResponse<String> response = get(app, concrete);
            assertThat(response.statusCode()).as(concrete).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
            assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("*");
            assertThat(problems(doc, path, 200, response.body())).as(concrete).isEmpty();
            String etag = response.headers().firstValue("etag").orElseThrow();
            assertThat(TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + concrete))
                    .header("If-None-Match", etag)).statusCode()).as(concrete).isEqualTo(304);
        }
        // The check does refuse what the description does not allow.
        assertThat(problems(doc, "/api/v1/articles/{id}", 200, "{\"id\":\"one\",\"secret\":1}")).isNotEmpty();
        JsonObject article = JsonParser.parseString(get(app, "/api/v1/articles/" + first.get("id").getAsLong()).body()).getAsJsonObject();
        assertThat(article.get("headline").getAsString()).isEqualTo(first.get("headline").getAsString());
        assertThat(article.get("body_html").getAsString()).contains("<p>");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void cursorsWalkTheWholeListOnceAndFiltersHold(Kind kind) {
        App app = TestSites.demo(kind);
        long published = app.database().read(h -> h.createQuery("select count(*) from articles where status = 'PUBLISHED'")
                .mapTo(Long.class).one());
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = JsonParser.parseString(get(app, "/api/v1/articles?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
                    .body()).getAsJsonObject();
            page.getAsJsonArray("items").forEach(i -> seen.add(i.getAsJsonObject().get("id").getAsLong()));
            cursor = page.has("next_cursor") ? page.get("next_cursor").getAsString() : null;
        } while (cursor != null);
        assertThat(seen).hasSize((int) published).doesNotHaveDuplicates();
        JsonObject byAuthor = JsonParser.parseString(get(app, "/api/v1/articles?author=mara-okonjo&limit=100").body()).getAsJsonObject();
        assertThat(byAuthor.getAsJsonArray("items")).isNotEmpty().allSatisfy(i -> assertThat(i.getAsJsonObject()
                .getAsJsonArray("authors").toString()).contains("\"mara-okonjo\""));
        JsonObject bySection = JsonParser.parseString(get(app, "/api/v1/articles?section=city-hall&limit=100").body()).getAsJsonObject();
        assertThat(bySection.getAsJsonArray("items")).isNotEmpty().allSatisfy(i -> assertThat(i.getAsJsonObject()
                .getAsJsonObject("section").get("slug").getAsString()).isEqualTo("city-hall"));
        assertThat(JsonParser.parseString(get(app, "/api/v1/articles?tag=no-such-tag").body()).getAsJsonObject()
                .getAsJsonArray("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileParametersGetClearJsonErrors(Kind kind) {
        App app = TestSites.demo(kind);
        JsonObject doc = openApi(app);
        Map<String, String[]> bad = Map.of(
                "/api/v1/articles?limit=0", new String[] {"400", "limit"},
                "/api/v1/articles?limit=101", new String[] {"400", "limit"},
                "/api/v1/articles?limit=99999999999999999999", new String[] {"400", "limit"},
                "/api/v1/articles?cursor=%27%20or%201%3D1", new String[] {"400", "cursor"},
                "/api/v1/articles?cursor=" + "A".repeat(5000), new String[] {"400", "cursor"},
                "/api/v1/articles?section=%3Cscript%3E", new String[] {"400", "section"},
                "/api/v1/articles?limit=5&limit=6", new String[] {"400", "limit"},
                "/api/v1/articles?admin=true", new String[] {"400", "admin"},
                "/api/v1/articles/-1", new String[] {"400", "id"},
                "/api/v1/articles/abc", new String[] {"400", "id"});
        bad.forEach((path, expected) -> {
            HttpResponse<String> response = get(app, path);
            assertThat(response.statusCode()).as(path).isEqualTo(Integer.parseInt(expected[0]));
            JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error");
            assertThat(error.get("field").getAsString()).as(path).isEqualTo(expected[1]);
            assertThat(error.get("message").getAsString()).isNotBlank();
            String documented = path.startsWith("/api/v1/articles/") ? "/api/v1/articles/{id}" : "/api/v1/articles";
            assertThat(problems(doc, documented, 400, response.body())).isEmpty();
        });
        for (String path : List.of("/api/v1/articles/999999999", "/api/v1/tags/nope", "/api/v1/pages/" + "x".repeat(400),
                "/api/v1/nothing", "/api/v2/articles")) {
            HttpResponse<String> response = get(app, path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("error").get("code").getAsString())
                    .isEqualTo("not_found");
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> write = TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app)
                    + "/api/v1/articles/1")).method(method, HttpRequest.BodyPublishers.ofString("{\"headline\":\"x\"}"))
                    .header("Content-Type", "application/json"));
            assertThat(write.statusCode()).as(method).isEqualTo(405);
            assertThat(write.headers().firstValue("allow").orElseThrow()).isEqualTo("GET, HEAD, OPTIONS, PATCH");
            assertThat(JsonParser.parseString(write.body()).getAsJsonObject().getAsJsonObject("error").get("code").getAsString())
                    .isEqualTo("method_not_allowed");
        }
        // PATCH is a write: without a token it is refused, saying how to authenticate.
        HttpResponse<String> patch = TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app)
                + "/api/v1/articles/1")).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"headline\":\"x\"}"))
                .header("Content-Type", "application/json"));
        assertThat(patch.statusCode()).isEqualTo(401);
        assertThat(patch.headers().firstValue("www-authenticate").orElseThrow()).startsWith("Bearer");
        // An unpublished article is not there, and a draft's comments neither.
        long draft = app.database().write(tx -> tx.handle().createQuery(
                "select coalesce(max(id), 0) from articles where status <> 'PUBLISHED'").mapTo(Long.class).one());
        if (draft > 0) {
            assertThat(get(app, "/api/v1/articles/" + draft).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> preflight = TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app) + "/api/v1/articles"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://reader.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("GET");
        // Other origins may read but never write: a browser's preflight for a write is not granted.
        HttpResponse<String> writePreflight = TestSites.send(app, HttpRequest.newBuilder(URI.create(TestSites.baseUrl(app)
                        + "/api/v1/articles")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://reader.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(writePreflight.headers().firstValue("access-control-allow-methods").orElseThrow())
                .doesNotContain("POST").doesNotContain("PATCH");
        assertThat(writePreflight.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase())
                .doesNotContain("authorization").doesNotContain("content-type");
    }
}
