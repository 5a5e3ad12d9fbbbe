package org.masthead.newsroom.commenters;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.masthead.comments.CommentRemovalStore;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.content.SettingsStore;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * Commenter data for editors: find every comment sent from an email address, download them
 * as JSON for the person who asked, erase them or anonymise them. Erasing and anonymising
 * cannot be undone, so both post twice: once to see what will happen, once to confirm.
 * Guard.before already stands in front of these routes (sign-in and CSRF).
 */
public final class CommenterRoutes {
    static final String BASE = "/newsroom/commenters";

    private final Database db;
    private final CommenterStore store;
    private final SettingsStore site;
    private final AuditStore audit;
    private final Templates templates;

    public CommenterRoutes(Database db, CommenterStore store, AuditStore audit, SettingsStore site, Templates templates) {
        this.db = db;
        this.store = store;
        this.site = site;
        this.audit = audit;
        this.templates = templates;
    }

    /** The search page; with an address, its comments (the newest {@link CommenterStore#SHOWN}) and what can be done. */
    public record CommentersPage(Desk desk, String email, int total, List<SentComment> comments) {
        public String exportUrl() {
            return BASE + "/export?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        }
    }

    /** Asks before erasing or anonymising: what will happen, and the button that posts the confirmation. */
    public record ConfirmPage(Desk desk, String question, String consequence, String action, String button, String email) {
        public String cancelUrl() {
            return BASE + "?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
        }
    }

    public void register(RoutesConfig routes) {
        routes.get(BASE, this::search);
        routes.get(BASE + "/export", this::export);
        routes.post(BASE + "/erase", this::erase);
        routes.post(BASE + "/anonymise", this::anonymise);
    }

    private void search(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        Desk desk = desk(ctx);
        String done = ctx.queryParam("done");
        if ("erased".equals(done) || "anonymised".equals(done)) {
            desk = desk.withNotice(fromQuery(ctx.queryParam("n")) + " " + done + ".");
        }
        show(ctx, desk, CommenterStore.normalise(ctx.queryParam("email")));
    }

    private void export(Context ctx) {
        User editor = Guard.require(ctx, Role.EDITOR);
        String email = CommenterStore.normalise(ctx.queryParam("email"));
        if (email.isEmpty()) {
            throw HttpError.badRequest("Say whose comments to download: add ?email= with their address.");
        }
        List<SentComment> comments = store.comments(email, site.current().zone(), Integer.MAX_VALUE);
        audit.record(editor, "commenters.export", "commenter " + CommenterStore.masked(email), comments.size() + " comment(s)");
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + Export.fileName(email) + "\"");
        ctx.result(Export.json(email, comments, org.masthead.web.Origin.of(ctx)));
    }

    private void erase(Context ctx) {
        confirmThen(ctx, "Erase", "erase", "erased", email -> {
            int replies = store.repliesByOthers(email);
            return "They are deleted for good, whatever their status. "
                    + (replies == 0 ? "" : replies + (replies == 1 ? " reply" : " replies")
                    + " by others to them stay, each moved up to the comment above or to the top. ")
                    + "This cannot be undone: if the person asked for a copy, download it first.";
        }, (email, editor) -> db.write(tx -> {
            CommentRemovalStore.Removed removed = store.erase(tx, email);
            if (removed.comments() > 0) {
                AuditStore.record(tx, editor, "commenters.erase", "commenter " + CommenterStore.masked(email),
                        removed.comments() + " comment(s) deleted, " + removed.repliesMoved() + " repl(ies) by others moved up");
            }
            return removed.comments();
        }));
    }

    private void anonymise(Context ctx) {
        confirmThen(ctx, "Anonymise", "anonymise", "anonymised",
                email -> "Their text stays where it is, signed \"" + CommenterStore.ANONYMOUS + "\". The name, email address, "
                        + "website and IP address are removed from every one of them. This cannot be undone.",
                (email, editor) -> db.write(tx -> {
                    int count = store.anonymise(tx, email);
                    if (count > 0) {
                        AuditStore.record(tx, editor, "commenters.anonymise", "commenter " + CommenterStore.masked(email),
                                count + " comment(s)");
                    }
                    return count;
                }));
    }

    /**
     * The posted address's comments, changed for good: first a page that says what {@code verb}
     * will do ({@code consequence}), then, once confirmed, {@code change} and back to the search
     * page with how many it changed.
     */
    private void confirmThen(Context ctx, String verb, String path, String done, Function<String, String> consequence,
                             ToIntBiFunction<String, User> change) {
        User editor = Guard.require(ctx, Role.EDITOR);
        String email = requested(ctx);
        if (email == null) {
            return;
        }
        if (!confirmed(ctx)) {
            String count = comments(store.count(email));
            templates.render(ctx, "newsroom/commenters/confirm.jte", new ConfirmPage(desk(ctx, verb + " comments"),
                    verb + " " + count + " sent from " + email + "?", consequence.apply(email),
                    BASE + "/" + path, verb + " " + count, email));
            return;
        }
        ctx.redirect(BASE + "?done=" + done + "&n=" + change.applyAsInt(email, editor), HttpStatus.SEE_OTHER);
    }

    /** The posted address when it has comments; otherwise answers with the search page and a reason, and returns null. */
    private String requested(Context ctx) {
        String email = CommenterStore.normalise(ctx.formParam("email"));
        if (email.isEmpty()) {
            ctx.status(422);
            show(ctx, desk(ctx).withErrors(List.of("Enter the email address whose comments to change.")), email);
            return null;
        }
        if (store.count(email) == 0) {
            ctx.status(404);
            show(ctx, desk(ctx).withErrors(List.of("No comments were sent from " + email + "; nothing was changed.")), email);
            return null;
        }
        return email;
    }

    private static boolean confirmed(Context ctx) {
        return "yes".equals(ctx.formParam("confirm"));
    }

    private void show(Context ctx, Desk desk, String email) {
        if (email.isEmpty()) {
            templates.render(ctx, "newsroom/commenters/list.jte", new CommentersPage(desk, "", 0, List.of()));
            return;
        }
        templates.render(ctx, "newsroom/commenters/list.jte", new CommentersPage(desk, email, store.count(email),
                store.comments(email, site.current().zone(), CommenterStore.SHOWN)));
    }

    private static Desk desk(Context ctx) {
        return desk(ctx, "Commenters");
    }

    private static Desk desk(Context ctx, String title) {
        return Desk.of(ctx, title, "commenters");
    }

    private static String comments(int count) {
        return count + (count == 1 ? " comment" : " comments");
    }

    private static String fromQuery(String n) {
        try {
            return comments(Math.max(0, Integer.parseInt(n == null ? "" : n)));
        } catch (NumberFormatException e) {
            return comments(0);
        }
    }
}
