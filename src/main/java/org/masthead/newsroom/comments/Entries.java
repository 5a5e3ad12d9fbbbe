package org.masthead.newsroom.comments;

import java.time.ZoneId;
import java.util.List;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentText;
import org.masthead.content.ArticlePaths;
import org.masthead.web.Dates;
import org.masthead.content.SettingsStore;

/** Turns stored comments into what the moderation pages show: links, times in the site's zone, the text as HTML. */
final class Entries {
    private final SettingsStore site;

    Entries(SettingsStore site) {
        this.site = site;
    }

    ModerationPages.Entry of(ModerationQueries.Row row, List<Moderator.Action> offered) {
        Comment c = row.comment();
        ZoneId zone = site.current().zone();
        List<ModerationPages.Choice> actions = offered.stream()
                .filter(a -> a != Moderator.Action.DELETE && a.appliesTo(c.status())).map(a -> new ModerationPages.Choice(a.value, a.label, false)).toList();
        boolean held = c.status() == CommentStatus.PENDING || c.status() == CommentStatus.SPAM;
        return new ModerationPages.Entry(c.id(), c.name(), c.email(), c.url(), c.ip(), c.status().label(), row.headline(),
                publicUrl(row, zone), "/newsroom/articles/" + c.articleId(), Dates.dayAndTime(c.createdAt(), zone),
                Dates.machine(c.createdAt(), zone), CommentText.html(c.body()),
                held ? c.reasons() : List.of(), c.bySite(), actions,
                Moderator.Action.DELETE.appliesTo(c.status()));
    }

    /** Readers' address of the comment when they can see it, else of its article; null while the article is unpublished. */
    private static String publicUrl(ModerationQueries.Row row, ZoneId zone) {
        if (!"PUBLISHED".equals(row.articleStatus()) || row.publishedAt() == null) {
            return null;
        }
        return row.comment().status() == CommentStatus.APPROVED ? "/comments/" + row.comment().id()
                : ArticlePaths.url(row.slug(), row.publishedAt(), zone);
    }
}
