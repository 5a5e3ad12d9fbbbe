package org.masthead.content;

import java.time.Instant;

/** A static page such as About, at /slug. */
public record Page(long id, String slug, String title, String bodyHtml, Instant updatedAt) {
    public String url() {
        return "/" + slug;
    }
}
