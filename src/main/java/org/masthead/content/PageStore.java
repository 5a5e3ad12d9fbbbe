package org.masthead.content;

import java.util.Set;
import org.masthead.db.Change;
import org.masthead.db.Tx;

/** The static pages at /slug, such as About and the Privacy & Cookies Policy; Markdown rendered once per save. */
public final class PageStore {
    /** Pages the site depends on: they may be edited but keep their address and are never deleted. */
    public static final Set<String> KEPT = Set.of("privacy");

    private final Markdown markdown;

    public PageStore(Markdown markdown) {
        this.markdown = markdown;
    }

    /** Why the page at {@code slug} may not be deleted, or null when it may. */
    public static String undeletable(String slug) {
        return KEPT.contains(slug) ? "The page /" + slug + " cannot be deleted: the site links to it on every page and "
                + "readers' privacy choices refer to it. Edit its text instead." : null;
    }

    public long add(Tx tx, String slug, String title, String bodyMarkdown) {
        long id = tx.handle().createUpdate("""
                        insert into pages (slug, title, body_md, body_html, updated_at)
                        values (:slug, :title, :md, :html, :at)""")
                .bind("slug", slug).bind("title", title).bind("md", bodyMarkdown)
                .bind("html", markdown.toHtml(bodyMarkdown)).bind("at", System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("page", id, Change.Kind.CREATED);
        return id;
    }

    public void update(Tx tx, long id, String slug, String title, String bodyMarkdown) {
        tx.handle().createUpdate("""
                        update pages set slug = :slug, title = :title, body_md = :md, body_html = :html, updated_at = :at
                        where id = :id""")
                .bind("slug", slug).bind("title", title).bind("md", bodyMarkdown)
                .bind("html", markdown.toHtml(bodyMarkdown)).bind("at", System.currentTimeMillis()).bind("id", id)
                .execute();
        tx.changed("page", id, Change.Kind.UPDATED);
    }

    /** Puts a page under another (null: at the top), as an imported site's page tree had it. */
    public void setParent(Tx tx, long id, Long parentId) {
        tx.handle().createUpdate("update pages set parent_id = :parent where id = :id")
                .bind("parent", parentId).bind("id", id).execute();
        tx.changed("page", id, Change.Kind.UPDATED);
    }

    /** Deletes a page; refused with {@link InUse} for those the site needs (see {@link #KEPT}). */
    public void delete(Tx tx, long id) {
        String slug = tx.handle().createQuery("select slug from pages where id = :id").bind("id", id)
                .mapTo(String.class).findOne().orElse(null);
        String refusal = undeletable(slug);
        if (refusal != null) {
            throw new InUse(refusal);
        }
        tx.handle().execute("delete from pages where id = ?", id);
        tx.changed("page", id, Change.Kind.DELETED);
    }
}
