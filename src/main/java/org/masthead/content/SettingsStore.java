package org.masthead.content;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/** The site's name, tagline, language, time zone and publishing settings: the site_settings rows its admins edit. */
public final class SettingsStore {
    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    /** The settings as stored now, with the defaults for any never set. */
    public SiteSettings current() {
        Map<String, String> values = new HashMap<>();
        db.read(h -> h.createQuery("select name, value from site_settings")
                .map((rs, ctx) -> values.put(rs.getString("name"), rs.getString("value"))).list());
        SiteSettings d = SiteSettings.DEFAULTS;
        return new SiteSettings(values.getOrDefault("name", d.name()), values.getOrDefault("tagline", d.tagline()),
                values.getOrDefault("language", d.language()), ZoneId.of(values.getOrDefault("zone", d.zone().getId())));
    }

    /** The publishing settings as stored now, with the defaults for any never set. */
    public PublishingSettings publishing() {
        Map<String, String> values = new HashMap<>();
        db.read(h -> h.createQuery("select name, value from site_settings where name like 'publishing.%'")
                .map((rs, ctx) -> values.put(rs.getString("name"), rs.getString("value"))).list());
        return new PublishingSettings(Boolean.parseBoolean(values.getOrDefault("publishing.full_text_feeds", "false")),
                values.getOrDefault("publishing.logo", ""), values.getOrDefault("publishing.corrections_policy", ""),
                values.getOrDefault("publishing.ethics_policy", ""), values.getOrDefault("publishing.masthead", ""),
                values.getOrDefault("publishing.feedback_policy", ""), values.getOrDefault("publishing.ownership_funding", ""));
    }

    /** Saves the publishing settings in the caller's transaction; readers' caches follow the change log. */
    public void savePublishing(Tx tx, PublishingSettings settings) {
        put(tx, Map.of("publishing.full_text_feeds", String.valueOf(settings.fullTextFeeds()),
                "publishing.logo", settings.logo(), "publishing.corrections_policy", settings.correctionsPolicy(),
                "publishing.ethics_policy", settings.ethicsPolicy(), "publishing.masthead", settings.masthead(),
                "publishing.feedback_policy", settings.feedbackPolicy(),
                "publishing.ownership_funding", settings.ownershipFunding()));
    }

    private static void put(Tx tx, Map<String, String> rows) {
        for (Map.Entry<String, String> row : rows.entrySet()) {
            tx.handle().execute("delete from site_settings where name = ?", row.getKey());
            tx.handle().execute("insert into site_settings (name, value) values (?, ?)", row.getKey(), row.getValue());
        }
        tx.changed("settings", 1, Change.Kind.UPDATED);
    }

    /** Saves the four settings, leaving the other site_settings rows (such as the comment rules) alone. */
    public void save(Tx tx, SiteSettings settings) {
        put(tx, Map.of("name", settings.name(), "tagline", settings.tagline(),
                "language", settings.language(), "zone", settings.zone().getId()));
    }
}
