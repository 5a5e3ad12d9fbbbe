package org.masthead.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page of a list starts: the sort key and id of the last item sent, opaque to
 * clients (base64url of "key:id"). Cursors never skip or repeat items when rows are added.
 */
record Cursor(long key, long id) {
    private static final Pattern FORM = Pattern.compile("-?\\d{1,19}:\\d{1,19}");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; null for none; anything else is a 400 naming the parameter. */
    static Cursor decode(String raw) {
        if (raw == null) {
            return null;
        }
        ApiError bad = ApiError.badParameter("cursor", "cursor must be a next_cursor value this API returned");
        if (raw.isEmpty() || raw.length() > 60) {
            throw bad;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
            if (!FORM.matcher(text).matches()) {
                throw bad;
            }
            int colon = text.indexOf(':');
            return new Cursor(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw bad;
        }
    }
}
