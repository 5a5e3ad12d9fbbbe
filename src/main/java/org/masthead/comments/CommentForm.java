package org.masthead.comments;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a reader's comment form, tidied and checked: what the reader wrote, and
 * a message for each field that cannot be taken as it is.
 *
 * @param parent the id of the comment replied to, as sent (empty for a new comment)
 * @param errors messages by field name; empty when every field is fine
 */
record CommentForm(String name, String email, String url, String body, String parent, Map<String, String> errors) {
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 300;
    static final int MAX_TEXT = 5000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    static CommentForm read(Map<String, String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = field(fields, "name", "Name", MAX_NAME, true, errors);
        String email = field(fields, "email", "Email", MAX_EMAIL, true, errors).toLowerCase(Locale.ROOT);
        String url = website(field(fields, "url", "Website", MAX_URL, false, errors), errors);
        String body = text(fields.getOrDefault("body", ""), errors);
        if (!email.isEmpty() && !errors.containsKey("email") && !EMAIL.matcher(email).matches()) {
            errors.put("email", "Enter an email address such as name@example.com. It is never shown.");
        }
        return new CommentForm(name, email, url, body, fields.getOrDefault("parent", "").strip(), errors);
    }

    private static String field(Map<String, String> fields, String key, String label, int max, boolean required,
                                Map<String, String> errors) {
        String value = fields.getOrDefault(key, "").strip();
        if (required && value.isEmpty()) {
            errors.put(key, label + " is required.");
        } else if (value.codePointCount(0, value.length()) > max) {
            errors.put(key, label + " can be at most " + max + " characters; it has "
                    + value.codePointCount(0, value.length()) + ".");
        } else if (CONTROL.matcher(value).find() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            errors.put(key, label + " contains invisible control characters or line breaks; please remove them.");
        }
        return value;
    }

    private static String website(String url, Map<String, String> errors) {
        if (url.isEmpty() || errors.containsKey("url")) {
            return url;
        }
        Optional<String> full = CommentText.webAddress(url);
        if (full.isEmpty()) {
            errors.put("url", "Enter a web address starting with http:// or https://, or leave it empty.");
            return url;
        }
        return full.get();
    }


    private static String text(String raw, Map<String, String> errors) {
        String body = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (body.isEmpty()) {
            errors.put("body", "Write a comment before sending.");
        } else if (body.codePointCount(0, body.length()) > MAX_TEXT) {
            errors.put("body", "A comment can be at most " + MAX_TEXT + " characters; this one has "
                    + body.codePointCount(0, body.length()) + ".");
        } else if (CONTROL.matcher(body).find()) {
            errors.put("body", "The comment contains invisible control characters; please remove them.");
        }
        return body;
    }
}
