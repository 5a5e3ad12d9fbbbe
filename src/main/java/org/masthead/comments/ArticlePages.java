package org.masthead.comments;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the readers' comment routes need of the reader pages, which own articles and their
 * pages: the reader pages implement it, so comments never reach into them.
 */
public interface ArticlePages {
    /** The published article with this id. */
    Optional<CommentedArticle> published(long articleId);

    /**
     * Answers with the article page again, the comment form as the reader sent it with its
     * messages, and {@code status} (422 for corrections, 403, 409 or 429 for refusals).
     */
    void showWithForm(Context ctx, CommentedArticle article, CommentsView.Form form, int status);

    /** The site's time zone, in which comments show when they were sent. */
    ZoneId zone();
}
