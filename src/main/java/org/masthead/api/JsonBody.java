package org.masthead.api;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A write request's JSON body, read with care: at most {@link #LIMIT} bytes (413), only
 * {@code application/json} in UTF-8 (415), one object whose fields are all known and of the
 * expected type (400 naming the field). Values are never nested deeper than a list of strings,
 * so a deeply nested or huge document is refused at its first wrong token.
 */
final class JsonBody {
    static final int LIMIT = 1_000_000;
    static final int MAX_LIST = 100;

    /** What a field holds. */
    enum Kind {
        STRING("a string"), BOOLEAN("true or false"), ID_OR_NULL("a positive whole number or null"),
        STRINGS("a list of strings");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final Map<String, Object> values;

    private JsonBody(Map<String, Object> values) {
        this.values = values;
    }

    /** Reads the body as an object with only {@code fields}; {@code allowEmpty} takes a missing body as {}. */
    static JsonBody read(Context ctx, Map<String, Kind> fields, boolean allowEmpty) {
        byte[] bytes = bytes(ctx);
        if (bytes.length == 0 && allowEmpty) {
            return new JsonBody(Map.of());
        }
        contentType(ctx);
        return parse(text(bytes), fields);
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    Optional<String> string(String field) {
        return Optional.ofNullable((String) values.get(field));
    }

    Optional<Boolean> bool(String field) {
        return Optional.ofNullable((Boolean) values.get(field));
    }

    /** The id given, or null when the field was null (or absent: ask {@link #has} first). */
    Long id(String field) {
        Object value = values.get(field);
        return value instanceof Long id ? id : null;
    }

    @SuppressWarnings("unchecked")
    Optional<List<String>> strings(String field) {
        return Optional.ofNullable((List<String>) values.get(field));
    }

    private static void contentType(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiError(415, "unsupported_media_type", null, "Send the body as JSON, with Content-Type: "
                    + "application/json" + (type == null ? "." : " (this request said " + clip(type) + ")."));
        }
        for (String parameter : type.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")
                    && !pair[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new ApiError(415, "unsupported_media_type", null, "Send the JSON body in UTF-8.");
            }
        }
    }

    private static byte[] bytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > LIMIT) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > LIMIT) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiError(400, "bad_body", null, "The request body could not be read; it may have been cut off.");
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "too_large", null, "The body is over " + LIMIT / 1000 + " kB; nothing was changed.");
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(400, "bad_json", null, "The body is not valid UTF-8.");
        }
    }

    static JsonBody parse(String text, Map<String, Kind> fields) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(3);
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ApiError(400, "bad_json", null, "The body must be one JSON object, such as {\"headline\": \"…\"}.");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                Kind kind = fields.get(name);
                if (kind == null) {
                    throw new ApiError(400, "unknown_field", clip(name), "Unknown field " + clip(name) + "; this request takes "
                            + (fields.isEmpty() ? "no fields" : String.join(", ", fields.keySet())) + ".");
                }
                if (values.containsKey(name)) {
                    throw new ApiError(400, "bad_field", name, name + " is given twice.");
                }
                values.put(name, value(reader, name, kind));
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ApiError(400, "bad_json", null, "The body holds more than one JSON value.");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new ApiError(400, "bad_json", null, "The body is not valid JSON: " + clip(String.valueOf(e.getMessage())));
        }
        return new JsonBody(values);
    }

    private static Object value(JsonReader reader, String name, Kind kind) throws IOException {
        JsonToken token = reader.peek();
        switch (kind) {
            case STRING -> {
                if (token == JsonToken.STRING) {
                    return reader.nextString();
                }
            }
            case BOOLEAN -> {
                if (token == JsonToken.BOOLEAN) {
                    return reader.nextBoolean();
                }
            }
            case ID_OR_NULL -> {
                if (token == JsonToken.NULL) {
                    reader.nextNull();
                    return NULL;
                }
                if (token == JsonToken.NUMBER) {
                    String number = reader.nextString();
                    if (number.matches("[1-9]\\d{0,17}")) {
                        return Long.parseLong(number);
                    }
                }
            }
            case STRINGS -> {
                if (token == JsonToken.BEGIN_ARRAY) {
                    List<String> list = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        if (reader.peek() != JsonToken.STRING || list.size() == MAX_LIST) {
                            throw new ApiError(400, "bad_field", name, name + " must be a list of at most " + MAX_LIST
                                    + " strings.");
                        }
                        list.add(reader.nextString());
                    }
                    reader.endArray();
                    return List.copyOf(list);
                }
            }
        }
        throw new ApiError(400, "bad_field", name, name + " must be " + kind.description + ".");
    }

    /** Stands for a JSON null that was given (as opposed to a field left out). */
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static String clip(String text) {
        String plain = text.replaceAll("\\p{Cntrl}", " ");
        return plain.length() > 80 ? plain.substring(0, 80) + "…" : plain;
    }
}
