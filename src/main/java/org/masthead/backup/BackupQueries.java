package org.masthead.backup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.masthead.db.Database;

/** The export's reads: row counts and every row of a table, streamed, all from one snapshot of the database. */
final class BackupQueries {
    /** Rows the database sends at a time: a table is read in pieces, never held whole. */
    private static final int FETCH = 500;
    private final Database db;

    BackupQueries(Database db) {
        this.db = db;
    }

    String databaseKind() {
        return db.dialect().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs {@code work} with a reader that sees the database as of one moment throughout. */
    <T> T snapshot(Function<Reader, T> work) {
        return db.snapshot(handle -> work.apply(new Reader(handle)));
    }

    /** Reads within one snapshot. */
    static final class Reader {
        private final Handle handle;

        private Reader(Handle handle) {
            this.handle = handle;
        }

        long count(Table table) {
            return handle.createQuery("select count(*) from " + table.name()).mapTo(Long.class).one();
        }

        /** Calls {@code each} with every row's values (in the table's column order), in the table's key order. */
        void rows(Table table, Consumer<Object[]> each) {
            String sql = "select " + String.join(", ", table.columnNames()) + " from " + table.name()
                    + " order by " + table.order();
            handle.createQuery(sql).setFetchSize(FETCH)
                    .map((rs, ctx) -> values(rs, table))
                    .forEach(each);
        }

        private static Object[] values(ResultSet rs, Table table) throws SQLException {
            Object[] values = new Object[table.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (table.columns().get(i).type()) {
                    case TEXT -> rs.getString(i + 1);
                    case LONG -> rs.getLong(i + 1);
                    case INT -> rs.getInt(i + 1);
                    case DOUBLE -> rs.getDouble(i + 1);
                };
                if (rs.wasNull()) {
                    values[i] = null;
                }
            }
            return values;
        }
    }
}
