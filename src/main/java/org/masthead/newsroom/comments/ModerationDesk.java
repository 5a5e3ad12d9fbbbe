package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import java.util.Map;
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
    private final QueueRoutes queue;
    private final EditAndReplyRoutes comment;
    private final BlockRoutes blocks;
    private final CommentSettingsRoutes settings;

    public ModerationDesk(Database db, CommentStore store, CommentRemovalStore removal, ModerationQueries queries,
                          SpamClassifier classifier, SettingsStore site, Templates templates) {
        this.queries = queries;
        Entries entries = new Entries(site);
        this.queue = new QueueRoutes(queries, new Moderator(db, store, removal, queries, classifier), entries, templates);
        this.comment = new EditAndReplyRoutes(db, store, queries, entries, site, templates);
        this.blocks = new BlockRoutes(db, store, templates);
        this.settings = new CommentSettingsRoutes(db, store, templates);
    }

    public void register(RoutesConfig routes) {
        queue.register(routes);
        comment.register(routes);
        blocks.register(routes);
        settings.register(routes);
    }

    /** The pending count beside "Comments" in the navigation, for those who moderate. */
    public Map<String, Desk.Badge> badges(User user) {
        return user.can(Role.EDITOR) ? Map.of("comments", new Desk.Badge(queries.pending(), "pending")) : Map.of();
    }
}
