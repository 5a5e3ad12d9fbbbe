package org.masthead.newsroom.articles;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.User;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.EditConflict;
import org.masthead.content.Markdown;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/**
 * Saving an article as a newsroom user, wherever the request came from (the editor's form or
 * the API): who may ({@link Workflow}), whether the action makes sense now, the form's checks
 * ({@link FormCheck}), and the write with its revision, change log and audit entries in one
 * transaction, conditional on the version the change was based on.
 */
public final class ArticleWorkflow {
    private final Database db;
    private final ArticleStore store;
    private final ArticleQueries articles;
    private final SettingsStore settings;
    private final FormCheck check;

    public ArticleWorkflow(Database db, ArticleStore store, ArticleQueries articles, SettingsStore settings,
                           SectionStore sections, Markdown markdown) {
        this.db = db;
        this.store = store;
        this.articles = articles;
        this.settings = settings;
        this.check = new FormCheck(articles, settings, sections, new AltText(articles, markdown));
    }

    /** What became of a save. */
    public sealed interface Outcome {
    }

    /** Written: the article's id. */
    public record Saved(long id) implements Outcome {
    }

    /** The user's role or ownership does not allow it (403). */
    public record Refused(String reason) implements Outcome {
    }

    /** The article is in a state where the action makes no sense, such as publishing from the trash. */
    public record NotNow(String reason) implements Outcome {
    }

    /** The submitted fields break the newsroom's rules; each problem names its field (422). */
    public record Invalid(List<Problem> problems) implements Outcome {
    }

    /** Someone saved the article after the version the change was based on; nothing was written (409). */
    public record Conflict(int storedVersion) implements Outcome {
    }

    /** There is no such article. */
    public record Missing() implements Outcome {
    }

    /** An article as a writer sees it before changing it: its fields as the editor's form holds them, and its state. */
    public record Current(long id, ArticleForm form, ArticleStatus status, Long createdBy, Instant publishedAt,
                          String slug) {
    }

    public Optional<Current> current(long id) {
        return articles.find(id).map(s -> new Current(s.id(), ArticleForm.of(s, settings.current().zone()), s.status(),
                s.createdBy(), s.publishedAt(), s.slug()));
    }

    /** A new draft from {@code form} (the editor's "Save" on a new article). */
    public Outcome create(User user, ArticleForm form) {
        return save(user, null, form, Workflow.Action.SAVE);
    }

    /** Saves {@code form} over article {@code id}, if nobody saved it after {@code form.version()}. */
    public Outcome update(User user, long id, ArticleForm form) {
        return articles.find(id).map(stored -> save(user, stored, form, Workflow.Action.SAVE)).orElse(new Missing());
    }

    /** Publishes article {@code id} as it stands at {@code version} (the editor's "Publish now"). */
    public Outcome publish(User user, long id, int version) {
        return articles.find(id).map(stored -> save(user, stored,
                ArticleForm.of(stored, settings.current().zone()).withVersion(version), Workflow.Action.PUBLISH))
                .orElse(new Missing());
    }

    /** Whether {@code user} may open the article at all: their own, or any when they edit. */
    public static boolean mayOpen(User user, Long createdBy) {
        return Workflow.refusal(user, createdBy, ArticleStatus.DRAFT, Workflow.Action.SAVE) == null;
    }

    FormCheck check() {
        return check;
    }

    Outcome save(User user, ArticleQueries.Stored stored, ArticleForm form, Workflow.Action action) {
        ArticleStatus current = stored == null ? null : stored.status();
        String refusal = Workflow.refusal(user, stored == null ? Long.valueOf(user.id()) : stored.createdBy(), current, action);
        if (refusal != null) {
            return new Refused(refusal);
        }
        String invalid = Workflow.invalid(current, action);
        if (invalid != null) {
            return new NotNow(invalid);
        }
        FormCheck.Checked checked = check.check(form, stored, Workflow.target(current, action));
        if (!checked.found().isEmpty()) {
            return new Invalid(checked.found());
        }
        ArticleEdit edit = checked.edit();
        ArticleEdit.By by = new ArticleEdit.By(user.id(), user.name());
        if (stored == null) {
            return new Saved(db.write(tx -> {
                long created = store.create(tx, edit, by);
                store.label(tx, created, checked.label(), checked.sponsor());
                AuditStore.record(tx, user, "created article", "article:" + created, edit.headline());
                auditComments(tx, user, created, edit.commentsOpen(), true);
                return created;
            }));
        }
        try {
            db.write(tx -> {
                store.update(tx, stored.id(), form.version(), edit, by, action.done);
                store.label(tx, stored.id(), checked.label(), checked.sponsor());
                AuditStore.record(tx, user, action.done.toLowerCase(Locale.ROOT) + " article", "article:" + stored.id(),
                        edit.headline());
                auditComments(tx, user, stored.id(), edit.commentsOpen(), stored.commentsOpen());
                return null;
            });
            return new Saved(stored.id());
        } catch (EditConflict conflict) {
            return new Conflict(conflict.storedVersion());
        }
    }

    /** Opening or closing the article's comments (saved with the article) is audited on its own. */
    private static void auditComments(Tx tx, User user, long id, boolean open, boolean wasOpen) {
        if (open != wasOpen) {
            AuditStore.record(tx, user, open ? "opened comments on article" : "closed comments on article", "article:" + id, "");
        }
    }
}
