package org.masthead.wpapi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.masthead.comments.CommentCountStore;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentText;
import org.masthead.content.ArticlePaths;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Media;
import org.masthead.db.Database;
import org.masthead.db.Remembered;
import org.masthead.search.SearchIndex;
import org.masthead.search.StoryMatches;

/**
 * The reads behind the WordPress-compatible API: published content only, shaped as WordPress's
 * REST API shapes it (posts are articles, categories are sections, users are authors), with the
 * total count every collection reports in X-WP-Total.
 */
final class WpQueries {
    /** One page of a collection and how many items the whole collection holds. */
    record Page(List<Map<String, Object>> items, long total) {
    }

    /** What a collection request asks for, already checked: WordPress's query parameters. */
    record Request(int page, int perPage, String search, List<String> slugs, List<Long> include, List<Long> categories,
                   List<Long> tags, List<Long> authors, List<Long> posts, Long parent, boolean ascending, String orderBy) {
        int offset() {
            return (page - 1) * perPage;
        }
    }

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /**
     * How deep a search's posts can be paged, and how many of them can be sorted by title or
     * last change (which the search index does not sort by): past it, narrow the search.
     */
    static final int SEARCH_DEPTH = 10_000;

    /** The states of a story readers do not see: counts take their few stories' share from the whole. */
    private static final List<String> HIDDEN = Arrays.stream(ArticleStatus.values())
            .filter(status -> status != ArticleStatus.PUBLISHED).map(Enum::name).toList();

    private final Database db;
    /** Finds posts by their words; null where the site runs without one, and the database's text is read. */
    private final SearchIndex search;
    /** The pictures readers can see, until a story, picture or writer changes. */
    private final Remembered<Set<Long>> shownMedia;
    private final CommentCountStore commentCounts;
    /** {@link #SEARCH_DEPTH}, smaller in tests. */
    private final int searchDepth;

    WpQueries(Database db, SearchIndex search) {
        this(db, search, SEARCH_DEPTH);
    }

    WpQueries(Database db, SearchIndex search, int searchDepth) {
        this.searchDepth = searchDepth;
        this.db = db;
        this.search = search;
        this.shownMedia = Remembered.of(db, this::readShownMedia, "article", "media", "author");
        this.commentCounts = new CommentCountStore(db);
    }

    private static final String POST_SELECT = """
            select a.id, a.slug, a.headline, a.dek, a.body_html, a.published_at, a.updated_at, a.comments,
                   a.section_id, a.featured_media_id,
                   (select aa.author_id from article_authors aa where aa.article_id = a.id order by aa.position
                    limit 1) as first_author
            from articles a""";

