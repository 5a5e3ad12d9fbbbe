package org.masthead.content;

import org.masthead.db.Change;
import org.masthead.db.Tx;

/**
 * The people in bylines (not newsroom accounts): name, address, role line, photo and a
 * Markdown bio, rendered here once per save by the Markdown the whole site uses.
 */
public final class AuthorStore {
    private final Markdown markdown;

    public AuthorStore(Markdown markdown) {
        this.markdown = markdown;
    }

    public long add(Tx tx, String slug, String name, String role, String bioMarkdown, Long photoMediaId) {
        long id = tx.handle().createUpdate("""
                        insert into authors (slug, name, role, bio_md, bio_html, photo_media_id)
                        values (:slug, :name, :role, :md, :html, :photo)""")
                .bind("slug", slug).bind("name", name).bind("role", role).bind("md", bioMarkdown)
                .bind("html", markdown.toHtml(bioMarkdown)).bind("photo", photoMediaId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("author", id, Change.Kind.CREATED);
        return id;
    }

    public void update(Tx tx, long id, String slug, String name, String role, String bioMarkdown, Long photoMediaId) {
        tx.handle().createUpdate("""
                        update authors set slug = :slug, name = :name, role = :role, bio_md = :md, bio_html = :html,
                            photo_media_id = :photo
                        where id = :id""")
                .bind("slug", slug).bind("name", name).bind("role", role).bind("md", bioMarkdown)
                .bind("html", markdown.toHtml(bioMarkdown)).bind("photo", photoMediaId).bind("id", id)
                .execute();
        tx.changed("author", id, Change.Kind.UPDATED);
    }

    /** Deletes an author; refused with {@link InUse} while any article carries their byline. */
    public void delete(Tx tx, long id) {
        long bylines = tx.handle().createQuery("select count(*) from article_authors where author_id = :id")
                .bind("id", id).mapTo(Long.class).one();
        if (bylines > 0) {
            throw new InUse("This author cannot be deleted while " + InUse.counted(bylines, "article", 0, "")
                    + " under their byline. Give those articles another byline first.");
        }
        tx.handle().execute("delete from authors where id = ?", id);
        tx.changed("author", id, Change.Kind.DELETED);
    }
}
