package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.masthead.comments.Block;
import org.masthead.comments.CommentStore;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.comments.ModerationPages.BlockForm;
import org.masthead.newsroom.comments.ModerationPages.Choice;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;

/**
 * The blocklist: words, link domains, email addresses and IP addresses whose comments go
 * straight to spam. Editors list, add and remove entries; each change is audited.
 */
final class BlockRoutes {
    static final String PATH = QueueRoutes.PATH + "/blocks";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile("(?:" + OCTET + "\\.){3}" + OCTET);
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");

    private final Database db;
    private final CommentStore store;
    private final Templates templates;

    BlockRoutes(Database db, CommentStore store, Templates templates) {
        this.db = db;
        this.store = store;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::add);
        routes.post(PATH + "/{id}/delete", this::remove);
    }

    private void list(Context ctx) {
        Guard.require(ctx, Role.EDITOR);
        String notice = switch (ctx.queryParam("done") == null ? "" : ctx.queryParam("done")) {
            case "added" -> "Added to the blocklist.";
            case "exists" -> "That is on the blocklist already.";
            case "removed" -> "Removed from the blocklist.";
            default -> null;
        };
        render(ctx, new BlockForm("word", ""), notice, List.of());
    }

    private void add(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        BlockForm form = new BlockForm(FormFields.field(ctx, "kind"), FormFields.field(ctx, "value"));
        Block.Kind kind = Block.Kind.parse(form.kind()).orElse(null);
        String problem = kind == null ? "Choose what to block: a word, a domain, an email address or an IP address."
                : problem(kind, form.value());
        if (problem != null) {
            ctx.status(422);
            render(ctx, form, null, List.of(problem));
            return;
        }
        String value = Block.normalise(kind, form.value());
        if (store.blocks().stream().anyMatch(b -> b.kind() == kind && b.value().equals(value))) {
            Input.redirect(ctx, PATH + "?done=exists");
            return;
        }
        db.write(tx -> {
            if (store.addBlock(tx, kind, value)) {
                AuditStore.record(tx, user, "added a block", "comment_block", kind.label() + ": " + value);
            }
            return null;
        });
        Input.redirect(ctx, PATH + "?done=added");
    }

    private void remove(Context ctx) {
        User user = Guard.require(ctx, Role.EDITOR);
        long id = FormFields.id(ctx);
        Block block = store.blocks().stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> HttpError.notFound("That block is not on the list; it may have been removed already."));
        db.write(tx -> {
            if (store.removeBlock(tx, id)) {
                AuditStore.record(tx, user, "removed a block", "comment_block:" + id, block.kind().label() + ": " + block.value());
            }
            return null;
        });
        Input.redirect(ctx, PATH + "?done=removed");
    }

    private void render(Context ctx, BlockForm form, String notice, List<String> problems) {
        Desk desk = Desk.of(ctx, "Comment blocklist", "comments").withErrors(problems);
        List<Choice> kinds = Arrays.stream(Block.Kind.values()).map(k -> new Choice(k.name().toLowerCase(java.util.Locale.ROOT),
                k.label(), k.name().equalsIgnoreCase(form.kind()))).toList();
        templates.render(ctx, "newsroom/comments/blocks.jte", new ModerationPages.BlocksPage(
                notice == null ? desk : desk.withNotice(notice), store.blocks(), form, kinds));
    }

    /** What is wrong with a value to block, or null when it can be blocked as typed. */
    static String problem(Block.Kind kind, String raw) {
        String value = Block.normalise(kind, raw);
        if (value.isEmpty()) {
            return "Enter the " + kind.label().toLowerCase(java.util.Locale.ROOT) + " to block.";
        }
        if (value.length() > 300) {
            return "Keep the value to 300 characters at most.";
        }
        return switch (kind) {
            case WORD -> value.codePointCount(0, value.length()) < 2 || value.chars().noneMatch(Character::isLetterOrDigit)
                    ? "A blocked word needs at least two characters, with a letter or digit among them." : null;
            case DOMAIN -> DOMAIN.matcher(value).matches() ? null
                    : "\"" + raw + "\" is not a domain; enter one such as spam.example (without https:// or a path).";
            case EMAIL -> EMAIL.matcher(value).matches() ? null
                    : "\"" + raw + "\" is not an email address; enter one such as someone@example.org.";
            case IP -> isIp(value) ? null
                    : "\"" + raw + "\" is not an IP address; enter one such as 203.0.113.7 or 2001:db8::7.";
        };
    }

    private static boolean isIp(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            // Only hex digits, colons and dots: a literal, never a name, so nothing is looked up.
            return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
