package org.masthead.content;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Writes the content model. Every method is one transaction that also records what it
 * changed in the change log; Markdown is rendered here, once per save.
 */
public final class ContentStore {
    private final Database db;
    private final Markdown markdown;

    public ContentStore(Database db, Markdown markdown) {
        this.db = db;
        this.markdown = markdown;
    }

    public void saveSettings(SiteSettings settings) {
        db.write(tx -> {
            Handle h = tx.handle();
            h.execute("delete from site_settings");
            for (String[] pair : new String[][] {
                    {"name", settings.name()}, {"tagline", settings.tagline()},
                    {"language", settings.language()}, {"zone", settings.zone().getId()}}) {
                h.execute("insert into site_settings (name, value) values (?, ?)", pair[0], pair[1]);
            }
            tx.changed("settings", 1, Change.Kind.UPDATED);
            return null;
        });
    }

    /**
     * Saves the settings admins edit, leaving any other site_settings rows alone, and lets
     * the caller record an audit entry in the same transaction.
     */
    public void updateSettings(SiteSettings settings, Alongside alongside) {
        db.write(tx -> {
            Handle h = tx.handle();
            for (String[] pair : new String[][] {
                    {"name", settings.name()}, {"tagline", settings.tagline()},
                    {"language", settings.language()}, {"zone", settings.zone().getId()}}) {
                h.execute("delete from site_settings where name = ?", pair[0]);
                h.execute("insert into site_settings (name, value) values (?, ?)", pair[0], pair[1]);
            }
            tx.changed("settings", 1, Change.Kind.UPDATED);
            alongside.record(tx, 1);
            return null;
        });
    }

    /** Work a caller does inside a store's write transaction, such as an audit entry; gets the row's id. */
    @FunctionalInterface
    public interface Alongside {
        Alongside NOTHING = (tx, id) -> { };

        void record(Tx tx, long id);
    }

    /** A deletion refused because other content still uses the row; the message says what to do. */
    public static final class InUse extends RuntimeException {
        public InUse(String message) {
            super(message, null, false, false);
        }
    }

