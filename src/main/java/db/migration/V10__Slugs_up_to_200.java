package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every slug column holds 200 characters, the one limit of content.Slugs; sections,
 * authors, tags and pages began with 120 (articles and old article addresses had 200).
 * PostgreSQL enforces the width, so its columns are widened; SQLite ignores a varchar's
 * length, so there is nothing to change there. A Java migration because the two
 * databases have no ALTER COLUMN in common.
 */
public class V10__Slugs_up_to_200 extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("sections", "authors", "tags", "pages")) {
                statement.execute("alter table " + table + " alter column slug type varchar(200)");
            }
        }
    }
}
