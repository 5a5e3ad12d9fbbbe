package org.masthead.content;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Tx;

/**
 * The SQL behind an article's saves, kept out of {@link ArticleStore} so each of its methods
 * reads as one transaction's steps: the article row, its links, its revision, its old address.
 */
final class ArticleRows {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArticleRows() {
    }

    /** What a save needs to know of the stored row before it overwrites it. */
    record Stored(String slug, ArticleStatus status, int version, String noteKind, String noteText, Long noteAt,
                  Long updatedAt) {
    }

    static Optional<Stored> stored(Handle h, long id) {
        return h.createQuery("select slug, status, version, note_kind, note_text, note_at, updated_at from articles where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getString("slug"), ArticleStatus.valueOf(rs.getString("status")),
                        rs.getInt("version"), rs.getString("note_kind"), rs.getString("note_text"),
                        nullableLong(rs, "note_at"), nullableLong(rs, "updated_at")))
                .findOne();
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static long insert(Handle h, ArticleEdit edit, Markdown.Rendered body, ArticleEdit.By by, long now) {
        boolean noted = edit.noteText() != null && !edit.noteText().isBlank();
        return h.createUpdate("""
                        insert into articles (slug, headline, dek, body_md, body_html, body_breaks, language, status,
                            section_id, featured_media_id, published_at, updated_at, created_at, seo_title, seo_description,
                            version, note_kind, note_text, note_at, created_by, comments)
                        values (:slug, :headline, :dek, :md, :html, :breaks, :language, :status, :section, :media,
                            :published, :updated, :now, :seoTitle, :seoDescription, 1, :noteKind, :noteText, :noteAt, :by,
                            :comments)""")
                .bindMap(columns(edit, body))
                .bind("media", edit.featuredMediaId())
                .bind("published", millis(edit.publishedAt()))
                .bind("updated", millis(edit.updatedAt()))
                .bind("now", now).bind("by", by.userId())
                .bind("noteKind", noted ? edit.noteKind() : null).bind("noteText", noted ? edit.noteText() : null)
                .bind("noteAt", noted ? now : null)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Overwrites the row only if it is still at {@code version}; false when someone saved meanwhile. */
    static boolean update(Handle h, long id, int version, ArticleEdit edit, Markdown.Rendered body, Stored before, long now) {
        boolean noted = edit.noteText() != null && !edit.noteText().isBlank();
        boolean noteChanged = noted && !(edit.noteText().equals(before.noteText()) && edit.noteKind().equals(before.noteKind()));
        Long noteAt = !noted ? null : noteChanged ? Long.valueOf(now) : before.noteAt();
        // An edit to a live story is what readers are told about as "Updated".
        Long updatedAt = edit.updatedAt() != null ? millis(edit.updatedAt())
                : before.status() == ArticleStatus.PUBLISHED && edit.status() == ArticleStatus.PUBLISHED
                ? Long.valueOf(now) : before.updatedAt();
        int rows = h.createUpdate("""
                        update articles set slug = :slug, headline = :headline, dek = :dek, body_md = :md, body_html = :html,
                            body_breaks = :breaks, language = :language, status = :status, section_id = :section,
                            featured_media_id = :media, published_at = :published, updated_at = :updated,
                            seo_title = :seoTitle, seo_description = :seoDescription, note_kind = :noteKind,
                            note_text = :noteText, note_at = :noteAt, comments = :comments, version = version + 1
                        where id = :id and version = :version""")
                .bindMap(columns(edit, body))
                .bind("media", edit.featuredMediaId())
                .bind("published", millis(edit.publishedAt()))
                .bind("updated", updatedAt).bind("noteKind", noted ? edit.noteKind() : null)
                .bind("noteText", noted ? edit.noteText() : null).bind("noteAt", noteAt)
                .bind("id", id).bind("version", version)
                .execute();
        return rows == 1;
    }

    private static java.util.Map<String, Object> columns(ArticleEdit edit, Markdown.Rendered body) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("slug", edit.slug());
        values.put("headline", edit.headline());
        values.put("dek", edit.dek());
        values.put("md", edit.bodyMarkdown());
        values.put("html", body.html());
        values.put("breaks", body.paragraphBreaks().stream().map(String::valueOf).collect(Collectors.joining(",")));
        values.put("language", edit.language());
        values.put("status", edit.status().name());
        values.put("section", edit.sectionId());
        values.put("seoTitle", edit.seoTitle());
        values.put("seoDescription", edit.seoDescription());
        values.put("comments", edit.commentsOpen() ? "open" : "closed");
        return values;
    }

    /** Replaces the article's authors, tags (creating unknown ones) and pinned "See also" links. */
    static void link(Tx tx, long id, ArticleEdit edit) {
        Handle h = tx.handle();
        h.execute("delete from article_authors where article_id = ?", id);
        h.execute("delete from article_tags where article_id = ?", id);
        h.execute("delete from article_see_also where article_id = ?", id);
        int position = 0;
        for (long authorId : edit.authorIds().stream().distinct().toList()) {
            h.execute("insert into article_authors (article_id, author_id, position) values (?, ?, ?)", id, authorId, position++);
        }
        List<Long> tagIds = new ArrayList<>();
        for (String name : edit.tagNames()) {
            long tagId = TagStore.named(tx, name);
            if (!tagIds.contains(tagId)) {
                tagIds.add(tagId);
                h.execute("insert into article_tags (article_id, tag_id) values (?, ?)", id, tagId);
            }
        }
        insertSeeAlso(h, id, edit.seeAlsoIds());
    }

    static void insertSeeAlso(Handle h, long id, List<Long> targetIds) {
        int position = 0;
        for (long target : targetIds.stream().distinct().filter(t -> t != id).toList()) {
            h.execute("insert into article_see_also (article_id, target_id, position) values (?, ?, ?)", id, target, position++);
        }
    }

    static int addRevision(Handle h, long id, ArticleEdit.By by, ArticleEdit edit, String note, long now) {
        int number = h.createQuery("select coalesce(max(number), 0) + 1 from article_revisions where article_id = :id")
                .bind("id", id).mapTo(Integer.class).one();
        h.createUpdate("""
                        insert into article_revisions (article_id, number, user_id, user_name, headline, dek, body_md, saved_at, note)
                        values (:id, :number, :user, :name, :headline, :dek, :md, :at, :note)""")
                .bind("id", id).bind("number", number).bind("user", by.userId()).bind("name", by.userName())
                .bind("headline", edit.headline()).bind("dek", edit.dek()).bind("md", edit.bodyMarkdown())
                .bind("at", now).bind("note", note.length() > 300 ? note.substring(0, 300) : note)
                .execute();
        return number;
    }

    /** Keeps a published story's old address answering, and frees the new one from any old claim. */
    static void redirect(Handle h, long id, String oldSlug, String newSlug) {
        h.execute("delete from slug_redirects where old_slug = ?", newSlug);
        if (!oldSlug.equals(newSlug)) {
            h.execute("delete from slug_redirects where old_slug = ?", oldSlug);
            h.execute("insert into slug_redirects (old_slug, article_id) values (?, ?)", oldSlug, id);
        }
    }

    private static Long millis(java.time.Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
