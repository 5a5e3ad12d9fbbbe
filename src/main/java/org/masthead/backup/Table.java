package org.masthead.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * One file of an export: a table written as JSON lines, one object per row with these
 * columns in this order. {@code deferred} columns point at rows of the same table, so the
 * import writes them in a second pass (a parent may come after its child). {@code entity}
 * names what the change log calls its rows: each imported row is announced by
 * {@code entityKey}, or the table once (id 1) when that is null; no entity, no announcement.
 * A {@code replaced} table holds rows every site makes for itself (a secret, the empty spam
 * model): the import replaces them rather than counting them as content.
 */
record Table(String name, List<Column> columns, String order, List<String> deferred, String entity, String entityKey,
             boolean replaced) {

    enum Type { TEXT, LONG, INT, DOUBLE }

    record Column(String name, Type type) {
    }

    /** The file's name in the zip. */
    String file() {
        return name + ".jsonl";
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * A table from a compact list: {@code "id:L email name"} names the columns, each TEXT unless
     * marked {@code :L} (long), {@code :I} (int) or {@code :D} (double).
     */
    static Table of(String name, String columns, String order) {
        List<Column> list = new ArrayList<>();
        for (String word : columns.trim().split("\\s+")) {
            int colon = word.indexOf(':');
            String column = colon < 0 ? word : word.substring(0, colon);
            Type type = colon < 0 ? Type.TEXT : switch (word.substring(colon + 1)) {
                case "L" -> Type.LONG;
                case "I" -> Type.INT;
                case "D" -> Type.DOUBLE;
                default -> throw new IllegalArgumentException("unknown column type in " + word);
            };
            list.add(new Column(column, type));
        }
        return new Table(name, List.copyOf(list), order, List.of(), null, null, false);
    }

    Table deferring(String... columns) {
        return new Table(name, this.columns, order, List.of(columns), entity, entityKey, replaced);
    }

    Table announcing(String changeEntity, String key) {
        return new Table(name, columns, order, deferred, changeEntity, key, replaced);
    }

    Table replacing() {
        return new Table(name, columns, order, deferred, entity, entityKey, true);
    }
}
