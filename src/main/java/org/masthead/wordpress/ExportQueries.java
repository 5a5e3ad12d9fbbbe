package org.masthead.wordpress;

import java.util.List;
import org.masthead.db.Database;

/** What a WordPress export of this site reads, in batches by id so a large site streams. */
public final class ExportQueries {
    static final int BATCH = 500;
    private final Database db;

    public ExportQueries(Database db) {
        this.db = db;
    }

    record AuthorRow(long id, String slug, String name) {
    }

    record SectionRow(long id, String slug, String name, String description, String parentSlug) {
    }

    record TagRow(long id, String slug, String name) {
    }

    record MediaRow(long id, String fileName, String alt, String caption, String credit, long createdAt) {
    }

    /** A static page; {@code parentId} is 0 for a page at the top. */
    record PageRow(long id, String slug, String title, String bodyHtml, long updatedAt, long parentId) {
    }

    record ArticleRow(long id, String slug, String headline, String dek, String bodyHtml, String status, String sectionSlug,
                      String sectionName, Long publishedAt, long createdAt, Long featuredMediaId, boolean commentsOpen,
                      String authorSlug) {
    }

    record CommentRow(long id, Long parentId, String name, String email, String url, String body, String status,
                      long createdAt) {
    }

    List<AuthorRow> authors() {
        return db.read(h -> h.createQuery("select id, slug, name from authors order by id")
                .map((rs, ctx) -> new AuthorRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
    }

    List<SectionRow> sections() {
        return db.read(h -> h.createQuery("""
                        select s.id, s.slug, s.name, s.description, p.slug as parent_slug
                        from sections s left join sections p on p.id = s.parent_id order by s.position, s.id""")
                .map((rs, ctx) -> new SectionRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getString("parent_slug"))).list());
    }

    List<TagRow> tags() {
        return db.read(h -> h.createQuery("select id, slug, name from tags order by id")
                .map((rs, ctx) -> new TagRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
    }

    List<MediaRow> media(long after) {
        return db.read(h -> h.createQuery("""
                        select id, file_name, alt, caption, credit, created_at from media where id > :after order by id limit :n""")
                .bind("after", after).bind("n", BATCH)
                .map((rs, ctx) -> new MediaRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("alt"),
                        rs.getString("caption"), rs.getString("credit"), rs.getLong("created_at"))).list());
    }

    List<PageRow> pages(long after) {
        return db.read(h -> h.createQuery("""
                        select id, slug, title, body_html, updated_at, parent_id from pages where id > :after
                        order by id limit :n""")
                .bind("after", after).bind("n", BATCH)
                .map((rs, ctx) -> new PageRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("body_html"), rs.getLong("updated_at"), rs.getLong("parent_id"))).list());
    }

    List<ArticleRow> articles(long after) {
        return db.read(h -> h.createQuery("""
                        select a.id, a.slug, a.headline, a.dek, a.body_html, a.status, s.slug as section_slug,
                            s.name as section_name, a.published_at, a.created_at, a.featured_media_id, a.comments,
                            (select au.slug from article_authors aa join authors au on au.id = aa.author_id
                             where aa.article_id = a.id order by aa.position limit 1) as author_slug
                        from articles a join sections s on s.id = a.section_id
                        where a.id > :after order by a.id limit :n""")
                .bind("after", after).bind("n", BATCH)
                .map((rs, ctx) -> {
                    long published = rs.getLong("published_at");
                    Long publishedAt = rs.wasNull() ? null : published;
                    long featured = rs.getLong("featured_media_id");
                    Long featuredId = rs.wasNull() ? null : featured;
                    return new ArticleRow(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("dek"),
                            rs.getString("body_html"), rs.getString("status"), rs.getString("section_slug"),
                            rs.getString("section_name"), publishedAt, rs.getLong("created_at"), featuredId,
                            "open".equals(rs.getString("comments")), rs.getString("author_slug"));
                }).list());
    }

    List<TagRow> tagsOf(long articleId) {
        return db.read(h -> h.createQuery("""
                        select t.id, t.slug, t.name from article_tags at join tags t on t.id = at.tag_id
                        where at.article_id = :id order by t.name""")
                .bind("id", articleId)
                .map((rs, ctx) -> new TagRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
    }

    List<CommentRow> comments(long articleId) {
        return db.read(h -> h.createQuery("""
                        select id, parent_id, author_name, author_email, author_url, body, status, created_at
                        from comments where article_id = :id order by id""")
                .bind("id", articleId)
                .map((rs, ctx) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new CommentRow(rs.getLong("id"), parentId, rs.getString("author_name"),
                            rs.getString("author_email"), rs.getString("author_url"), rs.getString("body"),
                            rs.getString("status"), rs.getLong("created_at"));
                }).list());
    }

    long count(String table) {
        if (!List.of("articles", "pages", "media").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return db.read(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }
}
