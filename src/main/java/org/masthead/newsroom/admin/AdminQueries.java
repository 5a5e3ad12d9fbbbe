package org.masthead.newsroom.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.masthead.db.Database;

/**
 * What the management pages read: sections, tags, authors, pages and media with the
 * counts an editor needs before changing them. Always fresh from the database, never the
 * reader pages' in-memory copies.
 */
public final class AdminQueries {
    private final Database db;

    public AdminQueries(Database db) {
        this.db = db;
    }

    public record SectionRow(long id, String slug, String name, String description, Long parentId, String parentName,
                             int position, long articles, long children) implements Managed.Row {
    }

    public record TagRow(long id, String slug, String name, long articles) implements Managed.Row {
    }

    public record AuthorRow(long id, String slug, String name, String role, String bioMarkdown, String bioHtml,
                            Long photoId, long articles) implements Managed.Row {
    }

    public record PageRow(long id, String slug, String title, String bodyMarkdown, Instant updatedAt) implements Managed.Row {
        /** A page is named by its title. */
        @Override
        public String name() {
            return title;
        }
    }

    /** A picture an author's photo can be chosen from. */
    public record MediaChoice(long id, String fileName, String alt) {
    }

    public List<SectionRow> sections() {
        return db.read(h -> h.createQuery("""
                        select s.*, p.name as parent_name,
                               (select count(*) from articles a where a.section_id = s.id) as articles,
                               (select count(*) from sections c where c.parent_id = s.id) as children
                        from sections s left join sections p on p.id = s.parent_id
                        order by s.position, s.name, s.id""")
                .map((rs, ctx) -> new SectionRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), nullableLong(rs, "parent_id"), rs.getString("parent_name"), rs.getInt("position"),
                        rs.getLong("articles"), rs.getLong("children")))
                .list());
    }

    public Optional<SectionRow> section(long id) {
        return sections().stream().filter(s -> s.id() == id).findFirst();
    }

    public List<TagRow> tags() {
        return db.read(h -> h.createQuery("""
                        select t.*, (select count(*) from article_tags at where at.tag_id = t.id) as articles
                        from tags t order by t.name, t.id""")
                .map((rs, ctx) -> new TagRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getLong("articles")))
                .list());
    }

    public Optional<TagRow> tag(long id) {
        return tags().stream().filter(t -> t.id() == id).findFirst();
    }

    public List<AuthorRow> authors() {
        return db.read(h -> h.createQuery("""
                        select au.*, (select count(*) from article_authors aa where aa.author_id = au.id) as articles
                        from authors au order by au.name, au.id""")
                .map((rs, ctx) -> new AuthorRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("role"), rs.getString("bio_md"), rs.getString("bio_html"),
                        nullableLong(rs, "photo_media_id"), rs.getLong("articles")))
                .list());
    }

    public Optional<AuthorRow> author(long id) {
        return authors().stream().filter(a -> a.id() == id).findFirst();
    }

    public List<PageRow> pages() {
        return db.read(h -> h.createQuery("select * from pages order by title, id")
                .map((rs, ctx) -> new PageRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("body_md"), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list());
    }

    public Optional<PageRow> page(long id) {
        return pages().stream().filter(p -> p.id() == id).findFirst();
    }

    public List<MediaChoice> media() {
        return db.read(h -> h.createQuery("select id, file_name, alt from media order by file_name")
                .map((rs, ctx) -> new MediaChoice(rs.getLong("id"), rs.getString("file_name"), rs.getString("alt")))
                .list());
    }

    /** Whether another row of {@code table} ("sections", "tags", "authors", "pages") already has this slug. */
    public boolean slugTaken(String table, String slug, long exceptId) {
        if (!List.of("sections", "tags", "authors", "pages").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return db.read(h -> h.createQuery("select count(*) from " + table + " where slug = :slug and id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Long.class).one()) > 0;
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
