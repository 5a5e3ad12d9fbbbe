package org.masthead.newsroom.comments;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.masthead.comments.Block;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentRemovalStore;
import org.masthead.comments.CommentStore;
import org.masthead.comments.spam.LabeledComment;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.db.Database;
import org.masthead.db.Tx;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a moderator does to comments: each action moves them to a status (or deletes them),
 * writes one audit entry per comment in the same transaction, and afterwards teaches the
 * spam classifier what the moderator decided.
 */
final class Moderator {
    private static final Logger LOG = LoggerFactory.getLogger(Moderator.class);
    /** Who moderates comments: editors and admins. */
    static final Role ROLE = Role.EDITOR;

    private final Database db;
    private final CommentStore store;
    private final CommentRemovalStore removal;
    private final ModerationQueries queries;
    private final SpamClassifier classifier;

    Moderator(Database db, CommentStore store, CommentRemovalStore removal, ModerationQueries queries,
              SpamClassifier classifier) {
        this.db = db;
        this.store = store;
        this.removal = removal;
        this.queries = queries;
        this.classifier = classifier;
    }

    /** The actions on comments, as forms name them. */
    enum Action {
        APPROVE("approve", "Approve", "approved", "approved a comment", CommentStatus.APPROVED),
        SPAM("spam", "Mark as spam", "marked as spam", "marked a comment as spam", CommentStatus.SPAM),
        TRASH("trash", "Move to trash", "moved to the trash", "moved a comment to the trash", CommentStatus.TRASH),
        RESTORE("restore", "Restore to pending", "restored to the pending queue", "restored a comment from the trash",
                CommentStatus.PENDING),
        DELETE("delete", "Delete permanently", "deleted permanently", "deleted a comment permanently", null);

        final String value;
        final String label;
        final String done;
        final String audit;
        final CommentStatus target;

        Action(String value, String label, String done, String audit, CommentStatus target) {
            this.value = value;
            this.label = label;
            this.done = done;
            this.audit = audit;
            this.target = target;
        }

        static Action parse(String value) {
            for (Action action : values()) {
                if (action.value.equals(value)) {
                    return action;
                }
            }
            return null;
        }

        /** Whether the action applies to a comment in this status. */
        boolean appliesTo(CommentStatus status) {
            return switch (this) {
                case RESTORE -> status == CommentStatus.TRASH;
                case DELETE -> status == CommentStatus.SPAM || status == CommentStatus.TRASH;
                default -> status != target;
            };
        }

        /** The actions a queue view offers, in the order they are listed. */
        static List<Action> offeredIn(CommentStatus view) {
            if (view == null) {
                return List.of(values());
            }
            return switch (view) {
                case PENDING -> List.of(APPROVE, SPAM, TRASH);
                case APPROVED -> List.of(SPAM, TRASH);
                case SPAM -> List.of(APPROVE, TRASH, DELETE);
                case TRASH -> List.of(RESTORE, SPAM, DELETE);
            };
        }
    }

    /** The action that moves a comment to {@code status}: pending is the trash's "restore". */
    static Action to(CommentStatus status) {
        return switch (status) {
            case APPROVED -> Action.APPROVE;
            case SPAM -> Action.SPAM;
            case TRASH -> Action.TRASH;
            case PENDING -> Action.RESTORE;
        };
    }

    /** Applies an action to the comments it fits; returns how many it changed. */
    int apply(Action action, Collection<Long> ids, User user) {
        List<Long> fitting = queries.comments(ids).stream().filter(c -> action.appliesTo(c.status())).map(Comment::id).toList();
        if (action == Action.DELETE) {
            return db.write(tx -> audit(tx, user, action,
                    removal.delete(tx, fitting, Set.of(CommentStatus.SPAM, CommentStatus.TRASH)))).size();
        }
        List<Comment> changed = db.write(tx -> audit(tx, user, action, store.setStatus(tx, fitting, action.target)));
        learn(action, changed);
        return changed.size();
    }

    /** One audit entry per comment, in the transaction that moved them; returns them. */
    private static List<Comment> audit(Tx tx, User user, Action action, List<Comment> comments) {
        for (Comment c : comments) {
            AuditStore.record(tx, user, action.audit, "comment:" + c.id(), describe(c));
        }
        return comments;
    }

    /** Approving a held comment teaches "legitimate"; every mark as spam teaches "spam". Learned after the commit. */
    private void learn(Action action, List<Comment> changed) {
        List<LabeledComment> lessons = switch (action) {
            case APPROVE -> changed.stream()
                    .filter(c -> c.status() == CommentStatus.PENDING || c.status() == CommentStatus.SPAM)
                    .map(c -> new LabeledComment(learnable(c), false)).toList();
            case SPAM -> changed.stream().map(c -> new LabeledComment(learnable(c), true)).toList();
            default -> List.of();
        };
        try {
            classifier.learnAll(lessons);
        } catch (RuntimeException e) {
            // The moderator's decision stands; only the lesson is lost.
            LOG.warn("the spam classifier could not learn from {} moderated comment(s)", lessons.size(), e);
        }
    }

    /** The text the comment form's spam check classifies: the body, and the website on a line of its own. */
    static String learnable(Comment c) {
        return c.body() + (c.url().isEmpty() ? "" : "\n" + c.url());
    }

    /** Blocks the comment's email address or IP address; false when it has none (the IP is dropped after a while). */
    boolean block(Comment c, Block.Kind kind, User user) {
        String value = kind == Block.Kind.EMAIL ? c.email() : c.ip();
        if (value == null || value.isBlank()) {
            return false;
        }
        db.write(tx -> {
            if (store.addBlock(tx, kind, value)) {
                AuditStore.record(tx, user, "blocked " + (kind == Block.Kind.EMAIL ? "an email address" : "an IP address"),
                        "comment:" + c.id(), Block.normalise(kind, value));
            }
            return null;
        });
        return true;
    }

    /** "Ada Lovelace <ada@example.org> on article 12: first words…", for the audit log. */
    static String describe(Comment c) {
        String text = c.body().replaceAll("\\s+", " ").strip();
        return c.name() + " <" + c.email() + "> on article " + c.articleId() + ": "
                + (text.length() > 80 ? text.substring(0, 79) + "…" : text);
    }
}
