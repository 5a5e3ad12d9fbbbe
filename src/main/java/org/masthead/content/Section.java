package org.masthead.content;

/** A part of the paper, such as City Hall or Sport; may sit inside a parent section. */
public record Section(long id, String slug, String name, String description, Long parentId) {
    public String url() {
        return "/section/" + slug;
    }
}
