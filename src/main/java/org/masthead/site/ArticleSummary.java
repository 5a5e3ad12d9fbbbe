package org.masthead.site;

import java.time.Instant;
import org.masthead.content.Media;

/** An article as lists show it: label, headline, dek, section, date, picture and comment count, with its URL. */
public record ArticleSummary(long id, String url, String headline, String dek, String sectionName,
                             String sectionUrl, Instant publishedAt, Media image, int comments, String label) {
    /** The same card with another comment count. */
    public ArticleSummary withComments(int count) {
        return new ArticleSummary(id, url, headline, dek, sectionName, sectionUrl, publishedAt, image, count, label);
    }

    /** Lists name the kind of every story but plain news, the usual kind. */
    public boolean showsLabel() {
        return label != null && !"News".equals(label);
    }
}
