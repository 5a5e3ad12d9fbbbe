package org.masthead.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.db.Database;

/** The lookups of the API's writes: sections and bylines by slug (as the read API names them) and back. */
final class WriteQueries {
    private final Database db;

    WriteQueries(Database db) {
        this.db = db;
    }

    Optional<Long> sectionId(String slug) {
        return db.read(h -> h.createQuery("select id from sections where slug = :slug").bind("slug", slug)
                .mapTo(Long.class).findOne());
    }

    Optional<String> sectionSlug(long id) {
        return db.read(h -> h.createQuery("select slug from sections where id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    /** Author ids by slug, for those of {@code slugs} that exist. */
    Map<String, Long> authorIds(List<String> slugs) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (slugs.isEmpty()) {
            return ids;
        }
        db.read(h -> h.createQuery("select id, slug from authors where slug in (<slugs>)").bindList("slugs", slugs)
                .map((rs, ctx) -> ids.put(rs.getString("slug"), rs.getLong("id"))).list());
        return ids;
    }

    /** The slugs of authors {@code ids}, in that order. */
    List<String> authorSlugs(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> slugs = new LinkedHashMap<>();
        db.read(h -> h.createQuery("select id, slug from authors where id in (<ids>)").bindList("ids", ids)
                .map((rs, ctx) -> slugs.put(rs.getLong("id"), rs.getString("slug"))).list());
        return ids.stream().map(slugs::get).filter(s -> s != null).toList();
    }
}
