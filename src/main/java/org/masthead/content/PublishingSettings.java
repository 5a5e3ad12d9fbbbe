package org.masthead.content;

/**
 * How the site's stories travel beyond its pages, editable by its admins: whether feeds carry
 * each story's full text or only its dek.
 */
public record PublishingSettings(boolean fullTextFeeds) {
    public static final PublishingSettings DEFAULTS = new PublishingSettings(false);
}
