package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentRemovalStore;
import org.masthead.comments.CommentStore;
import org.masthead.db.Database;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.newsroom.Desk;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.content.SettingsStore;
import org.masthead.web.Templates;

/**
 * The moderators' side of reader comments at /newsroom/comments: the queue and its actions,
 * one comment's edit and reply page, the blocklist (editors and admins) and the comment
 * settings (admins): the pages' routes, assembled from the stores the app hands over, and
 * registered behind the newsroom's guard.
 */
public final class ModerationDesk {
    private final ModerationQueries queries;
    private final Moderator moderator;
    private final QueueRoutes queue;
    private final EditAndReplyRoutes comment;
    private final BlockRoutes blocks;
    private final CommentSettingsRoutes settings;

    public ModerationDesk(Database db, CommentStore store, CommentRemovalStore removal, ModerationQueries queries,
                          SpamClassifier classifier, SettingsStore site, Templates templates) {
        this.queries = queries;
        Entries entries = new Entries(site);
        this.moderator = new Moderator(db, store, removal, queries, classifier);
        this.queue = new QueueRoutes(queries, moderator, entries, templates);
        this.comment = new EditAndReplyRoutes(db, store, queries, entries, site, templates);
        this.blocks = new BlockRoutes(db, store, templates);
        this.settings = new CommentSettingsRoutes(db, store, classifier, templates);
    }

    public void register(RoutesConfig routes) {
        queue.register(routes);
        comment.register(routes);
        blocks.register(routes);
        settings.register(routes);
    }

    /** What became of a request to move one comment. */
    public sealed interface Moderation {
    }

    /** Moved from one status to another, audited, and taught to the spam classifier as the queue does. */
    public record Moved(CommentStatus from, CommentStatus to) implements Moderation {
    }

    /** Already in that status: nothing written. */
    public record Unchanged(CommentStatus status) implements Moderation {
    }

    /** The user does not moderate comments. */
    public record Refused(String reason) implements Moderation {
    }

    /** The move is not one the queue offers from the comment's status. */
    public record NotNow(String reason) implements Moderation {
    }

    /** There is no such comment. */
    public record Missing() implements Moderation {
    }

    /** Moves one comment to {@code target} as the queue's buttons would, with the same role and rules. */
    public Moderation moderate(User user, long commentId, CommentStatus target) {
        if (!user.can(Moderator.ROLE)) {
            return new Refused("Moderating comments needs the " + Moderator.ROLE.label().toLowerCase(java.util.Locale.ROOT)
                    + " role or higher; this account is " + user.role().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        Comment comment = queries.comments(List.of(commentId)).stream().findFirst().orElse(null);
        if (comment == null) {
            return new Missing();
        }
        if (comment.status() == target) {
            return new Unchanged(target);
        }
        Moderator.Action action = Moderator.to(target);
        if (!action.appliesTo(comment.status())) {
            return new NotNow("Only a comment in the trash can go back to pending; this one is "
                    + comment.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return moderator.apply(action, List.of(commentId), user) == 1 ? new Moved(comment.status(), target)
                : new Unchanged(target);
    }

    /** The pending count beside "Comments" in the navigation, for those who moderate. */
    public Map<String, Desk.Badge> badges(User user) {
        return user.can(Role.EDITOR) ? Map.of("comments", new Desk.Badge(queries.pending(), "pending")) : Map.of();
    }
}
