package org.masthead.content;

import java.time.Instant;
import java.util.List;
import org.masthead.db.Change;
import org.masthead.db.Tx;

/**
 * Articles: creating one (the only way, for the editor, the demo and tests alike), saving
 * an edit as a new revision, scheduled publishing and preview links. Every method runs in
 * the caller's transaction; the body's Markdown is rendered here, once per save.
 */
public final class ArticleStore {
    private final Markdown markdown;

    public ArticleStore(Markdown markdown) {
        this.markdown = markdown;
    }

    /** Creates an article with its byline, tags, pinned "See also" links and first revision. */
    public long create(Tx tx, ArticleEdit article, ArticleEdit.By by) {
        long now = System.currentTimeMillis();
        Markdown.Rendered body = markdown.render(article.bodyMarkdown());
        long id = ArticleRows.insert(tx.handle(), article, body, by, now);
        ArticleRows.link(tx, id, article);
        ArticleMediaStore.replace(tx.handle(), id, article.bodyMarkdown(), body.html());
        ArticleRows.addRevision(tx.handle(), id, by, article, "Created", now);
        tx.changed("article", id, Change.Kind.CREATED);
        return id;
    }

    /**
     * Saves an edit made on {@code version} of the article, as a new revision; returns the new
     * version. Throws {@link EditConflict}, writing nothing, when someone saved a newer version
     * meanwhile. A published story that changes its slug keeps answering at the old one.
     */
    public int update(Tx tx, long id, int version, ArticleEdit edit, ArticleEdit.By by, String note) {
        long now = System.currentTimeMillis();
        ArticleRows.Stored before = ArticleRows.stored(tx.handle(), id)
                .orElseThrow(() -> new IllegalArgumentException("no article " + id));
        Markdown.Rendered body = markdown.render(edit.bodyMarkdown());
        if (!ArticleRows.update(tx.handle(), id, version, edit, body, before, now)) {
            throw new EditConflict(before.version());
        }
        ArticleMediaStore.replace(tx.handle(), id, edit.bodyMarkdown(), body.html());
        boolean wasPublic = before.status() == ArticleStatus.PUBLISHED || before.status() == ArticleStatus.UNPUBLISHED;
        if (wasPublic || !before.slug().equals(edit.slug())) {
            ArticleRows.redirect(tx.handle(), id, wasPublic ? before.slug() : edit.slug(), edit.slug());
        }
        ArticleRows.link(tx, id, edit);
        ArticleRows.addRevision(tx.handle(), id, by, edit, note, now);
        tx.changed("article", id, Change.Kind.UPDATED);
        return version + 1;
    }

    /**
     * Publishes one scheduled article whose time has come; true when this call did. The
     * update is conditional, so when several instances race only one of them publishes it.
     */
    /**
     * Sets the article's label (News, Opinion, Analysis, Review, Sponsored) and sponsor, checked by
     * the caller, in the transaction that saves the article (which records the change).
     */
    public void label(Tx tx, long id, String label, String sponsor) {
        tx.handle().createUpdate("update articles set label = :label, sponsor = :sponsor where id = :id")
                .bind("label", label).bind("sponsor", sponsor).bind("id", id).execute();
    }

    public boolean publishIfDue(Tx tx, long id, Instant now) {
        int rows = tx.handle().createUpdate("""
                        update articles set status = 'PUBLISHED'
                        where id = :id and status = 'SCHEDULED' and published_at <= :now""")
                .bind("id", id).bind("now", now.toEpochMilli()).execute();
        if (rows == 1) {
            tx.changed("article", id, Change.Kind.UPDATED);
        }
        return rows == 1;
    }

    /** Gives the article its private preview token unless it has one; true when it was made now. */
    public boolean addPreviewToken(Tx tx, long id) {
        boolean has = tx.handle().createQuery("select preview_token from articles where id = :id")
                .bind("id", id).mapTo(String.class).findOne().isPresent();
        if (has) {
            return false;
        }
        tx.handle().execute("update articles set preview_token = ? where id = ?", ArticleRows.randomToken(), id);
        tx.changed("article", id, Change.Kind.UPDATED);
        return true;
    }

    /** Pins "See also" links after the fact, for articles that point at each other. */
    public void pinSeeAlso(Tx tx, long articleId, List<Long> targetIds) {
        tx.handle().execute("delete from article_see_also where article_id = ?", articleId);
        ArticleRows.insertSeeAlso(tx.handle(), articleId, targetIds);
        tx.changed("article", articleId, Change.Kind.UPDATED);
    }
}
