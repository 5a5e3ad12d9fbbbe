package org.masthead.newsroom.comments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.masthead.comments.Block;
import org.masthead.newsroom.Desk;

/** The typed models of the moderation templates, one per page. */
public final class ModerationPages {
    private ModerationPages() {
    }

    /** An option of a select: the value sent and the words shown. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** A queue view in the tab row, with how many comments it holds. */
    public record Tab(String label, long count, String url, boolean current) {
        /** The count as the tab says it, in groups of three digits ("10,001"). */
        public String shown() {
            return String.format(java.util.Locale.ROOT, "%,d", count);
        }
    }

    /**
     * One comment as a moderator sees it. {@code publicUrl} is where readers see it (or its
     * article, while it is not shown), null when the article is not published; {@code html}
     * is the text as readers get it.
     */
    public record Entry(long id, String name, String email, String website, String ip, String status,
                        String headline, String publicUrl, String editorUrl, String time, String machineTime,
                        String html, List<String> reasons, boolean bySite, List<Choice> actions, boolean deletable) {
        public String anchor() {
            return "comment-" + id;
        }
    }

    /**
     * A queue: its tabs, the search, one page of comments with the bulk actions the view offers.
     * {@code query} names the view without its page number.
     */
    public record QueuePage(Desk desk, List<Tab> tabs, String status, String viewLabel, String search, boolean everywhere,
                            List<Entry> entries, long total, int page, int pageCount, List<Choice> actions, String query) {
        public String pageUrl(int number) {
            return QueueRoutes.PATH + "?" + query + (number > 1 ? "&page=" + number : "");
        }

        /** This very view, where the actions return. */
        public String back() {
            return pageUrl(page);
        }

        public String deleteUrl(long id) {
            return QueueRoutes.PATH + "/" + id + "/delete?back=" + URLEncoder.encode(back(), StandardCharsets.UTF_8);
        }
    }

    /** Asks before comments are deleted for good. */
    public record DeletePage(Desk desk, List<Entry> entries, String back) {
    }

    /** The fields of the edit form as typed. */
    public record EditForm(String name, String website, String text) {
    }

    /**
     * One comment: its details, the edit form and the reply form. {@code replyRefusal} says
     * why no reply can be written here, or is null.
     */
    public record CommentPage(Desk desk, Entry entry, EditForm form, String reply, String replyRefusal, String siteName,
                              String queueUrl) {
    }

    public record BlockForm(String kind, String value) {
    }

    public record BlocksPage(Desk desk, List<Block> blocks, BlockForm form, List<Choice> kinds) {
    }

    /** The comment settings as typed: numbers stay text so a wrong one can be shown again. */
    public record SettingsForm(boolean enabled, boolean holdAll, String maxDepth, String perPage, boolean newestFirst,
                               String closeAfterDays, String spamDays, String ipDays, String maxLinks,
                               String minFillSeconds, String formHours, String privacyUrl, String holdProbability,
                               String spamProbability) {
    }

    /**
     * What the spam thresholds are expected to do: one row per threshold, the share of spam and
     * of legitimate comments scoring at or above it, as percentages; {@code chosen} says it for
     * the saved pair; {@code spam} and {@code legitimate} how many held-out comments it counted.
     */
    public record Estimate(List<EstimateRow> rows, String chosen, int spam, int legitimate) {
    }

    /** One threshold: whether it is the saved hold or spam threshold, and its two shares. */
    public record EstimateRow(String threshold, boolean hold, boolean spam, String spamShare, String legitimateShare) {
    }

    public record SettingsPage(Desk desk, SettingsForm form, Estimate estimate) {
    }
}
