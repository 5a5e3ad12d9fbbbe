package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentStatus;
import org.masthead.comments.CommentStore;
import org.masthead.db.Database;
import org.masthead.comments.NewComment;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.comments.ModerationPages.EditForm;
import org.masthead.content.SettingsStore;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * One comment: a moderator corrects its name, website or text, or replies as the site. A
 * reply is published at once, one level under the comment, signed with the site's name.
 */
final class EditAndReplyRoutes {
    /** As much text as a comment form takes: 64 KB. */
    static final int MAX_TEXT = 65_536;
    private static final Pattern WEBSITE = Pattern.compile("https?://[^\\s/?#]+\\.[^\\s/?#]+\\S*", Pattern.CASE_INSENSITIVE);

    private final Database db;
    private final CommentStore store;
    private final ModerationQueries queries;
    private final Entries entries;
    private final SettingsStore site;
    private final Templates templates;

    EditAndReplyRoutes(Database db, CommentStore store, ModerationQueries queries, Entries entries, SettingsStore site,
                       Templates templates) {
        this.db = db;
        this.store = store;
        this.queries = queries;
        this.entries = entries;
        this.site = site;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(QueueRoutes.PATH + "/{id}/edit", this::show);
        routes.post(QueueRoutes.PATH + "/{id}/edit", this::edit);
        routes.post(QueueRoutes.PATH + "/{id}/reply", this::reply);
    }

    private void show(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        ModerationQueries.Row row = existing(ctx);
        Comment c = row.comment();
        String notice = switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "saved" -> "The comment is saved.";
            case "replied" -> "Your reply is published: this is it.";
            default -> null;
        };
        render(ctx, 200, row, new EditForm(c.name(), c.url(), c.body()), "", notice, List.of());
    }

    private void edit(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        ModerationQueries.Row row = existing(ctx);
        EditForm form = new EditForm(FormFields.field(ctx, "name"), FormFields.field(ctx, "website"), FormFields.text(ctx, "text"));
        List<String> problems = problems(form);
        if (!problems.isEmpty()) {
            render(ctx, 422, row, form, "", null, problems);
            return;
        }
        Comment before = row.comment();
        db.write(tx -> {
            store.edit(tx, before.id(), form.name(), form.website(), form.text());
            AuditStore.record(tx, user, "edited a comment", "comment:" + before.id(), changes(before, form));
            return null;
        });
        Input.redirect(ctx, QueueRoutes.PATH + "/" + before.id() + "/edit?done=saved");
    }

    private void reply(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        ModerationQueries.Row row = existing(ctx);
        Comment parent = row.comment();
        EditForm kept = new EditForm(parent.name(), parent.url(), parent.body());
        String text = FormFields.text(ctx, "reply");
        String refusal = replyRefusal(parent);
        if (refusal != null) {
            render(ctx, 409, row, kept, text, null, List.of(refusal));
            return;
        }
        String problem = textProblem(text, "your reply");
        if (problem != null) {
            render(ctx, 422, row, kept, text, null, List.of(problem));
            return;
        }
        NewComment answer = new NewComment(parent.articleId(), parent.id(), site.current().name(), user.email(), "", text, null);
        Comment reply = db.write(tx -> {
            Comment stored = store.add(tx, answer, parent.depth() + 1, CommentStatus.APPROVED, List.of(), 0,
                    CommentGate.fingerprint(text), null, user.id());
            AuditStore.record(tx, user, "replied to a comment", "comment:" + stored.id(),
                    "in reply to comment " + parent.id() + ": " + Moderator.describe(stored));
            return stored;
        });
        Input.redirect(ctx, QueueRoutes.PATH + "/" + reply.id() + "/edit?done=replied");
    }

    /** Why the site cannot reply under this comment, or null when it can. */
    private String replyRefusal(Comment parent) {
        if (parent.status() != CommentStatus.APPROVED) {
            return "Only a published comment can be answered: approve this one first, then reply.";
        }
        // Depth counts from 0 for top-level comments; the setting counts levels, so 1 means no replies.
        int maxDepth = store.settings().maxDepth();
        int level = parent.depth() + 2;
        if (level > maxDepth) {
            return maxDepth <= 1
                    ? "Replies are switched off: the comment settings allow no nesting (reply depth 1)."
                    : "A reply here would be nested " + level + " levels deep, and the comment settings allow "
                            + maxDepth + ". Reply to an earlier comment in the thread instead.";
        }
        return null;
    }

    private void render(Context ctx, int status, ModerationQueries.Row row, EditForm form, String reply, String notice,
                        List<String> problems) {
        Desk desk = Desk.of(ctx, "Comment by " + row.comment().name(), "comments").withErrors(problems);
        ctx.status(status);
        templates.render(ctx, "newsroom/comments/comment.jte", new ModerationPages.CommentPage(
                notice == null ? desk : desk.withNotice(notice), entries.of(row, Moderator.Action.offeredIn(null)), form,
                reply, replyRefusal(row.comment()), site.current().name(),
                QueueRoutes.PATH + "?status=" + QueueRoutes.key(row.comment().status())));
    }

    static List<String> problems(EditForm form) {
        List<String> problems = new ArrayList<>();
        if (form.name().isEmpty()) {
            problems.add("Enter the commenter's name.");
        } else if (form.name().length() > 100) {
            problems.add("Keep the name to 100 characters at most.");
        }
        if (!form.website().isEmpty() && (form.website().length() > 300 || !WEBSITE.matcher(form.website()).matches())) {
            problems.add("The website must be a full address starting with http:// or https://, such as "
                    + "https://example.org (at most 300 characters), or empty.");
        }
        String text = textProblem(form.text(), "the comment's text");
        if (text != null) {
            problems.add(text);
        }
        return problems;
    }

    private static String textProblem(String text, String label) {
        if (text.isBlank()) {
            return "Enter " + label + ".";
        }
        return text.length() > MAX_TEXT ? "Keep " + label + " to " + MAX_TEXT + " characters at most; it has "
                + text.length() + "." : null;
    }

    private static String changes(Comment before, EditForm after) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("name " + before.name() + " → " + after.name());
        }
        if (!before.url().equals(after.website())) {
            parts.add("website " + (before.url().isEmpty() ? "(none)" : before.url()) + " → "
                    + (after.website().isEmpty() ? "(none)" : after.website()));
        }
        if (!before.body().equals(after.text())) {
            parts.add("text changed");
        }
        return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
    }

    private ModerationQueries.Row existing(Context ctx) {
        return queries.find(FormFields.id(ctx))
                .orElseThrow(() -> HttpError.notFound("There is no such comment; it may have been deleted."));
    }
}
