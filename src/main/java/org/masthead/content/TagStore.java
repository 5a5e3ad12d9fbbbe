package org.masthead.content;

import java.util.List;
import java.util.Optional;
import org.masthead.db.Change;
import org.masthead.db.Tx;

/** Tags: the topics that cut across sections. */
public final class TagStore {

    public long add(Tx tx, String slug, String name) {
        return insert(tx, slug, name);
    }

    public void update(Tx tx, long id, String slug, String name) {
        tx.handle().createUpdate("update tags set slug = :slug, name = :name where id = :id")
                .bind("slug", slug).bind("name", name).bind("id", id).execute();
        tx.changed("tag", id, Change.Kind.UPDATED);
    }

    /** Deletes a tag and takes it off every article that carried it; those articles count as changed. */
    public void delete(Tx tx, long id) {
        List<Long> articles = tx.handle()
                .createQuery("select article_id from article_tags where tag_id = :id order by article_id")
                .bind("id", id).mapTo(Long.class).list();
        tx.handle().execute("delete from article_tags where tag_id = ?", id);
        tx.handle().execute("delete from tags where id = ?", id);
        for (long article : articles) {
            tx.changed("article", article, Change.Kind.UPDATED);
        }
        tx.changed("tag", id, Change.Kind.DELETED);
    }

    /** The tag of that name (or slug), created when there is none yet: how an article's tags are saved. */
    static long named(Tx tx, String name) {
        String slug = Slugs.of(name);
        Optional<Long> known = tx.handle().createQuery("select id from tags where slug = :slug or lower(name) = lower(:name)")
                .bind("slug", slug).bind("name", name).mapTo(Long.class).findFirst();
        return known.orElseGet(() -> insert(tx, slug, name));
    }

    private static long insert(Tx tx, String slug, String name) {
        long id = tx.handle().createUpdate("insert into tags (slug, name) values (:slug, :name)")
                .bind("slug", slug).bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("tag", id, Change.Kind.CREATED);
        return id;
    }
}
