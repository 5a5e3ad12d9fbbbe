package org.masthead.comments;

import java.util.Map;
import org.masthead.comments.spam.SpamClassifier;

/**
 * The comment rules a site's admins set, stored as {@code comments.*} rows of site_settings.
 *
 * @param enabled         whether articles take comments at all
 * @param holdAll         hold every comment for a moderator, whatever the spam checks say
 * @param maxDepth        how deep replies nest: 1 means no replies
 * @param perPage         top-level comments per page under an article
 * @param newestFirst     the order of top-level comments
 * @param closeAfterDays  close an article's comments this many days after publication; 0 never
 * @param spamDays        keep spam this many days for moderators to rescue, then delete it
 * @param ipDays          keep commenters' IP addresses this many days, then drop them
 * @param maxLinks        more links than this holds a comment for a moderator
 * @param minFillSeconds  a form sent sooner than this after it was shown is spam
 * @param formHours       a form older than this must be sent again
 * @param privacyUrl      where the line under the form points: how comment data is processed
 * @param holdProbability a spam probability (calibrated, see comments.spam.Calibration) from which the classifier
 *                        holds a comment for a moderator
 * @param spamProbability a spam probability from which the classifier marks a comment spam; at least holdProbability
 */
public record CommentSettings(boolean enabled, boolean holdAll, int maxDepth, int perPage, boolean newestFirst,
                              int closeAfterDays, int spamDays, int ipDays, int maxLinks, int minFillSeconds,
                              int formHours, String privacyUrl, double holdProbability, double spamProbability) {

    /** The classifier's thresholds start where a held-out evaluation put about 1 % of legitimate comments (BENCHMARKS.md). */
    public static final CommentSettings DEFAULTS = new CommentSettings(true, false, 3, 50, false, 0, 30, 30, 2, 3, 24,
            "/privacy#comments", 0.75, SpamClassifier.DEFAULT_THRESHOLD);
    /** The thresholds an admin may choose: below 0.5 a comment would be held while more likely legitimate than not. */
    public static final double LOWEST_PROBABILITY = 0.5;
    public static final double HIGHEST_PROBABILITY = 0.999;
    static final String PREFIX = "comments.";

    /** Reads the settings from site_settings rows; missing or unreadable values take their defaults. */
    public static CommentSettings from(Map<String, String> rows) {
        CommentSettings d = DEFAULTS;
        return new CommentSettings(
                bool(rows, "enabled", d.enabled), bool(rows, "hold_all", d.holdAll),
                number(rows, "max_depth", d.maxDepth), number(rows, "per_page", d.perPage),
                bool(rows, "newest_first", d.newestFirst), number(rows, "close_after_days", d.closeAfterDays),
                number(rows, "spam_days", d.spamDays), number(rows, "ip_days", d.ipDays),
                number(rows, "max_links", d.maxLinks), number(rows, "min_fill_seconds", d.minFillSeconds),
                number(rows, "form_hours", d.formHours), rows.getOrDefault(PREFIX + "privacy_url", d.privacyUrl),
                probability(rows, "hold_probability", d.holdProbability),
                probability(rows, "spam_probability", d.spamProbability));
    }

    /** The site_settings rows that store these settings. */
    public Map<String, String> rows() {
        return Map.ofEntries(
                Map.entry(PREFIX + "enabled", Boolean.toString(enabled)),
                Map.entry(PREFIX + "hold_all", Boolean.toString(holdAll)),
                Map.entry(PREFIX + "max_depth", Integer.toString(maxDepth)),
                Map.entry(PREFIX + "per_page", Integer.toString(perPage)),
                Map.entry(PREFIX + "newest_first", Boolean.toString(newestFirst)),
                Map.entry(PREFIX + "close_after_days", Integer.toString(closeAfterDays)),
                Map.entry(PREFIX + "spam_days", Integer.toString(spamDays)),
                Map.entry(PREFIX + "ip_days", Integer.toString(ipDays)),
                Map.entry(PREFIX + "max_links", Integer.toString(maxLinks)),
                Map.entry(PREFIX + "min_fill_seconds", Integer.toString(minFillSeconds)),
                Map.entry(PREFIX + "form_hours", Integer.toString(formHours)),
                Map.entry(PREFIX + "privacy_url", privacyUrl),
                Map.entry(PREFIX + "hold_probability", Double.toString(holdProbability)),
                Map.entry(PREFIX + "spam_probability", Double.toString(spamProbability)));
    }

    private static boolean bool(Map<String, String> rows, String name, boolean fallback) {
        String value = rows.get(PREFIX + name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    private static double probability(Map<String, String> rows, String name, double fallback) {
        try {
            String value = rows.get(PREFIX + name);
            double parsed = value == null ? fallback : Double.parseDouble(value);
            return parsed >= LOWEST_PROBABILITY && parsed <= HIGHEST_PROBABILITY ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int number(Map<String, String> rows, String name, int fallback) {
        try {
            String value = rows.get(PREFIX + name);
            return value == null ? fallback : Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
