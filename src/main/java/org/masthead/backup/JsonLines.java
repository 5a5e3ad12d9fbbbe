package org.masthead.backup;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** One table row as one line of JSON: an object with a field per column, null for no value. */
final class JsonLines {
    private JsonLines() {
    }

    static void write(Writer out, Table table, Object[] values) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setSerializeNulls(true);
        json.beginObject();
        for (int i = 0; i < values.length; i++) {
            json.name(table.columns().get(i).name());
            switch (values[i]) {
                case null -> json.nullValue();
                case String text -> json.value(text);
                case Double number -> json.value(number.doubleValue());
                case Number number -> json.value(number.longValue());
                default -> throw new IllegalStateException("unexpected value " + values[i].getClass());
            }
        }
        json.endObject();
        out.write('\n');
    }

    /** The row a line holds, each value of its column's type; refuses missing, unknown and mistyped fields. */
    static Object[] read(String line, Table table, int lineNumber) {
        String where = table.file() + ", line " + lineNumber + ": ";
        JsonObject json;
        try {
            json = JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadBackup(where + "not a JSON object");
        }
        for (String field : json.keySet()) {
            if (!table.columnNames().contains(field)) {
                throw new BadBackup(where + "unknown field \"" + field + "\"");
            }
        }
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Table.Column column = table.columns().get(i);
            if (!json.has(column.name())) {
                throw new BadBackup(where + "no field \"" + column.name() + "\"");
            }
            values[i] = value(json.get(column.name()), column, where);
        }
        return values;
    }

    private static Object value(JsonElement element, Table.Column column, String where) {
        if (element.isJsonNull()) {
            return null;
        }
        JsonPrimitive primitive = element.isJsonPrimitive() ? element.getAsJsonPrimitive() : null;
        if (column.type() == Table.Type.TEXT) {
            if (primitive == null || !primitive.isString()) {
                throw new BadBackup(where + "\"" + column.name() + "\" should be text");
            }
            return primitive.getAsString();
        }
        if (primitive == null || !primitive.isNumber()) {
            throw new BadBackup(where + "\"" + column.name() + "\" should be a number");
        }
        try {
            BigDecimal number = new BigDecimal(primitive.getAsString());
            return switch (column.type()) {
                case LONG -> number.longValueExact();
                case INT -> number.intValueExact();
                default -> number.doubleValue();
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new BadBackup(where + "\"" + column.name() + "\" should be a whole number");
        }
    }
}