    Page posts(Request r, ZoneId zone, String origin) {
        if (search != null && r.search() != null && !r.search().isBlank()) {
            Optional<Page> found = searched(r, zone, origin);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Where where = new Where("a.status = 'PUBLISHED'");
        where.search("(lower(a.headline) like :search or lower(a.dek) like :search or lower(a.body_md) like :search)", r.search());
        return posts(r, where, zone, origin);
    }

    private Page posts(Request r, Where where, ZoneId zone, String origin) {
        where.in("a.slug", "slug", r.slugs());
        where.in("a.id", "include", r.include());
        where.in("a.section_id", "categories", r.categories());
        where.in("a.id", "tags", "(select at.article_id from article_tags at where at.tag_id in (<tags>))", r.tags());
        where.in("a.id", "authors", "(select aa.article_id from article_authors aa where aa.author_id in (<authors>))",
                r.authors());
        String order = switch (r.orderBy()) {
            case "id" -> "a.id";
            case "title" -> "a.headline";
            case "slug" -> "a.slug";
            case "modified" -> "coalesce(a.updated_at, a.published_at)";
            default -> "a.published_at";
        };
        return db.read(h -> {
            long total = where.bind(h.createQuery("select count(*) from articles a where " + where)).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery(POST_SELECT + " where " + where + " order by " + order
                            + (r.ascending() ? " asc" : " desc") + ", a.id" + (r.ascending() ? " asc" : " desc")
                            + " limit :limit offset :offset"))
                    .bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> post(rs, zone, origin)).list();
            addTags(h, rows);
            return new Page(rows, total);
        });
    }

    private static void addTags(Handle h, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            row.put("tags", h.createQuery("select tag_id from article_tags where article_id = :id order by tag_id")
                    .bind("id", (Long) row.get("id")).mapTo(Long.class).list());
        }
    }

    /**
     * {@code posts?search=} through the site's search index, which reads words as the search page
     * does (rather than WordPress's every-letter match of the text, which at a million stories
     * reads all of them); empty while the index is being rebuilt.
     */
    private Optional<Page> searched(Request r, ZoneId zone, String origin) {
        List<String> sections = slugs("sections", r.categories());
        List<String> tags = slugs("tags", r.tags());
        List<String> authors = slugs("authors", r.authors());
        if (sections.isEmpty() && !r.categories().isEmpty() || tags.isEmpty() && !r.tags().isEmpty()
                || authors.isEmpty() && !r.authors().isEmpty()) {
            return Optional.of(new Page(List.of(), 0)); // narrowed to no section, tag or author there is
        }
        StoryMatches.Query query = new StoryMatches.Query(r.search(), r.include(), r.slugs(), sections, tags, authors);
        StoryMatches.Order order = switch (r.orderBy()) {
            case "id" -> StoryMatches.Order.ID;
            case "slug" -> StoryMatches.Order.SLUG;
            case "relevance" -> StoryMatches.Order.RELEVANCE;
            case "title", "modified" -> StoryMatches.Order.NONE;
            default -> StoryMatches.Order.PUBLISHED;
        };
        if (order == StoryMatches.Order.NONE) {
            // The database sorts them, given every match.
            return search.find(query, order, true, 0, searchDepth + 1).map(all -> {
                if (all.total() > searchDepth) {
                    throw WpRoutes.WpError.invalid("orderby", "a search matching more than " + searchDepth
                            + " posts can be ordered by date, id, slug or relevance only; this one matches " + all.total());
                }
                if (all.ids().isEmpty()) {
                    return new Page(List.of(), 0);
                }
                Where where = new Where("a.status = 'PUBLISHED'");
                where.in("a.id", "found", all.ids());
                return posts(r, where, zone, origin);
            });
        }
        if ((long) r.offset() + r.perPage() > searchDepth) {
            return search.find(query, order, r.ascending(), 0, 0).map(count -> {
                if (r.offset() < count.total()) {
                    throw WpRoutes.WpError.invalid("page", "a search's posts can be paged as far as the "
                            + searchDepth + "th; narrow the search to reach the rest");
                }
                return new Page(List.of(), count.total()); // past the last page, as any list can be asked
            });
        }
        return search.find(query, order, r.ascending(), r.offset(), r.perPage()).map(found -> {
            if (found.ids().isEmpty()) {
                return new Page(List.of(), found.total());
            }
            List<Map<String, Object>> rows = db.read(h -> {
                Map<Long, Map<String, Object>> byId = h.createQuery(POST_SELECT
                                + " where a.status = 'PUBLISHED' and a.id in (<ids>)")
                        .bindList("ids", found.ids())
                        .map((rs, ctx) -> post(rs, zone, origin)).stream()
                        .collect(Collectors.toMap(row -> (Long) row.get("id"), Function.identity()));
                // In the index's order; a story unpublished a moment ago, which the index still holds, is left out.
                List<Map<String, Object>> ordered = found.ids().stream().map(byId::get)
                        .filter(Objects::nonNull).collect(Collectors.toCollection(ArrayList::new));
                addTags(h, ordered);
                return ordered;
            });
            return new Page(rows, found.total());
        });
    }

    /** The slugs of those of {@code ids} that {@code table} holds. */
    private List<String> slugs(String table, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery("select slug from " + table + " where id in (<ids>)")
                .bindList("ids", ids).mapTo(String.class).list());
    }

    private static Map<String, Object> post(ResultSet rs, ZoneId zone, String origin) throws SQLException {
        long id = rs.getLong("id");
        Instant published = Instant.ofEpochMilli(rs.getLong("published_at"));
        long updated = rs.getLong("updated_at");
        Instant modified = rs.wasNull() ? published : Instant.ofEpochMilli(updated);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        dates(row, published, modified, zone);
        row.put("guid", rendered(origin + "/?p=" + id));
        row.put("slug", rs.getString("slug"));
        row.put("status", "publish");
        row.put("type", "post");
        row.put("link", origin + ArticlePaths.url(rs.getString("slug"), published, zone));
        row.put("title", rendered(escaped(rs.getString("headline"))));
        row.put("content", renderedUnprotected(rs.getString("body_html")));
        String dek = rs.getString("dek");
        row.put("excerpt", renderedUnprotected(dek.isBlank() ? "" : CommentText.html(dek)));
        long author = rs.getLong("first_author");
        row.put("author", rs.wasNull() ? 0L : author);
        long media = rs.getLong("featured_media_id");
        row.put("featured_media", rs.wasNull() ? 0L : media);
        row.put("comment_status", "closed".equals(rs.getString("comments")) ? "closed" : "open");
        row.put("ping_status", "closed");
        row.put("sticky", false);
        row.put("template", "");
        row.put("format", "standard");
        row.put("meta", List.of());
        row.put("categories", List.of(rs.getLong("section_id")));
        return row;
    }

    Page pages(Request r, ZoneId zone, String origin) {
        Where where = new Where("1 = 1");
        where.search("(lower(title) like :search or lower(body_md) like :search)", r.search());
        where.in("slug", "slug", r.slugs());
        where.in("id", "include", r.include());
        String order = switch (r.orderBy()) {
            case "id" -> "id";
            case "title" -> "title";
            case "slug" -> "slug";
            default -> "updated_at";
        };
        return db.read(h -> {
            long total = where.bind(h.createQuery("select count(*) from pages where " + where)).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery("select id, slug, title, body_html, updated_at from pages"
                            + " where " + where + " order by " + order + (r.ascending() ? " asc" : " desc")
                            + ", id limit :limit offset :offset"))
                    .bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> {
                        Instant at = Instant.ofEpochMilli(rs.getLong("updated_at"));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        dates(row, at, at, zone);
                        row.put("guid", rendered(origin + "/?page_id=" + rs.getLong("id")));
                        row.put("slug", rs.getString("slug"));
                        row.put("status", "publish");
                        row.put("type", "page");
                        row.put("link", origin + "/" + rs.getString("slug"));
                        row.put("title", rendered(escaped(rs.getString("title"))));
                        row.put("content", renderedUnprotected(rs.getString("body_html")));
                        row.put("excerpt", renderedUnprotected(""));
                        row.put("author", 0L);
                        row.put("featured_media", 0L);
                        row.put("parent", 0L);
                        row.put("menu_order", 0);
                        row.put("comment_status", "closed");
                        row.put("ping_status", "closed");
                        row.put("template", "");
                        row.put("meta", List.of());
                        return row;
                    }).list();
            return new Page(rows, total);
        });
    }

    Page categories(Request r, String origin) {
        Where where = new Where("1 = 1");
        where.search("lower(s.name) like :search", r.search());
        where.in("s.slug", "slug", r.slugs());
        where.in("s.id", "include", r.include());
        where.in("s.id", "posts", "(select a.section_id from articles a where a.id in (<posts>))", r.posts());
        if (r.parent() != null) {
            where.add(r.parent() == 0 ? "s.parent_id is null" : "s.parent_id = :parent", "parent", r.parent());
        }
        String order = switch (r.orderBy()) {
            case "id" -> "s.id";
            case "slug" -> "s.slug";
            case "count" -> "count";
            default -> "s.name";
        };
        return db.read(h -> {
            long total = where.bind(h.createQuery("select count(*) from sections s where " + where)).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery("""
                            select s.id, s.slug, s.name, s.description, s.parent_id,
                                   (select count(*) from articles a where a.section_id = s.id and a.status = 'PUBLISHED') as count
                            from sections s where""" + " " + where + " order by " + order
                            + (r.ascending() ? " asc" : " desc") + ", s.id limit :limit offset :offset"))
                    .bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        row.put("count", rs.getLong("count"));
                        row.put("description", rs.getString("description"));
                        row.put("link", origin + "/section/" + rs.getString("slug"));
                        row.put("name", rs.getString("name"));
                        row.put("slug", rs.getString("slug"));
                        row.put("taxonomy", "category");
                        long parent = rs.getLong("parent_id");
                        row.put("parent", rs.wasNull() ? 0L : parent);
                        row.put("meta", List.of());
                        return row;
                    }).list();
            return new Page(rows, total);
        });
    }

    Page tags(Request r, String origin) {
        Where where = new Where("1 = 1");
        where.search("lower(t.name) like :search", r.search());
        where.in("t.slug", "slug", r.slugs());
        where.in("t.id", "include", r.include());
        where.in("t.id", "posts", "(select at.tag_id from article_tags at where at.article_id in (<posts>))", r.posts());
        String order = switch (r.orderBy()) {
            case "id" -> "t.id";
            case "slug" -> "t.slug";
            case "count" -> "count";
            default -> "t.name";
        };
        return db.read(h -> {
            long total = where.bind(h.createQuery("select count(*) from tags t where " + where)).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery("""
                            select t.id, t.slug, t.name,
                                   (select count(*) from article_tags at where at.tag_id = t.id)
                                   - (select count(*) from articles a where a.status in (<hidden>)
                                      and exists (select 1 from article_tags at where at.article_id = a.id
                                                  and at.tag_id = t.id)) as count
                            from tags t where""" + " " + where + " order by " + order
                            + (r.ascending() ? " asc" : " desc") + ", t.id limit :limit offset :offset"))
                    .bindList("hidden", HIDDEN).bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        row.put("count", rs.getLong("count"));
                        row.put("description", "");
                        row.put("link", origin + "/tag/" + rs.getString("slug"));
                        row.put("name", rs.getString("name"));
                        row.put("slug", rs.getString("slug"));
                        row.put("taxonomy", "post_tag");
                        row.put("meta", List.of());
                        return row;
                    }).list();
            return new Page(rows, total);
        });
    }

    Page users(Request r, String origin) {
        Where where = new Where("1 = 1");
        where.search("lower(au.name) like :search", r.search());
        where.in("au.slug", "slug", r.slugs());
        where.in("au.id", "include", r.include());
        String order = switch (r.orderBy()) {
            case "id" -> "au.id";
            case "slug" -> "au.slug";
            default -> "au.name";
        };
        return db.read(h -> {
            long total = where.bind(h.createQuery("select count(*) from authors au where " + where)).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery(
                            "select au.id, au.slug, au.name, au.role, au.bio_html, m.file_name, m.content_type, m.width,"
                            + " m.height, m.widths, m.alt, m.caption, m.credit, m.id as m_id from authors au left join media m on m.id = au.photo_media_id"
                            + " where " + where + " order by " + order + (r.ascending() ? " asc" : " desc")
                            + ", au.id limit :limit offset :offset"))
                    .bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        row.put("name", rs.getString("name"));
                        row.put("url", "");
                        row.put("description", org.jsoup.Jsoup.parseBodyFragment(rs.getString("bio_html")).text());
                        row.put("link", origin + "/author/" + rs.getString("slug"));
                        row.put("slug", rs.getString("slug"));
                        Map<String, Object> avatars = new LinkedHashMap<>();
                        rs.getLong("m_id");
                        if (!rs.wasNull()) {
                            Media photo = media(rs, "m_id");
                            for (int size : List.of(24, 48, 96)) {
                                avatars.put(String.valueOf(size), origin + photo.url(size));
                            }
                        }
                        row.put("avatar_urls", avatars);
                        row.put("meta", List.of());
                        return row;
                    }).list();
            return new Page(rows, total);
        });
    }

    Page comments(Request r, ZoneId zone, String origin) {
        Where where = new Where("c.status = 'APPROVED' and a.status = 'PUBLISHED'");
        where.search("lower(c.body) like :search", r.search());
        where.in("c.id", "include", r.include());
        where.in("c.article_id", "posts", r.posts());
        if (r.parent() != null && r.parent() == 0) {
            where.add("c.parent_id is null");
        } else if (r.parent() != null) {
            where.add("c.parent_id = :parent", "parent", r.parent());
        }
        boolean narrowed = r.posts() != null && !r.posts().isEmpty() || r.include() != null && !r.include().isEmpty()
                || r.parent() != null && r.parent() != 0;
        // A narrowed list is small: sorted as an expression, SQLite finds its rows by the narrowing index and sorts
        // them, where ordered by the column it walked every approved comment in date order (37 s at five million).
        String order = (r.orderBy().equals("id") ? "c.id" : "c.created_at") + (narrowed ? " + 0" : "");
        boolean wholeSite = !narrowed && r.parent() == null && (r.search() == null || r.search().isBlank());
        long keptApproved = wholeSite ? commentCounts.of(CommentStatus.APPROVED) : 0;
        return db.read(h -> {
            // All of a site's comments are the kept count of approved ones (counting five million took 0.7 s on
            // PostgreSQL); with words or top-level only, they are counted from the approved comments' index. Either way
            // less those on stories readers do not see (few, and found by story): through the join, which reads each
            // comment's story, five million took 104 s on SQLite. A list narrowed to some stories, comments or replies
            // joins, which reads only theirs.
            long total = narrowed
                    ? where.bind(h.createQuery("select count(*) from comments c join articles a on a.id = c.article_id where "
                            + where)).mapTo(Long.class).one()
                    : (wholeSite ? keptApproved
                            : where.bind(h.createQuery("select count(*) from comments c where " + where.on("c.status = 'APPROVED'")))
                                    .mapTo(Long.class).one())
                    - where.bind(h.createQuery("select count(*) from comments c where " + where.on("""
                            c.status = 'APPROVED' and c.article_id in (select a.id from articles a where a.status in (<hidden>))""")))
                            .bindList("hidden", HIDDEN).mapTo(Long.class).one();
            List<Map<String, Object>> rows = where.bind(h.createQuery("""
                            select c.id, c.article_id, c.parent_id, c.author_name, c.author_url, c.body, c.created_at,
                                   a.slug, a.published_at
                            from comments c join articles a on a.id = c.article_id where""" + " " + where + " order by "
                            + order + (r.ascending() ? " asc" : " desc") + ", c.id limit :limit offset :offset"))
                    .bind("limit", r.perPage()).bind("offset", r.offset())
                    .map((rs, ctx) -> {
                        Instant at = Instant.ofEpochMilli(rs.getLong("created_at"));
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("id", rs.getLong("id"));
                        row.put("post", rs.getLong("article_id"));
                        long parent = rs.getLong("parent_id");
                        row.put("parent", rs.wasNull() ? 0L : parent);
                        row.put("author", 0L);
                        row.put("author_name", rs.getString("author_name"));
                        row.put("author_url", rs.getString("author_url"));
                        row.put("date", local(at, zone));
                        row.put("date_gmt", local(at, ZoneOffset.UTC));
                        row.put("content", rendered(CommentText.html(rs.getString("body"))));
                        row.put("link", origin + ArticlePaths.url(rs.getString("slug"),
                                Instant.ofEpochMilli(rs.getLong("published_at")), zone) + "#comment-" + rs.getLong("id"));
                        row.put("status", "approved");
                        row.put("type", "comment");
                        row.put("author_avatar_urls", Map.of());
                        row.put("meta", List.of());
                        return row;
                    }).list();
            return new Page(rows, total);
        });
    }

    /**
     * Media that published content shows: featured pictures of published articles, pictures in their
     * bodies and authors' photos. Uploads not yet in any published story stay private. Which
     * pictures those are is kept in memory ({@link #readShownMedia}, read through indexes); the database gives the
     * matching pictures' order, and the page's rows by id.
     */
    Page media(Request r, ZoneId zone, String origin) {
        Set<Long> shown = shownMedia.get();
        Where where = new Where("1 = 1");
        where.search("(lower(m.alt) like :search or lower(m.caption) like :search or lower(m.file_name) like :search)", r.search());
        where.in("m.id", "include", r.include());
        where.in("m.id", "posts", "(select a.featured_media_id from articles a where a.id in (<posts>))", r.posts());
        String order = r.orderBy().equals("id") ? "m.id" : "m.created_at";
        return db.read(h -> {
            List<Long> page = new ArrayList<>();
            long[] total = {0};
            try (var ids = where.bind(h.createQuery("select m.id from media m where " + where + " order by " + order
                    + (r.ascending() ? " asc" : " desc") + ", m.id")).mapTo(Long.class).stream()) {
                ids.filter(shown::contains).forEach(id -> {
                    if (total[0] >= r.offset() && page.size() < r.perPage()) {
                        page.add(id);
                    }
                    total[0]++;
                });
            }
            if (page.isEmpty()) {
                return new Page(List.of(), total[0]);
            }
            Map<Long, Map<String, Object>> byId = h.createQuery("""
                            select m.id, m.file_name, m.content_type, m.width, m.height, m.widths, m.alt, m.caption,
                                   m.credit, m.created_at
                            from media m where m.id in (<ids>)""")
                    .bindList("ids", page)
                    .map((rs, ctx) -> attachment(rs, zone, origin)).stream()
                    .collect(Collectors.toMap(row -> (Long) row.get("id"), Function.identity()));
            return new Page(page.stream().map(byId::get).filter(Objects::nonNull).toList(), total[0]);
        });
    }

    /**
     * The pictures readers see somewhere: named in a published story's text, a published story's
     * featured picture, or a writer's photo. Asked per picture through indexes (the story texts'
     * paths are kept in {@code article_media_names}), so it costs what the library holds, not what
     * the stories hold. Nested rather than joined: as a join, SQLite (which has no statistics here)
     * began from every published story.
     */
    private Set<Long> readShownMedia() {
        return db.read(h -> Set.copyOf(h.createQuery("""
                        select m.id from media m
                        where exists (select 1 from article_media_names n where n.file_name = m.file_name
                                      and exists (select 1 from articles a where a.id = n.article_id and a.status = 'PUBLISHED'))
                           or exists (select 1 from articles a where a.featured_media_id = m.id and a.status = 'PUBLISHED')
                           or exists (select 1 from authors au where au.photo_media_id = m.id)""")
                .mapTo(Long.class).list()));
    }

    private static Map<String, Object> attachment(ResultSet rs, ZoneId zone, String origin) throws SQLException {
        Media media = media(rs, "id");
        Instant at = Instant.ofEpochMilli(rs.getLong("created_at"));
        String source = origin + Media.URL_PREFIX + media.fileName();
        String name = media.fileName().replaceFirst(".*/", "").replaceFirst("\\.[^.]*$", "");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", media.id());
        dates(row, at, at, zone);
        row.put("guid", rendered(source));
        row.put("slug", name);
        row.put("status", "inherit");
        row.put("type", "attachment");
        row.put("link", source);
        row.put("title", rendered(escaped(name)));
        row.put("author", 0L);
        row.put("comment_status", "closed");
        row.put("ping_status", "closed");
        String caption = media.caption().isBlank() ? "" : CommentText.html(media.caption());
        row.put("caption", rendered(caption));
        row.put("alt_text", media.alt());
        row.put("media_type", "image");
        row.put("mime_type", media.contentType());
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (int w : media.widths()) {
            sizes.put("w" + w, Map.of("file", Media.variantName(media.fileName(), w), "width", w, "height", media.heightAt(w),
                    "mime_type", media.contentType(), "source_url", origin + media.variantUrl(w)));
        }
        sizes.put("full", Map.of("file", media.fileName(), "width", media.width(), "height", media.height(),
                "mime_type", media.contentType(), "source_url", source));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("width", media.width());
        details.put("height", media.height());
        details.put("file", media.fileName());
        details.put("sizes", sizes);
        details.put("image_meta", Map.of("credit", media.credit(), "caption", media.caption()));
        row.put("media_details", details);
        row.put("post", null);
        row.put("source_url", source);
        row.put("meta", List.of());
        return row;
    }

    private static Media media(ResultSet rs, String idColumn) throws SQLException {
        String widths = rs.getString("widths");
        return new Media(rs.getLong(idColumn), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("width"),
                rs.getInt("height"), widths.isEmpty() ? List.of() : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList(),
                rs.getString("alt"), rs.getString("caption"), rs.getString("credit"));
    }

    private static void dates(Map<String, Object> row, Instant date, Instant modified, ZoneId zone) {
        row.put("date", local(date, zone));
        row.put("date_gmt", local(date, ZoneOffset.UTC));
        row.put("modified", local(modified, zone));
        row.put("modified_gmt", local(modified, ZoneOffset.UTC));
    }

    /** WordPress's date format: the wall-clock time to the second, without a zone. */
    static String local(Instant at, ZoneId zone) {
        return WP_DATE.format(LocalDateTime.ofInstant(at, zone));
    }

    /** Text as HTML with nothing but escaping: WordPress's "rendered" titles. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        CommentText.escape(text, out);
        return out.toString();
    }

    private static Map<String, Object> rendered(String html) {
        return Map.of("rendered", html);
    }

    private static Map<String, Object> renderedUnprotected(String html) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("rendered", html);
        value.put("protected", false);
        return value;
    }

    /** A where clause built from the request's filters, with its bindings. */
    private static final class Where {
        private final String base;
        /** The conditions added to the base, each starting with " and ". */
        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, List<?>> lists = new LinkedHashMap<>();

        Where(String base) {
            this.base = base;
        }

        /** The same conditions on another base: a count that needs no join to say the same. */
        String on(String otherBase) {
            return otherBase + sql;
        }

        void add(String condition) {
            sql.append(" and ").append(condition);
        }

        void add(String condition, String name, Object value) {
            sql.append(" and ").append(condition);
            values.put(name, value);
        }

        void search(String condition, String text) {
            if (text != null && !text.isBlank()) {
                String escaped = text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_");
                sql.append(" and ").append(condition.replace(":search", ":search escape '!'"));
                values.put("search", "%" + escaped + "%");
            }
        }

        void in(String column, String name, List<?> list) {
            if (list != null && !list.isEmpty()) {
                sql.append(" and ").append(column).append(" in (<").append(name).append(">)");
                lists.put(name, list);
            }
        }

        void in(String column, String name, String subquery, List<?> list) {
            if (list != null && !list.isEmpty()) {
                sql.append(" and ").append(column).append(" in ").append(subquery);
                lists.put(name, list);
            }
        }

        Query bind(Query query) {
            values.forEach(query::bind);
            lists.forEach(query::bindList);
            return query;
        }

        @Override
        public String toString() {
            return base + sql;
        }
    }
}
