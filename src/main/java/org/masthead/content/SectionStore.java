package org.masthead.content;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/** The paper's sections: their names, addresses, nesting and order in the navigation. */
public final class SectionStore {
    private final Database db;

    public SectionStore(Database db) {
        this.db = db;
    }

    /** Every section in its editor-set order, read now. */
    public List<Section> all() {
        return db.read(h -> h.createQuery("select * from sections order by position, name")
                .map((rs, ctx) -> {
                    long parentId = rs.getLong("parent_id");
                    Long parent = rs.wasNull() ? null : parentId;
                    return new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                            rs.getString("description"), parent);
                })
                .list());
    }

    public long add(Tx tx, String slug, String name, String description, Long parentId, int position) {
        long id = tx.handle().createUpdate("""
                        insert into sections (slug, name, description, parent_id, position)
                        values (:slug, :name, :description, :parent, :position)""")
                .bind("slug", slug).bind("name", name).bind("description", description).bind("parent", parentId)
                .bind("position", position)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed("section", id, Change.Kind.CREATED);
        return id;
    }

    public void update(Tx tx, long id, String slug, String name, String description, Long parentId, int position) {
        tx.handle().createUpdate("""
                        update sections set slug = :slug, name = :name, description = :description, parent_id = :parent,
                            position = :position
                        where id = :id""")
                .bind("slug", slug).bind("name", name).bind("description", description).bind("parent", parentId)
                .bind("position", position).bind("id", id)
                .execute();
        tx.changed("section", id, Change.Kind.UPDATED);
    }

    /** Deletes an empty section; refused with {@link InUse} while articles or child sections use it. */
    public void delete(Tx tx, long id) {
        Handle h = tx.handle();
        long articles = h.createQuery("select count(*) from articles where section_id = :id").bind("id", id)
                .mapTo(Long.class).one();
        long children = h.createQuery("select count(*) from sections where parent_id = :id").bind("id", id)
                .mapTo(Long.class).one();
        if (articles > 0 || children > 0) {
            throw new InUse("This section cannot be deleted while " + InUse.counted(articles, "article", children, "section")
                    + " in it. Move " + (articles > 0 ? "the articles" : "the sections") + " to another section first.");
        }
        h.execute("delete from sections where id = ?", id);
        tx.changed("section", id, Change.Kind.DELETED);
    }
}
