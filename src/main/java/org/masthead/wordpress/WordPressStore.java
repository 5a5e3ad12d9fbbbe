package org.masthead.wordpress;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Tx;

/**
 * The import's own rows, written in the import's transaction: which Masthead row each
 * WordPress item became, and the old addresses that now answer 301. Also the few reads the
 * import needs to find free slugs and current versions.
 */
final class WordPressStore {

    /** The Masthead row an earlier import made of this item, if any (empty target for a missing attachment). */
    Optional<Long> mapped(Tx tx, String source, String kind, String wpKey) {
        return tx.handle().createQuery("""
                        select target_id from wordpress_items where source = :source and kind = :kind and wp_key = :key""")
                .bind("source", source).bind("kind", kind).bind("key", wpKey)
                .mapTo(Long.class).findFirst();
    }

    void remember(Tx tx, String source, String kind, String wpKey, Long targetId, String url) {
        Handle h = tx.handle();
        h.createUpdate("delete from wordpress_items where source = :source and kind = :kind and wp_key = :key")
                .bind("source", source).bind("kind", kind).bind("key", wpKey).execute();
        h.createUpdate("""
                        insert into wordpress_items (source, kind, wp_key, target_id, url)
                        values (:source, :kind, :key, :target, :url)""")
                .bind("source", source).bind("kind", kind).bind("key", wpKey).bind("target", targetId)
                .bind("url", url == null ? "" : url).execute();
    }

    /** Points an old address at a row; an address claimed before is taken over. */
    void redirect(Tx tx, String path, String kind, long targetId) {
        tx.handle().execute("delete from legacy_paths where path = ?", path);
        tx.handle().execute("insert into legacy_paths (path, kind, target_id) values (?, ?, ?)", path, kind, targetId);
    }

    /** The id of the row of {@code table} (sections, tags, authors, pages, articles) with this slug. */
    Optional<Long> idBySlug(Tx tx, String table, String slug) {
        if (!java.util.Set.of("sections", "tags", "authors", "pages", "articles").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return tx.handle().createQuery("select id from " + table + " where slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findFirst();
    }

    /** {@code slug}, or {@code slug-2}, {@code slug-3}… the first one no other row of the table uses. */
    String freeSlug(Tx tx, String table, String slug, Long ownId, int maxLength) {
        String candidate = slug;
        for (int n = 2; ; n++) {
            Optional<Long> holder = idBySlug(tx, table, candidate);
            if (holder.isEmpty() || holder.get().equals(ownId)) {
                return candidate;
            }
            String suffix = "-" + n;
            String base = slug.length() + suffix.length() > maxLength ? slug.substring(0, maxLength - suffix.length()) : slug;
            candidate = base.replaceAll("-+$", "") + suffix;
        }
    }

    /** The article's current version, for saving an update over it. */
    int articleVersion(Tx tx, long id) {
        return tx.handle().createQuery("select version from articles where id = :id").bind("id", id)
                .mapTo(Integer.class).one();
    }

    boolean exists(Tx tx, String table, long id) {
        if (!java.util.Set.of("sections", "tags", "authors", "pages", "articles", "media", "comments").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return tx.handle().createQuery("select count(*) from " + table + " where id = :id").bind("id", id)
                .mapTo(Integer.class).one() > 0;
    }

    int nextSectionPosition(Tx tx) {
        return tx.handle().createQuery("select coalesce(max(position), 0) + 1 from sections").mapTo(Integer.class).one();
    }

    /** The media row already holding this file, if an import or upload made one. */
    Optional<Long> mediaByFile(Tx tx, String fileName) {
        return tx.handle().createQuery("select id from media where file_name = :f").bind("f", fileName)
                .mapTo(Long.class).findFirst();
    }

    void updateMediaWords(Tx tx, long id, String alt, String caption, String credit) {
        tx.handle().createUpdate("update media set alt = :alt, caption = :caption, credit = :credit where id = :id")
                .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("id", id).execute();
        tx.changed("media", id, org.masthead.db.Change.Kind.UPDATED);
    }
}
