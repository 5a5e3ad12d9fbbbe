package org.masthead.content;

/** A person who writes for the site, as readers see them in bylines and on their page. */
public record Author(long id, String slug, String name, String role, String bioHtml, Media photo) {
    public String url() {
        return "/author/" + slug;
    }
}
