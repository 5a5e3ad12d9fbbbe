package org.masthead.web;

import java.util.Set;
import org.masthead.db.Change;

/**
 * The page tags ({@link PageTags}) one committed change touches: the pages carrying any of them
 * are dropped from the page cache and purged from shared caches. Every change touches
 * {@value PageTags#ANY} (pages that declared nothing). Entities shown on every page (settings,
 * sections in the navigation, the privacy policy), and any entity not named here, touch
 * {@value PageTags#SITE}, which every declared page carries: an entity added later is safe
 * until someone maps it more precisely.
 */
final class ChangeTags {
    private static final Set<String> EVERYTHING = Set.of(PageTags.SITE, PageTags.ANY);

    private ChangeTags() {
    }

    static Set<String> touched(Change change) {
        long id = change.entityId();
        return switch (change.entity()) {
            // Learnt by moderators' decisions, or consulted when a comment is sent: no reader page shows them.
            case "spam_model", "comment_block" -> Set.of();
            // Its page, the stories whose related lists or links show it, and every list (it may join or leave any).
            case "article" -> Set.of(PageTags.article(id), PageTags.LISTS, PageTags.ANY);
            // A stored related list is shown only on the page of the story it belongs to.
            case "related" -> Set.of(PageTags.related(id), PageTags.ANY);
            // Its article's page and the lists counting its comments; no owner recorded: everything, to be safe.
            case "comment" -> change.ownerId("article") != null
                    ? Set.of(PageTags.comments(change.ownerId("article")), PageTags.ANY)
                    : EVERYTHING;
            case "tag" -> Set.of(PageTags.tag(id), PageTags.LISTS, PageTags.ANY);
            case "author" -> Set.of(PageTags.author(id), PageTags.LISTS, PageTags.ANY);
            case "page" -> Set.of(PageTags.page(id), PageTags.ANY);
            // A new upload is shown nowhere until an article or a setting names it, which is a change of its own.
            case "media" -> change.kind() == Change.Kind.CREATED ? Set.of() : EVERYTHING;
            default -> EVERYTHING;
        };
    }
}
