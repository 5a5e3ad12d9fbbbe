package org.masthead.comments;

import java.time.ZoneId;

/** A single comment rendered alone, for script to insert into the page. */
public record CommentFragment(CommentsView.Node node, ZoneId zone) {
}
