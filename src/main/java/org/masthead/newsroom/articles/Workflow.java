package org.masthead.newsroom.articles;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.masthead.content.ArticleStatus;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;

/**
 * Who may do what to an article, and where each action takes it: draft, pending review,
 * scheduled, published, unpublished, trash. Contributors write and submit their own;
 * authors also publish their own; editors and admins do everything to every article.
 */
final class Workflow {
    private Workflow() {
    }

    /** What an editor-form button asks for, with its label and what the history calls it. */
    enum Action {
        PREVIEW("Preview", "Previewed"),
        SAVE("Save", "Saved"),
        SUBMIT("Submit for review", "Submitted for review"),
        PUBLISH("Publish now", "Published"),
        SCHEDULE("Schedule", "Scheduled"),
        UNPUBLISH("Unpublish", "Unpublished"),
        TRASH("Move to trash", "Moved to the trash"),
        RESTORE("Restore from trash", "Restored from the trash");

        final String label;
        final String done;

        Action(String label, String done) {
            this.label = label;
            this.done = done;
        }

        static Action parse(String value) {
            return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(value)).findFirst().orElse(SAVE);
        }

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why {@code user} may not do {@code action} to an article in {@code current} (null: not saved yet), or null. */
    static String refusal(User user, Long createdBy, ArticleStatus current, Action action) {
        boolean own = current == null || (createdBy != null && createdBy == user.id());
        if (!own && !user.can(Role.EDITOR)) {
            return "This article belongs to someone else: only editors and admins can change other people's articles.";
        }
        if (!user.can(Role.AUTHOR)) {
            if (action == Action.PUBLISH || action == Action.SCHEDULE || action == Action.UNPUBLISH) {
                return "Contributors cannot publish, schedule or unpublish articles. Submit the article for review "
                        + "and an editor will publish it.";
            }
            if (current == ArticleStatus.PUBLISHED || current == ArticleStatus.SCHEDULED) {
                return "This article is " + label(current).toLowerCase(Locale.ROOT) + ": contributors can no longer "
                        + "change it. Ask an editor.";
            }
        }
        return null;
    }

    /** Why the action makes no sense for an article in that state, or null. */
    static String invalid(ArticleStatus current, Action action) {
        if (action == Action.PREVIEW) {
            return null;
        }
        if (action == Action.RESTORE) {
            return current == ArticleStatus.TRASH ? null : "Only an article in the trash can be restored.";
        }
        if (current == ArticleStatus.TRASH) {
            return "This article is in the trash: restore it before changing it.";
        }
        if (action == Action.UNPUBLISH && current != ArticleStatus.PUBLISHED && current != ArticleStatus.SCHEDULED) {
            return "Only a published or scheduled article can be unpublished.";
        }
        if (action == Action.TRASH && current == null) {
            return "An article that was never saved cannot go to the trash.";
        }
        if (action == Action.SUBMIT && current == ArticleStatus.PUBLISHED) {
            return "This article is already published.";
        }
        return null;
    }

    static ArticleStatus target(ArticleStatus current, Action action) {
        return switch (action) {
            case PREVIEW, SAVE -> current == null ? ArticleStatus.DRAFT : current;
            case SUBMIT -> ArticleStatus.PENDING;
            case PUBLISH -> ArticleStatus.PUBLISHED;
            case SCHEDULE -> ArticleStatus.SCHEDULED;
            case UNPUBLISH -> ArticleStatus.UNPUBLISHED;
            case TRASH -> ArticleStatus.TRASH;
            case RESTORE -> ArticleStatus.DRAFT;
        };
    }

    /** The buttons the editor shows this user for an article in that state. */
    static List<Action> available(User user, Long createdBy, ArticleStatus current) {
        return Arrays.stream(Action.values())
                .filter(a -> a != Action.PREVIEW)
                .filter(a -> refusal(user, createdBy, current, a) == null && invalid(current, a) == null)
                .filter(a -> !(a == Action.SUBMIT && current == ArticleStatus.PENDING))
                .toList();
    }

    static String label(ArticleStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PENDING -> "Pending review";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
            case TRASH -> "In the trash";
        };
    }
}
