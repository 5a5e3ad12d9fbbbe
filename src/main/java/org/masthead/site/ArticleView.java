package org.masthead.site;

import java.time.Instant;
import java.util.List;
import org.masthead.content.Author;
import org.masthead.content.Media;
import org.masthead.content.Section;
import org.masthead.content.Tag;

/**
 * A published article with everything its page shows, as read from the database; the stories
 * it links to by id: {@code pinnedSeeAlso} the editor's, {@code related} the search index's
 * stored ranking, nearest first. {@code translated}: whether it belongs to a group of translations.
 */
public record ArticleView(long id, String slug, String url, String headline, String dek, String bodyHtml,
                          List<Integer> paragraphBreaks, String language, List<Section> sectionTrail,
                          List<Author> authors, List<Tag> tags, Media image, Instant publishedAt,
                          Instant updatedAt, List<Long> pinnedSeeAlso, List<Long> related, boolean translated, String noteKind, String noteText,
                          Instant noteAt, String seoTitle, String seoDescription, String label, String sponsor) {
    public Section section() {
        return sectionTrail.getLast();
    }

    /** What search engines and browser tabs show as the title: the SEO title when the newsroom set one. */
    public String pageTitle() {
        return seoTitle == null || seoTitle.isBlank() ? headline : seoTitle.strip();
    }

    /** The summary under the title in search results: the SEO description when set, else the dek. */
    public String pageDescription() {
        return seoDescription == null || seoDescription.isBlank() ? dek : seoDescription.strip();
    }

    /** Whether this is paid content, which readers and search engines are told, with the sponsor's name. */
    public boolean isSponsored() {
        return "Sponsored".equals(label);
    }

    /** The last time readers saw the story change: publication, an edit, or a correction or update note. */
    public Instant lastChanged() {
        Instant last = wasUpdated() ? updatedAt : publishedAt;
        return hasNote() && noteAt.isAfter(last) ? noteAt : last;
    }

    /** Whether the newsroom attached a correction or update note for readers. */
    public boolean hasNote() {
        return noteText != null && !noteText.isBlank() && noteAt != null;
    }

    /** True when the article was changed after it was published, as news readers are told. */
    public boolean wasUpdated() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt.plusSeconds(60));
    }
}
