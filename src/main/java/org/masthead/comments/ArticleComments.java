package org.masthead.comments;

import java.util.Collection;
import java.util.List;

/** What an article page reads of its comments, apart from what it keeps; {@link CommentStore} is the real one. */
interface ArticleComments {
    /** Where the article's approved comments sit, read without their text, and whether it takes more. */
    CommentOutline outline(long articleId);

    /** Of these comments, the ones still approved, in full and in no particular order. */
    List<Comment> approvedAmong(Collection<Long> ids);
}
