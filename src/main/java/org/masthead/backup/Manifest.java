package org.masthead.backup;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * manifest.json: what the export is (format name and version), when and from which kind of
 * database it was made, and how many rows each file and how many media files it holds, which
 * the import checks against what it reads.
 */
public record Manifest(String format, int version, Instant createdAt, String database, Map<String, Long> rows,
                       long mediaFiles) {

    /** Every row of every file, plus the media files: what a progress bar counts. */
    public long items() {
        return rows.values().stream().mapToLong(Long::longValue).sum() + mediaFiles;
    }

    void write(Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.beginObject();
        json.name("format").value(format);
        json.name("version").value(version);
        json.name("created_at").value(createdAt.toString());
        json.name("database").value(database);
        json.name("files").beginObject();
        for (Map.Entry<String, Long> file : rows.entrySet()) {
            json.name(file.getKey()).value(file.getValue());
        }
        json.endObject();
        json.name("media_files").value(mediaFiles);
        json.endObject();
        json.flush();
    }

    /** Reads a manifest, refusing what this Masthead cannot import: another format, a newer version. */
    static Manifest read(String text) {
        JsonObject json;
        try {
            json = JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BadBackup("manifest.json is not a JSON object");
        }
        String format = text(json, "format");
        if (!ExportFormat.NAME.equals(format)) {
            throw new BadBackup("manifest.json names the format \"" + format + "\", not " + ExportFormat.NAME
                    + ": this is not a Masthead export");
        }
        long version = number(json, "version");
        if (version > ExportFormat.VERSION) {
            throw new BadBackup("the export is format version " + version + ", made by a newer Masthead; this one reads "
                    + "versions up to " + ExportFormat.VERSION + ": upgrade Masthead to import it");
        }
        if (version < 1) {
            throw new BadBackup("manifest.json gives the version " + version + ", which no Masthead has written");
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(text(json, "created_at"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadBackup("manifest.json: created_at is not a UTC time such as 2026-12-05T11:00:00Z");
        }
        if (!json.has("files") || !json.get("files").isJsonObject()) {
            throw new BadBackup("manifest.json has no \"files\" object with the row count of each file");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        JsonObject files = json.getAsJsonObject("files");
        for (String file : files.keySet()) {
            rows.put(file, number(files, file));
        }
        return new Manifest(format, (int) version, createdAt, text(json, "database"), rows, number(json, "media_files"));
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new BadBackup("manifest.json has no text \"" + name + "\"");
        }
        return value.getAsString();
    }

    private static long number(JsonObject json, String name) {
        JsonElement value = json.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new BadBackup("manifest.json has no whole number \"" + name + "\"");
        }
        try {
            return new BigDecimal(value.getAsString()).longValueExact();
        } catch (ArithmeticException e) {
            throw new BadBackup("manifest.json: \"" + name + "\" is not a whole number");
        }
    }
}
