package org.masthead.content;

import java.util.ArrayList;
import java.util.List;

/** A deletion refused because other content still uses the row; the message says what to do. */
public final class InUse extends RuntimeException {
    public InUse(String message) {
        super(message, null, false, false);
    }

    /** "3 articles are" / "1 article and 2 sections are": what still uses a row, for refusals. */
    static String counted(long first, String firstNoun, long second, String secondNoun) {
        List<String> parts = new ArrayList<>();
        if (first > 0) {
            parts.add(first + " " + firstNoun + (first == 1 ? "" : "s"));
        }
        if (second > 0) {
            parts.add(second + " " + secondNoun + (second == 1 ? "" : "s"));
        }
        return String.join(" and ", parts) + (first + second == 1 ? " is" : " are");
    }
}
