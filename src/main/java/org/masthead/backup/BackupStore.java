package org.masthead.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.masthead.db.Change;
import org.masthead.db.Dialect;
import org.masthead.db.Tx;

/** The import's writes, all in the caller's transaction: rows with their own ids, then sequences set past them. */
final class BackupStore {
    /** Rows sent to the database at a time. */
    static final int BATCH = 500;
    private final Dialect dialect;

    BackupStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The tables of the format that hold rows, with their counts; replaced tables (a site's own keys) do not count. */
    Map<String, Long> content(Tx tx) {
        Map<String, Long> found = new TreeMap<>();
        for (Table table : ExportFormat.TABLES) {
            if (!table.replaced()) {
                long rows = tx.handle().createQuery("select count(*) from " + table.name()).mapTo(Long.class).one();
                if (rows > 0) {
                    found.put(table.name(), rows);
                }
            }
        }
        return found;
    }

    /** Removes the rows the site made for itself, which the export's replace. */
    void clear(Tx tx, Table table) {
        tx.handle().execute("delete from " + table.name());
    }

    /** Rows of one table, sent in batches; deferred columns are written as null here and set by {@link #link}. */
    final class Rows implements AutoCloseable {
        private final Tx tx;
        private final Table table;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        Rows(Tx tx, Table table) {
            this.tx = tx;
            this.table = table;
        }

        void add(Object[] values) {
            Object[] row = values.clone();
            for (String column : table.deferred()) {
                row[table.columnNames().indexOf(column)] = null;
            }
            pending.add(row);
            if (table.entity() != null && table.entityKey() != null) {
                Object key = values[table.columnNames().indexOf(table.entityKey())];
                tx.changed(table.entity(), ((Number) key).longValue(), Change.Kind.CREATED);
            }
            if (pending.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> names = table.columnNames();
            PreparedBatch batch = tx.handle().prepareBatch("insert into " + table.name() + " (" + String.join(", ", names)
                    + ") values (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")");
            for (Object[] row : pending) {
                for (int i = 0; i < row.length; i++) {
                    bind(batch, i, table.columns().get(i).type(), row[i]);
                }
                batch.add();
            }
            batch.execute();
            pending.clear();
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static void bind(PreparedBatch batch, int position, Table.Type type, Object value) {
        if (value == null) {
            batch.bindNull(position, switch (type) {
                case TEXT -> java.sql.Types.VARCHAR;
                case LONG -> java.sql.Types.BIGINT;
                case INT -> java.sql.Types.INTEGER;
                case DOUBLE -> java.sql.Types.DOUBLE;
            });
            return;
        }
        switch (type) {
            case TEXT -> batch.bind(position, (String) value);
            case LONG -> batch.bind(position, ((Number) value).longValue());
            case INT -> batch.bind(position, ((Number) value).intValue());
            case DOUBLE -> batch.bind(position, ((Number) value).doubleValue());
        }
    }

    /** Sets a deferred column of one row, once every row of its table is in. */
    void link(Tx tx, Table table, String column, long id, long target) {
        tx.handle().createUpdate("update " + table.name() + " set " + column + " = :target where id = :id")
                .bind("target", target).bind("id", id).execute();
    }

    /** One change-log entry for a table announced as a whole (the settings, the spam model). */
    void announce(Tx tx, Table table) {
        tx.changed(table.entity(), 1, Change.Kind.CREATED);
    }

    /**
     * Moves each auto-numbered id past the highest imported one, so the next row the site makes
     * gets a new number. PostgreSQL keeps that number in the column's identity sequence; SQLite's
     * AUTOINCREMENT already keeps the highest id it was given.
     */
    void resetSequences(Tx tx) {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        for (Table table : ExportFormat.TABLES) {
            if (!table.columnNames().contains("id")) {
                continue;
            }
            String sequence = tx.handle().createQuery("select pg_get_serial_sequence(:table, 'id')")
                    .bind("table", table.name()).mapTo(String.class).findOne().orElse(null);
            if (sequence != null) {
                tx.handle().createQuery("select setval(:sequence, coalesce((select max(id) from " + table.name()
                                + "), 0) + 1, false)")
                        .bind("sequence", sequence).mapTo(Long.class).one();
            }
        }
    }
}
