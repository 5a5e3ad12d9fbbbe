package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masthead.comments.Block;
import org.masthead.comments.Comment;
import org.masthead.comments.CommentStatus;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.User;
import org.masthead.newsroom.comments.ModerationPages.Choice;
import org.masthead.newsroom.comments.Moderator.Action;
import org.masthead.web.HttpError;
import org.masthead.web.PageNumber;
import org.masthead.web.Templates;

/**
 * The moderation queue: pending, spam, approved and trash, newest first, searchable; actions
 * on one comment or on all those ticked, each returning to the view it came from.
 */
final class QueueRoutes {
    static final String PATH = "/newsroom/comments";

    private final ModerationQueries queries;
    private final Moderator moderator;
    private final Entries entries;
    private final Templates templates;

    QueueRoutes(ModerationQueries queries, Moderator moderator, Entries entries, Templates templates) {
        this.queries = queries;
        this.moderator = moderator;
        this.entries = entries;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::queue);
        routes.post(PATH, this::bulk);
        for (Action action : Action.values()) {
            if (action != Action.DELETE) {
                routes.post(PATH + "/{id}/" + action.value, ctx -> one(ctx, action));
            }
        }
        routes.get(PATH + "/{id}/delete", this::confirmOne);
        routes.post(PATH + "/{id}/block-email", ctx -> block(ctx, Block.Kind.EMAIL));
        routes.post(PATH + "/{id}/block-ip", ctx -> block(ctx, Block.Kind.IP));
    }

    private void queue(Context ctx) {
        Guard.require(ctx, Moderator.ROLE);
        CommentStatus status = view(ctx.queryParam("status"));
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        boolean everywhere = !search.isEmpty() && "all".equals(ctx.queryParam("in"));
        int page = PageNumber.parse(ctx.queryParam("page"));
        ModerationQueries.Listing listing = queries.list(new ModerationQueries.Filter(everywhere ? null : status, search, page));
        if (page > listing.pageCount()) {
            if (ctx.queryParam("done") == null) {
                throw HttpError.notFound("This queue has only " + listing.pageCount() + " page(s).");
            }
            page = listing.pageCount(); // the last comments of the last page were just moved away
            listing = queries.list(new ModerationQueries.Filter(everywhere ? null : status, search, page));
        }
        List<Action> offered = Action.offeredIn(everywhere ? null : status);
        Map<CommentStatus, Long> counts = queries.counts();
        List<ModerationPages.Tab> tabs = new ArrayList<>();
        for (CommentStatus s : List.of(CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.APPROVED, CommentStatus.TRASH)) {
            tabs.add(new ModerationPages.Tab(s.label(), counts.get(s), PATH + "?status=" + key(s), !everywhere && s == status));
        }
        String query = "status=" + key(status)
                + (search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)) + (everywhere ? "&in=all" : "");
        String label = everywhere ? "All comments" : status.label();
        Desk desk = Desk.of(ctx, "Comments", "comments");
        String notice = notice(ctx.queryParam("done"), ctx.queryParam("n"));
        templates.render(ctx, "newsroom/comments/queue.jte", new ModerationPages.QueuePage(
                notice == null ? desk : desk.withNotice(notice), tabs, key(status), label, search, everywhere,
                listing.rows().stream().map(r -> entries.of(r, offered)).toList(), listing.total(), page,
                listing.pageCount(), offered.stream().map(a -> new Choice(a.value, a.label, false)).toList(), query));
    }

    /** The bulk form: an action and the ticked comments. Deleting asks first, unless this is the answer. */
    private void bulk(Context ctx) {
        User user = Guard.require(ctx, Moderator.ROLE);
        Action action = Action.parse(ctx.formParam("action"));
        if (action == null) {
            throw HttpError.badRequest("Choose an action from the list: approve, mark as spam, move to trash, restore "
                    + "or delete permanently.");
        }
        List<Long> ids = ids(ctx.formParams("ids"));
        String back = Input.back(ctx);
        if (ids.isEmpty()) {
            Input.redirect(ctx, back + "&done=none&n=0");
            return;
        }
        if (action == Action.DELETE && !"yes".equals(ctx.formParam("confirmed"))) {
            confirm(ctx, ids, back);
            return;
        }
        done(ctx, back, action, moderator.apply(action, ids, user));
    }

    private void one(Context ctx, Action action) {
        User user = Guard.require(ctx, Moderator.ROLE);
        long id = existing(ctx).id();
        done(ctx, Input.back(ctx), action, moderator.apply(action, List.of(id), user));
    }

    private void confirmOne(Context ctx) {
        Guard.require(ctx, Moderator.ROLE);
        Comment comment = existing(ctx);
        String back = ctx.queryParam("back") == null ? PATH + "?status=" + key(comment.status()) : ctx.queryParam("back");
        confirm(ctx, List.of(comment.id()), back.startsWith(PATH + "?") ? back : PATH + "?status=" + key(comment.status()));
    }

    private void confirm(Context ctx, List<Long> ids, String back) {
        List<ModerationPages.Entry> doomed = ids.stream().map(queries::find).flatMap(java.util.Optional::stream)
                .filter(r -> Action.DELETE.appliesTo(r.comment().status()))
                .map(r -> entries.of(r, List.of())).toList();
        if (doomed.isEmpty()) {
            Input.redirect(ctx, back + "&done=none&n=0");
            return;
        }
        templates.render(ctx, "newsroom/comments/delete.jte", new ModerationPages.DeletePage(
                Desk.of(ctx, "Delete comments permanently", "comments"), doomed, back));
    }

    private void block(Context ctx, Block.Kind kind) {
        User user = Guard.require(ctx, Moderator.ROLE);
        Comment comment = existing(ctx);
        if (!moderator.block(comment, kind, user)) {
            throw new HttpError(409, "This comment's IP address is no longer kept, so it cannot be blocked.");
        }
        Input.redirect(ctx, Input.back(ctx) + "&done=block-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "&n=1");
    }

    private static void done(Context ctx, String back, Action action, int changed) {
        Input.redirect(ctx, back + "&done=" + (changed == 0 ? "none" : action.value) + "&n=" + changed);
    }

    private Comment existing(Context ctx) {
        return queries.comments(List.of(FormFields.id(ctx))).stream().findFirst()
                .orElseThrow(() -> HttpError.notFound("There is no such comment; it may have been deleted."));
    }

    /** "3 comments approved." after an action; null when the address says nothing was done. */
    static String notice(String done, String n) {
        if (done == null) {
            return null;
        }
        int count;
        try {
            count = Integer.parseInt(n == null ? "0" : n);
        } catch (NumberFormatException e) {
            return null;
        }
        return switch (done) {
            case "none" -> "Nothing changed: no comment was ticked, or the action does not apply to those ticked.";
            case "block-email" -> "The commenter's email address is blocked: their next comments go to spam.";
            case "block-ip" -> "The commenter's IP address is blocked: comments from it go to spam.";
            default -> {
                Action action = Action.parse(done);
                yield action == null ? null : (count == 1 ? "1 comment " : count + " comments ") + action.done + ".";
            }
        };
    }

    /** The queue named in the address; the pending queue when none is. */
    private static CommentStatus view(String raw) {
        if (raw == null || raw.isBlank()) {
            return CommentStatus.PENDING;
        }
        return CommentStatus.parse(raw.strip())
                .orElseThrow(() -> HttpError.badRequest("There is no comment queue called \"" + raw + "\"."));
    }

    static String key(CommentStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Long> ids(List<String> raw) {
        List<Long> ids = new ArrayList<>();
        for (String value : raw) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Tick comments from the list; \"" + value + "\" is not one.");
            }
        }
        return ids;
    }
}
