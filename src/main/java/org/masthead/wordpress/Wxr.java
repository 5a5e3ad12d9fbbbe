package org.masthead.wordpress;

import java.util.List;
import java.util.Map;

/** What a WordPress export (WXR) holds, one piece at a time as the reader meets it. */
final class Wxr {
    private Wxr() {
    }

    /** A person who wrote on the old site ({@code wp:author}). */
    record Author(String id, String login, String email, String displayName) {
    }

    /** A category, tag or other term; {@code parent} is the parent's slug (categories only), empty for none. */
    record Term(String taxonomy, String id, String slug, String name, String description, String parent) {
    }

    /** A term attached to an item ({@code <category domain="..." nicename="...">}). */
    record ItemTerm(String domain, String slug, String name) {
    }

    /** A comment on an item, with its WordPress id and parent id ("0" for none). */
    record Comment(String id, String author, String email, String url, String dateGmt, String date, String content,
                   String approved, String type, String parent) {
    }

    /**
     * A post, page, attachment or other item, with every field the import reads. {@code meta}
     * holds the post's custom fields (the last value wins for a repeated key).
     */
    record Item(String id, String title, String link, String guid, String pubDate, String creator, String content,
                String excerpt, String dateGmt, String date, String slug, String status, String parent, String type,
                String password, boolean sticky, String attachmentUrl, String commentStatus, List<ItemTerm> terms,
                Map<String, String> meta, List<Comment> comments, int line) {
    }

    /** Receives an export's parts in file order. */
    interface Visitor {
        default void site(String baseUrl) {
        }

        default void author(Author author) {
        }

        default void term(Term term) {
        }

        default void item(Item item) {
        }
    }
}
