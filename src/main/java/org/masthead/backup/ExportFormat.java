package org.masthead.backup;

import java.util.List;

/**
 * The export format (docs/export-format.md): its name, its version, and the tables it carries
 * in the order an import writes them (every table before the tables that refer to it).
 * Raise {@link #VERSION} whenever a file or a field is added, removed or changes meaning.
 */
public final class ExportFormat {
    public static final String NAME = "masthead-export";
    public static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MEDIA = "media/";

    private ExportFormat() {
    }

    static final List<Table> TABLES = List.of(
            Table.of("users", "id:L email name role password_hash created_at:L", "id").announcing("user", "id"),
            Table.of("api_tokens", "id:L user_id:L name token_hash created_at:L created_by last_used_at:L revoked_at:L", "id"),
            Table.of("media", "id:L file_name content_type width:I height:I widths alt caption credit created_at:L "
                    + "created_by:L", "id").announcing("media", "id"),
            Table.of("sections", "id:L slug name description parent_id:L position:I", "id")
                    .deferring("parent_id").announcing("section", "id"),
            Table.of("authors", "id:L slug name role bio_md bio_html photo_media_id:L", "id").announcing("author", "id"),
            Table.of("tags", "id:L slug name", "id").announcing("tag", "id"),
            Table.of("articles", "id:L slug headline dek body_md body_html body_breaks language status section_id:L "
                    + "featured_media_id:L published_at:L updated_at:L created_at:L seo_title seo_description version:I "
                    + "note_kind note_text note_at:L preview_token created_by:L comments label sponsor", "id")
                    .announcing("article", "id"),
            Table.of("article_authors", "article_id:L author_id:L position:I", "article_id, position"),
            Table.of("article_tags", "article_id:L tag_id:L", "article_id, tag_id"),
            Table.of("article_see_also", "article_id:L target_id:L position:I", "article_id, position"),
            Table.of("article_translations", "article_id:L group_id:L", "article_id"),
            Table.of("article_revisions", "id:L article_id:L number:I user_id:L user_name headline dek body_md saved_at:L "
                    + "note", "id"),
            Table.of("slug_redirects", "old_slug article_id:L", "old_slug"),
            Table.of("pages", "id:L slug title body_md body_html updated_at:L parent_id:L", "id")
                    .deferring("parent_id").announcing("page", "id"),
            Table.of("comments", "id:L article_id:L parent_id:L depth:I author_name author_email author_url body status "
                    + "reasons spam_score:D fingerprint ip ip_network site_user_id:L created_at:L updated_at:L "
                    + "status_at:L form_key", "id").deferring("parent_id").announcing("comment", "id"),
            Table.of("comment_blocks", "id:L kind value created_at:L", "id").announcing("comment_block", "id"),
            Table.of("legacy_paths", "path kind target_id:L", "path"),
            Table.of("wordpress_items", "source kind wp_key target_id:L url", "source, kind, wp_key"),
            Table.of("site_settings", "name value", "name").announcing("settings", null),
            Table.of("audit_log", "id:L user_id:L user_name action target detail at:L", "id"),
            Table.of("spam_model", "id:L spam_comments:L ham_comments:L version:L updated_at:L", "id")
                    .replacing().announcing("spam_model", null),
            Table.of("spam_features", "feature spam:L ham:L", "feature"),
            Table.of("spam_examples", "id:L content spam:I learned_at:L", "id"),
            Table.of("consent_log", "id:L consent_id given_at:L policy_version:I preferences:I statistics:I "
                    + "external_media:I method gpc:I ip_hash", "id"),
            Table.of("consent_secret", "id:I secret", "id").replacing(),
            Table.of("policy_versions", "version:I since:L raised_by", "version").replacing()
                    .announcing("policy", "version"),
            Table.of("comment_secret", "id:L secret", "id").replacing());

    /**
     * Tables an export leaves out, each for a reason: the migration history (the schema is the
     * importing Masthead's own), the change log (the import writes its own entries), sign-in
     * sessions and failed sign-ins (people sign in again on the new site), the related-story
     * lists, which the search index works out again from the articles, the kept comment counts,
     * which the database's triggers keep as the comments are written, and the picture paths the
     * articles' texts name, which the import reads from the texts again.
     */
    public static final List<String> LEFT_OUT = List.of("flyway_schema_history", "change_log", "sessions",
            "login_failures", "article_related", "comment_counts", "comment_count_changes", "article_media_names");
}
