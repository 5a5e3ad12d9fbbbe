package org.masthead.wpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;

/**
 * The WordPress-compatible reads at /wp-json/wp/v2/ on the demo site, on each database: the
 * shapes and headers WordPress clients rely on, the filters and paging they send, what stays
 * private (drafts, held and spam comments, unused uploads), and WordPress's own error answers.
 */
class WpApiTest {
    private static final Map<Kind, App> SITES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A demo site of its own, with a draft and an upload no published story shows. */
    private static App site(Kind kind) {
        return SITES.computeIfAbsent(kind, k -> {
            App app = App.create(TestSites.config(k).withDemo(true).withPort(0)).start();
            app.database().write(tx -> {
                tx.handle().execute("insert into media (file_name, content_type, width, height, widths, alt, caption, credit,"
                        + " created_at) values ('embargoed/raid.jpg', 'image/jpeg', 800, 600, '', 'Embargoed', '', '', 0)");
                long media = tx.handle().createQuery("select id from media where file_name = 'embargoed/raid.jpg'")
                        .mapTo(Long.class).one();
                long section = tx.handle().createQuery("select min(id) from sections").mapTo(Long.class).one();
                ArticleEdit draft = ArticleEdit.of("unpublished-draft", "Unpublished draft about the harbour", "Not yet.",
                        "Still being written.", section, ArticleStatus.DRAFT, Instant.parse("2026-11-01T08:00:00Z"));
                long id = new ArticleStore(new Markdown(MediaResolver.NONE)).create(tx, draft, ArticleEdit.By.SYSTEM);
                tx.handle().execute("update articles set featured_media_id = ? where id = ?", media, id);
                // Tagged, and with an approved comment (left from before it was unpublished): counted by neither list.
                tx.handle().execute("insert into article_tags (article_id, tag_id) select ?, min(id) from tags", id);
                tx.handle().execute("""
                        insert into comments (article_id, depth, author_name, author_email, author_url, body, status, reasons,
                            spam_score, fingerprint, created_at, updated_at, status_at)
                        values (?, 0, 'Early reader', 'early@example.org', '', 'Seen before it went back to draft.',
                            'APPROVED', '', 0, 'draft-comment', 0, 0, 0)""", id);
                // Two old stories with a word no other has, for the search tests; the later one is tagged.
                ArticleStore store = new ArticleStore(new Markdown(MediaResolver.NONE));
                store.create(tx, ArticleEdit.of("quillmarsh-ferry-returns", "Quillmarsh ferry returns", "After a winter away.",
                        "The ferry to Quillmarsh runs again from Monday.", section, ArticleStatus.PUBLISHED,
                        Instant.parse("2025-01-15T08:00:00Z")), ArticleEdit.By.SYSTEM);
                long boatyard = store.create(tx, ArticleEdit.of("boatyard-at-quillmarsh-reopens", "Boatyard at Quillmarsh reopens",
                        "New owners.", "The boatyard mends small craft once more.", section, ArticleStatus.PUBLISHED,
                        Instant.parse("2025-01-20T08:00:00Z")), ArticleEdit.By.SYSTEM);
                tx.handle().execute("insert into article_tags (article_id, tag_id) select ?, min(id) from tags", boatyard);
                return null;
            });
            return app;
        });
    }

    private static List<String> dates(JsonArray items) {
        List<String> dates = new java.util.ArrayList<>();
        items.forEach(item -> dates.add(item.getAsJsonObject().get("date_gmt").getAsString()));
        return dates;
    }

    @AfterAll
    static void stop() {
        SITES.values().forEach(App::close);
    }

    private static HttpResponse<String> get(App app, String path) {
        return TestSites.get(app, path);
    }

