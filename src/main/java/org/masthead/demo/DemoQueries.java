package org.masthead.demo;

import java.util.Map;
import java.util.stream.Collectors;
import org.masthead.db.Database;

/** The ids the generator needs of a site holding the demo: authors by slug. */
final class DemoQueries {
    private final Database db;

    DemoQueries(Database db) {
        this.db = db;
    }

    Map<String, Long> authorIds() {
        return db.read(h -> h.createQuery("select slug, id from authors")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
