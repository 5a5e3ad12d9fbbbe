package org.masthead.wordpress;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.masthead.content.ArticlePaths;
import org.masthead.content.Media;
import org.masthead.db.Database;

/** Where an old WordPress address points now: the current address of the row it was imported as, if readers can see it. */
public final class LegacyQueries {
    private final Database db;

    public LegacyQueries(Database db) {
        this.db = db;
    }

    /** The current address for a key of {@link LegacyPaths}, in the site's time zone for article dates. */
    public Optional<String> target(String key, ZoneId zone) {
        if (key == null) {
            return Optional.empty();
        }
        return db.read(h -> {
            var row = h.createQuery("select kind, target_id from legacy_paths where path = :path").bind("path", key)
                    .map((rs, ctx) -> new Object[] {rs.getString("kind"), rs.getLong("target_id")}).findOne();
            if (row.isEmpty()) {
                return Optional.<String>empty();
            }
            String kind = (String) row.get()[0];
            long id = (Long) row.get()[1];
            return switch (kind) {
                case "article" -> h.createQuery("select slug, published_at from articles where id = :id and status = 'PUBLISHED'")
                        .bind("id", id)
                        .map((rs, ctx) -> ArticlePaths.url(rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")), zone))
                        .findOne();
                case "page" -> slug(h, "pages", id).map(slug -> "/" + slug);
                case "section" -> slug(h, "sections", id).map(slug -> "/section/" + slug);
                case "tag" -> slug(h, "tags", id).map(slug -> "/tag/" + slug);
                case "author" -> slug(h, "authors", id).map(slug -> "/author/" + slug);
                case "media" -> h.createQuery("select file_name from media where id = :id").bind("id", id)
                        .mapTo(String.class).findOne().map(file -> Media.URL_PREFIX + file);
                default -> Optional.<String>empty();
            };
        });
    }

    private static Optional<String> slug(org.jdbi.v3.core.Handle h, String table, long id) {
        return h.createQuery("select slug from " + table + " where id = :id").bind("id", id).mapTo(String.class).findOne();
    }
}