    public long addSection(String slug, String name, String description, Long parentId, int position) {
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into sections (slug, name, description, parent_id, position)
                    values (?, ?, ?, ?, ?)""", slug, name, description, parentId, position);
            tx.changed("section", id, Change.Kind.CREATED);
            return id;
        });
    }

    public long addSection(String slug, String name, String description, Long parentId, int position, Alongside alongside) {
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into sections (slug, name, description, parent_id, position)
                    values (?, ?, ?, ?, ?)""", slug, name, description, parentId, position);
            tx.changed("section", id, Change.Kind.CREATED);
            alongside.record(tx, id);
            return id;
        });
    }

    public void updateSection(long id, String slug, String name, String description, Long parentId, int position,
                              Alongside alongside) {
        db.write(tx -> {
            execute(tx.handle(), "update sections set slug = ?, name = ?, description = ?, parent_id = ?, position = ? where id = ?",
                    slug, name, description, parentId, position, id);
            tx.changed("section", id, Change.Kind.UPDATED);
            alongside.record(tx, id);
            return null;
        });
    }

    /** Deletes an empty section; refused (nothing changed) while articles or child sections use it. */
    public void deleteSection(long id, Alongside alongside) {
        db.write(tx -> {
            Handle h = tx.handle();
            long articles = count(h, "select count(*) from articles where section_id = ?", id);
            long children = count(h, "select count(*) from sections where parent_id = ?", id);
            if (articles > 0 || children > 0) {
                throw new InUse("This section cannot be deleted while " + inUse(articles, "article", children, "section")
                        + " in it. Move " + (articles > 0 ? "the articles" : "the sections") + " to another section first.");
            }
            h.execute("delete from sections where id = ?", id);
            tx.changed("section", id, Change.Kind.DELETED);
            alongside.record(tx, id);
            return null;
        });
    }

    public long addTag(String slug, String name) {
        return db.write(tx -> {
            long id = insert(tx.handle(), "insert into tags (slug, name) values (?, ?)", slug, name);
            tx.changed("tag", id, Change.Kind.CREATED);
            return id;
        });
    }

    public long addTag(String slug, String name, Alongside alongside) {
        return db.write(tx -> {
            long id = insert(tx.handle(), "insert into tags (slug, name) values (?, ?)", slug, name);
            tx.changed("tag", id, Change.Kind.CREATED);
            alongside.record(tx, id);
            return id;
        });
    }

    public void updateTag(long id, String slug, String name, Alongside alongside) {
        db.write(tx -> {
            execute(tx.handle(), "update tags set slug = ?, name = ? where id = ?", slug, name, id);
            tx.changed("tag", id, Change.Kind.UPDATED);
            alongside.record(tx, id);
            return null;
        });
    }

    /** Deletes a tag and takes it off every article that carried it; those articles count as changed. */
    public void deleteTag(long id, Alongside alongside) {
        db.write(tx -> {
            Handle h = tx.handle();
            List<Long> articles = h.createQuery("select article_id from article_tags where tag_id = :id order by article_id")
                    .bind("id", id).mapTo(Long.class).list();
            h.execute("delete from article_tags where tag_id = ?", id);
            h.execute("delete from tags where id = ?", id);
            for (long article : articles) {
                tx.changed("article", article, Change.Kind.UPDATED);
            }
            tx.changed("tag", id, Change.Kind.DELETED);
            alongside.record(tx, id);
            return null;
        });
    }

    public long addAuthor(String slug, String name, String role, String bioMarkdown, Long photoMediaId) {
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into authors (slug, name, role, bio_md, bio_html, photo_media_id)
                    values (?, ?, ?, ?, ?, ?)""", slug, name, role, bioMarkdown, markdown.toHtml(bioMarkdown), photoMediaId);
            tx.changed("author", id, Change.Kind.CREATED);
            return id;
        });
    }

    public long addAuthor(String slug, String name, String role, String bioMarkdown, Long photoMediaId, Alongside alongside) {
        String bioHtml = markdown.toHtml(bioMarkdown);
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into authors (slug, name, role, bio_md, bio_html, photo_media_id)
                    values (?, ?, ?, ?, ?, ?)""", slug, name, role, bioMarkdown, bioHtml, photoMediaId);
            tx.changed("author", id, Change.Kind.CREATED);
            alongside.record(tx, id);
            return id;
        });
    }

    public void updateAuthor(long id, String slug, String name, String role, String bioMarkdown, Long photoMediaId,
                             Alongside alongside) {
        String bioHtml = markdown.toHtml(bioMarkdown);
        db.write(tx -> {
            execute(tx.handle(), """
                    update authors set slug = ?, name = ?, role = ?, bio_md = ?, bio_html = ?, photo_media_id = ?
                    where id = ?""", slug, name, role, bioMarkdown, bioHtml, photoMediaId, id);
            tx.changed("author", id, Change.Kind.UPDATED);
            alongside.record(tx, id);
            return null;
        });
    }

    /** Deletes an author; refused (nothing changed) while any article carries their byline. */
    public void deleteAuthor(long id, Alongside alongside) {
        db.write(tx -> {
            Handle h = tx.handle();
            long bylines = count(h, "select count(*) from article_authors where author_id = ?", id);
            if (bylines > 0) {
                throw new InUse("This author cannot be deleted while " + inUse(bylines, "article", 0, "")
                        + " under their byline. Give those articles another byline first.");
            }
            h.execute("delete from authors where id = ?", id);
            tx.changed("author", id, Change.Kind.DELETED);
            alongside.record(tx, id);
            return null;
        });
    }

    public long addMedia(String fileName, String contentType, int width, int height, List<Integer> widths,
                         String alt, String caption, String credit) {
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into media (file_name, content_type, width, height, widths, alt, caption, credit, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    fileName, contentType, width, height,
                    widths.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    alt, caption, credit, System.currentTimeMillis());
            tx.changed("media", id, Change.Kind.CREATED);
            return id;
        });
    }

    public long addPage(String slug, String title, String bodyMarkdown) {
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into pages (slug, title, body_md, body_html, updated_at) values (?, ?, ?, ?, ?)""",
                    slug, title, bodyMarkdown, markdown.toHtml(bodyMarkdown), System.currentTimeMillis());
            tx.changed("page", id, Change.Kind.CREATED);
            return id;
        });
    }

    public long addPage(String slug, String title, String bodyMarkdown, Alongside alongside) {
        String bodyHtml = markdown.toHtml(bodyMarkdown);
        return db.write(tx -> {
            long id = insert(tx.handle(), """
                    insert into pages (slug, title, body_md, body_html, updated_at) values (?, ?, ?, ?, ?)""",
                    slug, title, bodyMarkdown, bodyHtml, System.currentTimeMillis());
            tx.changed("page", id, Change.Kind.CREATED);
            alongside.record(tx, id);
            return id;
        });
    }

    public void updatePage(long id, String slug, String title, String bodyMarkdown, Alongside alongside) {
        String bodyHtml = markdown.toHtml(bodyMarkdown);
        db.write(tx -> {
            execute(tx.handle(), "update pages set slug = ?, title = ?, body_md = ?, body_html = ?, updated_at = ? where id = ?",
                    slug, title, bodyMarkdown, bodyHtml, System.currentTimeMillis(), id);
            tx.changed("page", id, Change.Kind.UPDATED);
            alongside.record(tx, id);
            return null;
        });
    }

    /** Deletes a static page, except those the site itself links to and needs (see {@link #KEPT_PAGES}). */
    public void deletePage(long id, Alongside alongside) {
        db.write(tx -> {
            Handle h = tx.handle();
            String slug = h.createQuery("select slug from pages where id = :id").bind("id", id).mapTo(String.class)
                    .findOne().orElse(null);
            if (KEPT_PAGES.contains(slug)) {
                throw new InUse("The page /" + slug + " cannot be deleted: the site links to it on every page and "
                        + "readers' privacy choices refer to it. Edit its text instead.");
            }
            h.execute("delete from pages where id = ?", id);
            tx.changed("page", id, Change.Kind.DELETED);
            alongside.record(tx, id);
            return null;
        });
    }

    /** Static pages the site depends on: they may be edited but keep their address and are never deleted. */
    public static final java.util.Set<String> KEPT_PAGES = java.util.Set.of("privacy");

    /** Creates an article with its authors, tags and pinned "See also" links. */
    public long addArticle(ArticleDraft draft) {
        Markdown.Rendered body = markdown.render(draft.bodyMarkdown());
        return db.write(tx -> {
            Handle h = tx.handle();
            long id = insert(h, """
                    insert into articles (slug, headline, dek, body_md, body_html, body_breaks, language, status,
                        section_id, featured_media_id, published_at, updated_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    draft.slug(), draft.headline(), draft.dek(), draft.bodyMarkdown(), body.html(),
                    body.paragraphBreaks().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    draft.language(), draft.status().name(), draft.sectionId(), draft.featuredMediaId(),
                    millis(draft.publishedAt()), millis(draft.updatedAt()), System.currentTimeMillis());
            linkArticle(h, id, draft);
            tx.changed("article", id, Change.Kind.CREATED);
            return id;
        });
    }

    /** Creates an article from the newsroom's editor, with its first revision; {@code also} runs in the same transaction. */
    public long createArticle(ArticleEdit edit, ArticleEdit.By by, String note, BiConsumer<Tx, Long> also) {
        Markdown.Rendered body = markdown.render(edit.bodyMarkdown());
        return db.write(tx -> {
            long now = System.currentTimeMillis();
            long id = ArticleRows.insert(tx.handle(), edit, body, by, now);
            ArticleRows.link(tx, id, edit);
            ArticleRows.addRevision(tx.handle(), id, by, edit, note, now);
            tx.changed("article", id, Change.Kind.CREATED);
            also.accept(tx, id);
            return id;
        });
    }

    /**
     * Saves an edit made on {@code version} of the article, as a new revision. Throws
     * {@link EditConflict}, writing nothing, when someone saved a newer version meanwhile.
     * A published story that changes its slug keeps answering at the old one.
     */
    public int updateArticle(long id, int version, ArticleEdit edit, ArticleEdit.By by, String note,
                             BiConsumer<Tx, Long> also) {
        Markdown.Rendered body = markdown.render(edit.bodyMarkdown());
        return db.write(tx -> {
            long now = System.currentTimeMillis();
            ArticleRows.Stored before = ArticleRows.stored(tx.handle(), id)
                    .orElseThrow(() -> new IllegalArgumentException("no article " + id));
            if (!ArticleRows.update(tx.handle(), id, version, edit, body, before, now)) {
                throw new EditConflict(before.version());
            }
            boolean wasPublic = before.status() == ArticleStatus.PUBLISHED || before.status() == ArticleStatus.UNPUBLISHED;
            if (wasPublic || !before.slug().equals(edit.slug())) {
                ArticleRows.redirect(tx.handle(), id, wasPublic ? before.slug() : edit.slug(), edit.slug());
            }
            ArticleRows.link(tx, id, edit);
            ArticleRows.addRevision(tx.handle(), id, by, edit, note, now);
            tx.changed("article", id, Change.Kind.UPDATED);
            also.accept(tx, id);
            return version + 1;
        });
    }

    /**
     * Publishes one scheduled article whose time has come. The update is conditional, so
     * when several instances race only one of them publishes it (and records it).
     */
    public boolean publishIfDue(long id, Instant now, BiConsumer<Tx, Long> also) {
        return db.write(tx -> {
            int rows = tx.handle().createUpdate("""
                            update articles set status = 'PUBLISHED'
                            where id = :id and status = 'SCHEDULED' and published_at <= :now""")
                    .bind("id", id).bind("now", now.toEpochMilli()).execute();
            if (rows == 1) {
                tx.changed("article", id, Change.Kind.UPDATED);
                also.accept(tx, id);
            }
            return rows == 1;
        });
    }

    /** The article's private preview token, made on first request and kept afterwards. */
    public String previewToken(long id, BiConsumer<Tx, Long> also) {
        return db.write(tx -> {
            String existing = tx.handle().createQuery("select preview_token from articles where id = :id")
                    .bind("id", id).mapTo(String.class).findOne().orElse(null);
            if (existing != null) {
                return existing;
            }
            String token = ArticleRows.randomToken();
            tx.handle().execute("update articles set preview_token = ? where id = ?", token, id);
            tx.changed("article", id, Change.Kind.UPDATED);
            also.accept(tx, id);
            return token;
        });
    }

    /** Pins "See also" links after the fact, for articles that point at each other. */
    public void pinSeeAlso(long articleId, List<Long> targetIds) {
        db.write((Tx tx) -> {
            Handle h = tx.handle();
            h.execute("delete from article_see_also where article_id = ?", articleId);
            insertSeeAlso(h, articleId, targetIds);
            tx.changed("article", articleId, Change.Kind.UPDATED);
            return null;
        });
    }

    private static void linkArticle(Handle h, long id, ArticleDraft draft) {
        int position = 0;
        for (long authorId : draft.authorIds()) {
            h.execute("insert into article_authors (article_id, author_id, position) values (?, ?, ?)", id, authorId, position++);
        }
        for (long tagId : draft.tagIds()) {
            h.execute("insert into article_tags (article_id, tag_id) values (?, ?)", id, tagId);
        }
        insertSeeAlso(h, id, draft.seeAlsoIds());
    }

    private static void insertSeeAlso(Handle h, long id, List<Long> targetIds) {
        int position = 0;
        for (long target : targetIds.stream().distinct().filter(t -> t != id).toList()) {
            h.execute("insert into article_see_also (article_id, target_id, position) values (?, ?, ?)", id, target, position++);
        }
    }

    private static long insert(Handle h, String sql, Object... values) {
        var update = h.createUpdate(sql);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                update.bindNull(i, Types.BIGINT); // only ids and instants are ever absent
            } else {
                update.bind(i, values[i]);
            }
        }
        return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void execute(Handle h, String sql, Object... values) {
        var update = h.createUpdate(sql);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                update.bindNull(i, Types.BIGINT); // only ids are ever absent
            } else {
                update.bind(i, values[i]);
            }
        }
        update.execute();
    }

    private static long count(Handle h, String sql, long id) {
        return h.createQuery(sql).bind(0, id).mapTo(Long.class).one();
    }

    /** "3 articles are" / "1 article and 2 sections are": what still uses a row, for refusals. */
    private static String inUse(long first, String firstNoun, long second, String secondNoun) {
        List<String> parts = new java.util.ArrayList<>();
        if (first > 0) {
            parts.add(first + " " + firstNoun + (first == 1 ? "" : "s"));
        }
        if (second > 0) {
            parts.add(second + " " + secondNoun + (second == 1 ? "" : "s"));
        }
        return String.join(" and ", parts) + (first + second == 1 ? " is" : " are");
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
