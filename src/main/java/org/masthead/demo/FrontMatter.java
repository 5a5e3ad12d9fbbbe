package org.masthead.demo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo file: "key: value" lines between two "---" lines, then a Markdown body.
 * Each line splits at its first ": ", so values may hold colons.
 */
record FrontMatter(Map<String, String> fields, String body, String source) {

    static FrontMatter parse(String text, String source) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalStateException(source + ": does not start with a '---' line");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException(source + ": front matter is not closed by a '---' line");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : normalized.substring(4, end).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalStateException(source + ": front-matter line without 'key: value': " + line);
            }
            fields.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
        }
        return new FrontMatter(fields, normalized.substring(end + 5).strip() + "\n", source);
    }

    String required(String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(source + ": missing '" + key + "'");
        }
        return value;
    }

    String optional(String key, String otherwise) {
        String value = fields.get(key);
        return value == null || value.isEmpty() ? otherwise : value;
    }

    List<String> list(String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
