package org.masthead.content;

/** A topic that cuts across sections, such as Housing or River Alder. */
public record Tag(long id, String slug, String name) {
    public String url() {
        return "/tag/" + slug;
    }
}