    private static JsonArray list(App app, String path) {
        HttpResponse<String> answer = get(app, path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JsonParser.parseString(answer.body()).getAsJsonArray();
    }

    private static long count(App app, String sql) {
        return app.database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Set<Long> ids(JsonArray items) {
        Set<Long> ids = new HashSet<>();
        items.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsLong()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void clientsDiscoverTheApiAndPagePostsByWordPressesRules(Kind kind) {
        App app = site(kind);
        String origin = TestSites.baseUrl(app);
        assertThat(get(app, "/").headers().firstValue("Link")).hasValue("<" + origin + "/wp-json/>; rel=\"https://api.w.org/\"");
        assertThat(get(app, "/newsroom/login").headers().allValues("Link")).noneMatch(l -> l.contains("api.w.org"));
        JsonObject index = JsonParser.parseString(get(app, "/wp-json/").body()).getAsJsonObject();
        assertThat(index.get("namespaces").getAsJsonArray().get(0).getAsString()).isEqualTo("wp/v2");
        assertThat(index.getAsJsonObject("routes").keySet()).contains("/wp/v2/posts", "/wp/v2/pages", "/wp/v2/categories",
                "/wp/v2/tags", "/wp/v2/users", "/wp/v2/comments", "/wp/v2/media", "/wp/v2/posts/(?P<id>[\\d]+)");

        long published = count(app, "select count(*) from articles where status = 'PUBLISHED'");
        assertThat(published).isGreaterThan(10);
        HttpResponse<String> first = get(app, "/wp-json/wp/v2/posts?per_page=5");
        assertThat(first.headers().firstValue("X-WP-Total")).hasValue(String.valueOf(published));
        assertThat(first.headers().firstValue("X-WP-TotalPages")).hasValue(String.valueOf((published + 4) / 5));
        assertThat(first.headers().firstValue("Link")).hasValue("<" + origin + "/wp-json/wp/v2/posts?per_page=5&page=2>; rel=\"next\"");
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonArray page1 = JsonParser.parseString(first.body()).getAsJsonArray();
        JsonArray page2 = list(app, "/wp-json/wp/v2/posts?per_page=5&page=2");
        assertThat(page1).hasSize(5);
        assertThat(page2).hasSize(5);
        assertThat(ids(page1)).doesNotContainAnyElementsOf(ids(page2));
        String newest = page1.get(0).getAsJsonObject().get("date_gmt").getAsString();
        String older = page2.get(0).getAsJsonObject().get("date_gmt").getAsString();
        assertThat(newest).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d").isGreaterThanOrEqualTo(older);
        JsonArray oldestFirst = list(app, "/wp-json/wp/v2/posts?per_page=1&order=asc");
        assertThat(oldestFirst.get(0).getAsJsonObject().get("date_gmt").getAsString()).isLessThanOrEqualTo(older);

        JsonObject post = page1.get(0).getAsJsonObject();
        assertThat(post.keySet()).contains("id", "date", "date_gmt", "guid", "modified", "modified_gmt", "slug", "status", "type",
                "link", "title", "content", "excerpt", "author", "featured_media", "comment_status", "ping_status", "sticky",
                "format", "categories", "tags", "_links");
        assertThat(post.get("status").getAsString()).isEqualTo("publish");
        assertThat(post.get("type").getAsString()).isEqualTo("post");
        assertThat(post.getAsJsonObject("content").get("protected").getAsBoolean()).isFalse();
        assertThat(get(app, post.get("link").getAsString().substring(origin.length())).statusCode()).isEqualTo(200);
        JsonObject detail = JsonParser.parseString(get(app, "/wp-json/wp/v2/posts/" + post.get("id").getAsLong()).body())
                .getAsJsonObject();
        assertThat(detail).isEqualTo(post);
        String slug = post.get("slug").getAsString();
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?slug=" + slug))).containsExactly(post.get("id").getAsLong());

        long draft = count(app, "select id from articles where slug = 'unpublished-draft'");
        assertThat(get(app, "/wp-json/wp/v2/posts/" + draft).statusCode()).isEqualTo(404);
        assertThat(list(app, "/wp-json/wp/v2/posts?slug=unpublished-draft")).isEmpty();
        assertThat(list(app, "/wp-json/wp/v2/posts?search=unpublished+draft")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void searchReadsWordsThroughTheSearchIndexNarrowedSortedAndPaged(Kind kind) {
        App app = site(kind);
        app.searchIndex().awaitIdle();
        assertThat(app.searchIndex().catchingUp()).as("the index is complete, so the API asks it").isFalse();
        long ferry = count(app, "select id from articles where slug = 'quillmarsh-ferry-returns'");
        long boatyard = count(app, "select id from articles where slug = 'boatyard-at-quillmarsh-reopens'");
        long section = count(app, "select section_id from articles where id = " + ferry);
        long tag = count(app, "select min(id) from tags");

        // Words, not letters: a plural finds the singular, and words need not be side by side.
        HttpResponse<String> plural = get(app, "/wp-json/wp/v2/posts?search=Quillmarshes");
        assertThat(plural.headers().firstValue("X-WP-Total")).hasValue("2");
        assertThat(ids(JsonParser.parseString(plural.body()).getAsJsonArray())).containsExactlyInAnyOrder(ferry, boatyard);
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=ferry+quillmarsh"))).containsExactly(ferry);
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh+-ferry"))).containsExactly(boatyard);

        // Newest first unless asked otherwise; ties and other orders as the database's lists give them.
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&per_page=1"))).containsExactly(boatyard);
        HttpResponse<String> second = get(app, "/wp-json/wp/v2/posts?search=quillmarsh&per_page=1&page=2");
        assertThat(second.headers().firstValue("X-WP-TotalPages")).hasValue("2");
        assertThat(ids(JsonParser.parseString(second.body()).getAsJsonArray())).containsExactly(ferry);
        assertThat(order(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&orderby=title&order=asc"))).containsExactly(boatyard, ferry);
        assertThat(order(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&orderby=slug&order=desc"))).containsExactly(ferry, boatyard);
        assertThat(order(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&orderby=id&order=asc"))).containsExactly(ferry, boatyard);
        // The ferry's headline and body both have the word; the boatyard's body does not.
        assertThat(order(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&orderby=relevance"))).hasSize(2);
        assertThat(get(app, "/wp-json/wp/v2/posts?search=quillmarsh&page=200&per_page=100").statusCode()).isEqualTo(400);

        // Narrowed by section, tag, author, id and slug as the lists without words are.
        long otherSection = count(app, "select max(id) from sections where id <> " + section);
        assertThat(order(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&categories=" + section))).hasSize(2);
        HttpResponse<String> elsewhere = get(app, "/wp-json/wp/v2/posts?search=quillmarsh&categories=" + otherSection);
        assertThat(elsewhere.headers().firstValue("X-WP-Total")).hasValue("0");
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&tags=" + tag))).containsExactly(boatyard);
        assertThat(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&tags=999999")).isEmpty();
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&include=" + ferry))).containsExactly(ferry);
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&slug=boatyard-at-quillmarsh-reopens")))
                .containsExactly(boatyard);
        long author = count(app, "select min(id) from authors");
        app.database().write(tx -> {
            tx.handle().execute("insert into article_authors (article_id, author_id, position) values (?, ?, 0)", ferry, author);
            tx.changed("article", ferry, org.masthead.db.Change.Kind.UPDATED);
            return null;
        });
        app.searchIndex().awaitIdle();
        assertThat(ids(list(app, "/wp-json/wp/v2/posts?search=quillmarsh&author=" + author))).contains(ferry)
                .doesNotContain(boatyard);

        HttpResponse<String> noWords = get(app, "/wp-json/wp/v2/posts?orderby=relevance");
        assertThat(noWords.statusCode()).isEqualTo(400);
        assertThat(noWords.body()).contains("rest_invalid_param", "orderby");
    }

    private static List<Long> order(JsonArray items) {
        List<Long> ids = new java.util.ArrayList<>();
        items.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsLong()));
        return ids;
    }

    private static WpQueries.Request search(int page, int perPage, String words, String orderBy) {
        return new WpQueries.Request(page, perPage, words, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, false, orderBy);
    }

    /** Past how deep a search goes (10,000 posts on a site; one here), title order and deep pages are refused. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSearchPastItsDepthIsRefusedForTitleOrderAndDeepPages(Kind kind) {
        App app = site(kind);
        app.searchIndex().awaitIdle();
        WpQueries shallow = new WpQueries(app.database(), app.searchIndex(), 1);
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        String origin = "http://example.org";
        // "quillmarsh" finds two stories.
        assertThat(shallow.posts(search(1, 1, "quillmarsh", "date"), zone, origin).total()).isEqualTo(2);
        assertThat(shallow.posts(search(1, 10, "ferry quillmarsh", "title"), zone, origin).items()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shallow.posts(search(1, 10, "quillmarsh", "title"), zone, origin))
                .isInstanceOfSatisfying(WpRoutes.WpError.class, e -> {
                    assertThat(e.status).isEqualTo(400);
                    assertThat(e.params.get("orderby")).contains("this one matches 2");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shallow.posts(search(2, 1, "quillmarsh", "date"), zone, origin))
                .isInstanceOfSatisfying(WpRoutes.WpError.class, e -> assertThat(e.params).containsKey("page"));
        // Past the last match a page is empty, as any list's is, not refused.
        assertThat(shallow.posts(search(3, 1, "quillmarsh", "date"), zone, origin).items()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void filtersSearchEmbedAndFieldsWorkAsWordPressClientsSendThem(Kind kind) {
        App app = site(kind);
        long section = count(app, "select section_id from articles where status = 'PUBLISHED' group by section_id"
                + " order by count(*) desc, section_id limit 1");
        long inSection = count(app, "select count(*) from articles where status = 'PUBLISHED' and section_id = " + section);
        HttpResponse<String> bySection = get(app, "/wp-json/wp/v2/posts?per_page=100&categories=" + section);
        assertThat(bySection.headers().firstValue("X-WP-Total")).hasValue(String.valueOf(inSection));
        JsonParser.parseString(bySection.body()).getAsJsonArray().forEach(e ->
                assertThat(e.getAsJsonObject().get("categories").getAsJsonArray().get(0).getAsLong()).isEqualTo(section));

        long tag = count(app, "select tag_id from article_tags group by tag_id order by count(*) desc, tag_id limit 1");
        JsonArray tagged = list(app, "/wp-json/wp/v2/posts?per_page=100&tags[]=" + tag);
        assertThat(tagged).isNotEmpty().allSatisfy(e -> assertThat(e.getAsJsonObject().get("tags").getAsJsonArray().asList()
                .stream().map(JsonElement::getAsLong)).contains(tag));
        JsonArray tagsOfPost = list(app, "/wp-json/wp/v2/tags?post=" + tagged.get(0).getAsJsonObject().get("id").getAsLong());
        assertThat(ids(tagsOfPost)).contains(tag);

        String headline = app.database().read(h -> h.createQuery(
                "select headline from articles where status = 'PUBLISHED' order by published_at desc limit 1")
                .mapTo(String.class).one());
        String word = List.of(headline.split("\\W+")).stream().filter(w -> w.length() > 6).findFirst().orElseThrow();
        JsonArray found = list(app, "/wp-json/wp/v2/posts?search=" + word + "&_fields=id,title");
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).getAsJsonObject().keySet()).containsExactlyInAnyOrder("id", "title");
        // Wildcards are text: a percent sign or underscore matches only itself.
        assertThat(list(app, "/wp-json/wp/v2/posts?search=%25_%25")).isEmpty();

        long withPicture = count(app, "select id from articles where status = 'PUBLISHED' and featured_media_id is not null"
                + " order by published_at desc limit 1");
        JsonObject embedded = JsonParser.parseString(get(app, "/wp-json/wp/v2/posts/" + withPicture + "?_embed").body())
                .getAsJsonObject();
        JsonObject parts = embedded.getAsJsonObject("_embedded");
        assertThat(parts.getAsJsonArray("author").get(0).getAsJsonObject().get("id").getAsLong())
                .isEqualTo(embedded.get("author").getAsLong());
        JsonObject picture = parts.getAsJsonArray("wp:featuredmedia").get(0).getAsJsonObject();
        assertThat(picture.get("id").getAsLong()).isEqualTo(embedded.get("featured_media").getAsLong());
        assertThat(get(app, picture.get("source_url").getAsString().substring(TestSites.baseUrl(app).length())).statusCode())
                .isEqualTo(200);
        JsonArray terms = parts.getAsJsonArray("wp:term");
        assertThat(terms.get(0).getAsJsonArray().get(0).getAsJsonObject().get("taxonomy").getAsString()).isEqualTo("category");
        assertThat(terms.get(1).getAsJsonArray().size()).isEqualTo(embedded.getAsJsonArray("tags").size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void termsPeopleCommentsPagesAndMediaShowOnlyWhatReadersMaySee(Kind kind) {
        App app = site(kind);
        assertThat(get(app, "/wp-json/wp/v2/categories?per_page=100").headers().firstValue("X-WP-Total"))
                .hasValue(String.valueOf(count(app, "select count(*) from sections")));
        assertThat(get(app, "/wp-json/wp/v2/tags?per_page=1").headers().firstValue("X-WP-Total"))
                .hasValue(String.valueOf(count(app, "select count(*) from tags")));
        JsonArray users = list(app, "/wp-json/wp/v2/users?per_page=100");
        assertThat(users).hasSize((int) count(app, "select count(*) from authors"));
        assertThat(users.get(0).getAsJsonObject().keySet()).contains("id", "name", "slug", "link", "description", "avatar_urls");

        JsonArray comments = list(app, "/wp-json/wp/v2/comments?per_page=100");
        assertThat(comments).hasSize((int) count(app, "select count(*) from comments c join articles a on a.id = c.article_id"
                + " where c.status = 'APPROVED' and a.status = 'PUBLISHED'"));
        assertThat(count(app, "select count(*) from comments where status <> 'APPROVED'")).isPositive();
        assertThat(get(app, "/wp-json/wp/v2/comments?per_page=1").headers().firstValue("X-WP-Total"))
                .hasValue(String.valueOf(comments.size()));
        long draft = count(app, "select id from articles where slug = 'unpublished-draft'");
        var onDraft = get(app, "/wp-json/wp/v2/comments?post=" + draft);
        assertThat(onDraft.headers().firstValue("X-WP-Total")).hasValue("0");
        assertThat(onDraft.body()).isEqualTo("[]");
        for (var tag : list(app, "/wp-json/wp/v2/tags?per_page=100")) {
            long id = tag.getAsJsonObject().get("id").getAsLong();
            assertThat(tag.getAsJsonObject().get("count").getAsLong()).as("tag %d's published stories", id)
                    .isEqualTo(count(app, "select count(*) from article_tags at join articles a on a.id = at.article_id"
                            + " where a.status = 'PUBLISHED' and at.tag_id = " + id));
        }
        long post = comments.get(0).getAsJsonObject().get("post").getAsLong();
        // Narrowed to one story: newest first, or oldest first when asked.
        List<String> newest = dates(list(app, "/wp-json/wp/v2/comments?post=" + post));
        List<String> oldest = dates(list(app, "/wp-json/wp/v2/comments?post=" + post + "&order=asc"));
        assertThat(newest).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(oldest).isSorted().hasSameSizeAs(newest).hasSizeGreaterThan(1);
        assertThat(list(app, "/wp-json/wp/v2/comments?post=" + post)).allSatisfy(c ->
                assertThat(c.getAsJsonObject().get("post").getAsLong()).isEqualTo(post));
        assertThat(comments.get(0).getAsJsonObject().getAsJsonObject("content").get("rendered").getAsString()).startsWith("<p>");
        // Only the conversations' first comments, and one comment's replies.
        HttpResponse<String> firsts = get(app, "/wp-json/wp/v2/comments?parent=0&per_page=100");
        assertThat(firsts.statusCode()).as(firsts.body()).isEqualTo(200);
        long topLevel = count(app, "select count(*) from comments c join articles a on a.id = c.article_id"
                + " where c.status = 'APPROVED' and a.status = 'PUBLISHED' and c.parent_id is null");
        assertThat(firsts.headers().firstValue("X-WP-Total")).hasValue(String.valueOf(topLevel));
        assertThat(JsonParser.parseString(firsts.body()).getAsJsonArray()).isNotEmpty().allSatisfy(c ->
                assertThat(c.getAsJsonObject().get("parent").getAsLong()).isZero());
        long answered = count(app, "select min(c.parent_id) from comments c join articles a on a.id = c.article_id"
                + " where c.status = 'APPROVED' and a.status = 'PUBLISHED' and c.parent_id is not null");
        assertThat(list(app, "/wp-json/wp/v2/comments?parent=" + answered)).isNotEmpty().allSatisfy(c ->
                assertThat(c.getAsJsonObject().get("parent").getAsLong()).isEqualTo(answered));

        JsonArray pages = list(app, "/wp-json/wp/v2/pages?per_page=100");
        assertThat(pages).hasSize((int) count(app, "select count(*) from pages"));
        assertThat(pages.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("page");

        HttpResponse<String> mediaAnswer = get(app, "/wp-json/wp/v2/media?per_page=100");
        JsonArray media = JsonParser.parseString(mediaAnswer.body()).getAsJsonArray();
        long embargoed = count(app, "select id from media where file_name = 'embargoed/raid.jpg'");
        assertThat(ids(media)).doesNotContain(embargoed);
        assertThat(get(app, "/wp-json/wp/v2/media/" + embargoed).statusCode()).isEqualTo(404);
        // Exactly what published content shows, as a text match of each picture against every story finds it. The
        // Markdown names the original; the HTML may name only its widths (srcset), as the demo's pictures in the text do.
        Set<Long> shown = new HashSet<>(app.database().read(h -> h.createQuery("""
                select m.id from media m
                where m.id in (select a.featured_media_id from articles a where a.status = 'PUBLISHED')
                   or m.id in (select au.photo_media_id from authors au)
                   or exists (select 1 from articles a where a.status = 'PUBLISHED'
                              and (a.body_md like '%/media/' || m.file_name || '%'
                                   or a.body_html like '%/media/' || m.file_name || '%'))""").mapTo(Long.class).list()));
        long inTextOnly = app.database().read(h -> h.createQuery("""
                select count(*) from media m where m.id not in (select a.featured_media_id from articles a
                                                                where a.featured_media_id is not null)
                    and exists (select 1 from articles a where a.status = 'PUBLISHED' and a.body_md like '%/media/' || m.file_name || '%'
                                and a.body_html not like '%/media/' || m.file_name || '%')""").mapTo(Long.class).one());
        assertThat(inTextOnly).as("pictures shown in a story's text only through their widths").isPositive();
        assertThat(count(app, "select count(*) from articles where status = 'PUBLISHED' and body_html like '%/media/%'"))
                .as("the demo has pictures in stories' bodies").isPositive();
        assertThat(ids(media)).isEqualTo(shown);
        assertThat(mediaAnswer.headers().firstValue("X-WP-Total")).hasValue(String.valueOf(shown.size()));
        assertThat(dates(media)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonObject one = media.get(0).getAsJsonObject();
        assertThat(one.get("media_type").getAsString()).isEqualTo("image");
        assertThat(one.getAsJsonObject("media_details").getAsJsonObject("sizes").keySet()).contains("full");
        HttpResponse<String> second = get(app, "/wp-json/wp/v2/media?per_page=1&page=2&order=asc");
        assertThat(ids(JsonParser.parseString(second.body()).getAsJsonArray())).hasSize(1).isSubsetOf(shown);

        // A writer's new photo is public as soon as the change commits.
        long photo = app.database().write(tx -> {
            tx.handle().execute("insert into media (file_name, content_type, width, height, widths, alt, caption, credit,"
                    + " created_at) values ('people/new-photo.jpg', 'image/jpeg', 400, 400, '', 'A writer', '', '', 0)");
            long id = tx.handle().createQuery("select id from media where file_name = 'people/new-photo.jpg'")
                    .mapTo(Long.class).one();
            long author = tx.handle().createQuery("select min(id) from authors").mapTo(Long.class).one();
            tx.handle().execute("update authors set photo_media_id = ? where id = ?", id, author);
            tx.changed("author", author, org.masthead.db.Change.Kind.UPDATED);
            return id;
        });
        assertThat(ids(list(app, "/wp-json/wp/v2/media?per_page=100"))).contains(photo);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badRequestsGetWordPressesErrorsAndChangeNothing(Kind kind) throws Exception {
        App app = site(kind);
        long before = count(app, "select count(*) from articles") + count(app, "select count(*) from comments");
        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        invalid.put("/wp-json/wp/v2/posts?per_page=0", "per_page");
        invalid.put("/wp-json/wp/v2/posts?per_page=101", "per_page");
        invalid.put("/wp-json/wp/v2/posts?per_page=ten", "per_page");
        invalid.put("/wp-json/wp/v2/posts?page=-1", "page");
        invalid.put("/wp-json/wp/v2/posts?page=99999999999999999999", "page");
        invalid.put("/wp-json/wp/v2/posts?categories=abc", "categories");
        invalid.put("/wp-json/wp/v2/posts?include=1,0", "include");
        invalid.put("/wp-json/wp/v2/posts?slug=Not%20A%20Slug", "slug");
        invalid.put("/wp-json/wp/v2/posts?order=sideways", "order");
        invalid.put("/wp-json/wp/v2/posts?orderby=random", "orderby");
        invalid.put("/wp-json/wp/v2/comments?post=" + "1,".repeat(101), "post");
        invalid.put("/wp-json/wp/v2/posts?search=" + "a".repeat(501), "search");
        for (var bad : invalid.entrySet()) {
            HttpResponse<String> answer = get(app, bad.getKey());
            assertThat(answer.statusCode()).as(bad.getKey()).isEqualTo(400);
            JsonObject error = JsonParser.parseString(answer.body()).getAsJsonObject();
            assertThat(error.get("code").getAsString()).isEqualTo("rest_invalid_param");
            assertThat(error.getAsJsonObject("data").getAsJsonObject("params").keySet()).containsExactly(bad.getValue());
        }
        HttpResponse<String> beyond = get(app, "/wp-json/wp/v2/posts?page=999");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("rest_post_invalid_page_number");
        assertThat(get(app, "/wp-json/wp/v2/posts/99999999").body()).contains("rest_post_invalid_id");
        assertThat(get(app, "/wp-json/wp/v2/users/99999999").statusCode()).isEqualTo(404);
        HttpResponse<String> noRoute = get(app, "/wp-json/wp/v2/plugins");
        assertThat(noRoute.statusCode()).isEqualTo(404);
        assertThat(noRoute.body()).contains("rest_no_route");
        assertThat(get(app, "/wp-json/wp/v2/posts?context=edit").statusCode()).isEqualTo(401);
        // Unknown parameters are ignored, as WordPress ignores them.
        assertThat(get(app, "/wp-json/wp/v2/posts?per_page=1&foo=bar").statusCode()).isEqualTo(200);

        HttpResponse<String> write = TestSites.send(app, HttpRequest.newBuilder(
                        java.net.URI.create(TestSites.baseUrl(app) + "/wp-json/wp/v2/posts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\",\"status\":\"publish\"}")));
        assertThat(write.statusCode()).isEqualTo(405);
        assertThat(write.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");

        HttpResponse<String> posts = get(app, "/wp-json/wp/v2/posts?per_page=3");
        String etag = posts.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = TestSites.send(app, HttpRequest.newBuilder(
                java.net.URI.create(TestSites.baseUrl(app) + "/wp-json/wp/v2/posts?per_page=3")).header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(count(app, "select count(*) from articles") + count(app, "select count(*) from comments")).isEqualTo(before);
    }
}
