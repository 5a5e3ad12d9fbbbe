package org.masthead.newsroom.comments;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.masthead.comments.CommentSettings;
import org.masthead.comments.CommentStore;
import org.masthead.comments.spam.ExpectedRates;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.db.Database;
import org.masthead.accounts.AuditStore;
import org.masthead.newsroom.Desk;
import org.masthead.newsroom.FormFields;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.comments.ModerationPages.Estimate;
import org.masthead.newsroom.comments.ModerationPages.EstimateRow;
import org.masthead.newsroom.comments.ModerationPages.SettingsForm;
import org.masthead.web.Templates;

/**
 * Admins set the comment rules: whether comments are on, holding, nesting, paging, closing, retention, spam limits,
 * and how strict the spam classifier is, seeing for each threshold what it is expected to catch and to hold wrongly.
 */
final class CommentSettingsRoutes {
    static final String PATH = QueueRoutes.PATH + "/settings";
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[^\\s\\\\]*");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s/?#]+\\.[^\\s/?#]+\\S*", Pattern.CASE_INSENSITIVE);
    /** The thresholds the page estimates, besides the saved ones. */
    private static final List<Double> THRESHOLDS = List.of(0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99);
    private static final Pattern PROBABILITY = Pattern.compile("0?\\.\\d{1,3}");

    private final Database db;
    private final CommentStore store;
    private final SpamClassifier classifier;
    private final Templates templates;

    CommentSettingsRoutes(Database db, CommentStore store, SpamClassifier classifier, Templates templates) {
        this.db = db;
        this.store = store;
        this.classifier = classifier;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::form);
        routes.post(PATH, this::save);
    }

    private void form(Context ctx) {
        Guard.require(ctx, Role.ADMIN);
        Desk desk = Desk.of(ctx, "Comment settings", "comments");
        if ("saved".equals(ctx.queryParam("done"))) {
            desk = desk.withNotice("Comment settings saved. They apply to the next comment and the next page shown.");
        }
        CommentSettings settings = store.settings();
        templates.render(ctx, "newsroom/comments/settings.jte", new ModerationPages.SettingsPage(desk, form(settings),
                estimate(settings)));
    }

    private void save(Context ctx) {
        User user = Guard.require(ctx, Role.ADMIN);
        SettingsForm form = read(ctx);
        List<String> problems = new ArrayList<>();
        CommentSettings next = parse(form, problems);
        if (!problems.isEmpty()) {
            ctx.status(422);
            templates.render(ctx, "newsroom/comments/settings.jte", new ModerationPages.SettingsPage(
                    Desk.of(ctx, "Comment settings", "comments").withErrors(problems), form, estimate(store.settings())));
            return;
        }
        CommentSettings before = store.settings();
        db.write(tx -> {
            store.saveSettings(tx, next);
            AuditStore.record(tx, user, "changed the comment settings", "settings", differences(before, next));
            return null;
        });
        Input.redirect(ctx, PATH + "?done=saved");
    }

    static SettingsForm form(CommentSettings s) {
        return new SettingsForm(s.enabled(), s.holdAll(), Integer.toString(s.maxDepth()), Integer.toString(s.perPage()),
                s.newestFirst(), Integer.toString(s.closeAfterDays()), Integer.toString(s.spamDays()),
                Integer.toString(s.ipDays()), Integer.toString(s.maxLinks()), Integer.toString(s.minFillSeconds()),
                Integer.toString(s.formHours()), s.privacyUrl(), decimal(s.holdProbability()), decimal(s.spamProbability()));
    }

    private static SettingsForm read(Context ctx) {
        return new SettingsForm(ctx.formParam("enabled") != null, ctx.formParam("hold_all") != null,
                FormFields.field(ctx, "max_depth"), FormFields.field(ctx, "per_page"), "newest".equals(ctx.formParam("order")),
                FormFields.field(ctx, "close_after_days"), FormFields.field(ctx, "spam_days"), FormFields.field(ctx, "ip_days"),
                FormFields.field(ctx, "max_links"), FormFields.field(ctx, "min_fill_seconds"), FormFields.field(ctx, "form_hours"),
                FormFields.field(ctx, "privacy_url"), FormFields.field(ctx, "hold_probability"),
                FormFields.field(ctx, "spam_probability"));
    }

    /** The settings the form asks for; every problem found is added to {@code problems}. */
    static CommentSettings parse(SettingsForm f, List<String> problems) {
        int maxDepth = number(f.maxDepth(), 1, 10, "Reply depth", "1 means no replies", problems);
        int perPage = number(f.perPage(), 1, 500, "Comments per page", null, problems);
        int closeAfter = number(f.closeAfterDays(), 0, 36_500, "Close comments after (days)", "0 means never", problems);
        int spamDays = number(f.spamDays(), 1, 3650, "Keep spam for (days)", null, problems);
        int ipDays = number(f.ipDays(), 0, 3650, "Keep IP addresses for (days)", "0 drops them at once", problems);
        int maxLinks = number(f.maxLinks(), 0, 100, "Links before a comment is held", null, problems);
        int minFill = number(f.minFillSeconds(), 0, 600, "Fastest human reply (seconds)", null, problems);
        int formHours = number(f.formHours(), 1, 720, "Forms expire after (hours)", null, problems);
        String privacy = f.privacyUrl();
        if (privacy.isEmpty() || privacy.length() > 300
                || !(LOCAL_PATH.matcher(privacy).matches() || WEB_ADDRESS.matcher(privacy).matches())) {
            problems.add("The privacy notice address must be a path on this site such as /privacy#comments, or a full "
                    + "address starting with https:// (at most 300 characters).");
        }
        double hold = probability(f.holdProbability(), "Hold for a moderator from", problems);
        double spam = probability(f.spamProbability(), "Mark as spam from", problems);
        if (hold > spam) {
            problems.add("Hold for a moderator from (" + f.holdProbability() + ") must not be above Mark as spam from ("
                    + f.spamProbability() + "): a comment is held when it is likely spam but not likely enough to mark.");
        }
        return new CommentSettings(f.enabled(), f.holdAll(), maxDepth, perPage, f.newestFirst(), closeAfter, spamDays,
                ipDays, maxLinks, minFill, formHours, privacy, hold, spam);
    }

    /** A spam probability as typed, 0.5 to 0.999 with at most three decimals ("0.9", ".93"). */
    private static double probability(String raw, String label, List<String> problems) {
        if (PROBABILITY.matcher(raw).matches()) {
            double value = Double.parseDouble(raw);
            if (value >= CommentSettings.LOWEST_PROBABILITY && value <= CommentSettings.HIGHEST_PROBABILITY) {
                return value;
            }
        }
        problems.add(label + ": enter a spam probability from 0.5 to 0.999, such as 0.9"
                + (raw.isEmpty() ? "." : "; \"" + raw + "\" is not one."));
        return Double.NaN; // compares with nothing, so no second message about the order
    }

    /**
     * The expected shares at each threshold of the list and at the saved two, from the comments
     * the classifier judged without having learned them (see {@link SpamClassifier#expected}).
     */
    private Estimate estimate(CommentSettings settings) {
        TreeSet<Double> thresholds = new TreeSet<>(THRESHOLDS);
        thresholds.add(settings.holdProbability());
        thresholds.add(settings.spamProbability());
        List<EstimateRow> rows = new ArrayList<>();
        for (double threshold : thresholds) {
            ExpectedRates rates = classifier.expected(threshold);
            rows.add(new EstimateRow(decimal(threshold), threshold == settings.holdProbability(),
                    threshold == settings.spamProbability(), percent(rates.spamShare()), percent(rates.legitimateShare())));
        }
        ExpectedRates marked = classifier.expected(settings.spamProbability());
        ExpectedRates held = classifier.expected(settings.holdProbability());
        String chosen = String.format(Locale.ROOT, "With these settings about %s of spam is marked spam and %s more held "
                        + "for a moderator; about %s of legitimate comments are marked spam and %s more held.",
                percent(marked.spamShare()), percent(held.spamShare() - marked.spamShare()),
                percent(marked.legitimateShare()), percent(held.legitimateShare() - marked.legitimateShare()));
        return new Estimate(rows, chosen, marked.spam(), marked.legitimate());
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", Math.max(0, share) * 100);
    }

    /** 0.75 as "0.75", 0.9 as "0.9": the shortest decimal that reads back as the same number. */
    private static String decimal(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static int number(String raw, int min, int max, String label, String hint, List<String> problems) {
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(label + ": enter a whole number from " + min + " to " + max + (hint == null ? "" : " (" + hint + ")")
                + (raw.isEmpty() ? "." : "; \"" + raw + "\" is not one."));
        return min;
    }

    /** "max_depth 3 → 2; hold_all false → true", for the audit log. */
    private static String differences(CommentSettings before, CommentSettings after) {
        Map<String, String> old = new TreeMap<>(before.rows());
        List<String> parts = new ArrayList<>();
        new TreeMap<>(after.rows()).forEach((name, value) -> {
            if (!value.equals(old.get(name))) {
                parts.add(name.substring(name.indexOf('.') + 1) + " " + old.get(name) + " → " + value);
            }
        });
        return parts.isEmpty() ? "nothing changed" : String.join("; ", parts);
    }
}
