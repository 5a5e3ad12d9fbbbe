package org.masthead.backup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Handle;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.db.Database;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStore;

/**
 * Adds to the demo newspaper a row in every table an export carries, including what the demo
 * lacks: an account, an uploaded image, a reply written before its parent's row (the parent
 * has the higher id) and a subsection likewise, a revision, settings, old addresses, the
 * logs, the spam filter's learning and the site's own keys.
 */
final class RichSite {
    /** Ids above every demo row, given to rows this class adds. */
    static final long HIGH_ID = 900_000;

    private RichSite() {
    }

    static void enrich(Database db, Path mediaDir) {
        long now = System.currentTimeMillis();
        db.write(tx -> {
            Handle h = tx.handle();
            long article = h.createQuery("select min(id) from articles").mapTo(Long.class).one();
            long other = h.createQuery("select max(id) from articles").mapTo(Long.class).one();
            h.execute("insert into users (id, email, name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?)",
                    HIGH_ID + 1, "owner@example.org", "Ada Owner", "ADMIN", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", now);
            h.execute("insert into api_tokens (id, user_id, name, token_hash, created_at, created_by, last_used_at, revoked_at)"
                    + " values (?, ?, 'Newsletter tool', ?, ?, 'Ada Owner', null, ?)", HIGH_ID + 2, HIGH_ID + 1, "ab".repeat(32),
                    now, now);
            h.execute("insert into sections (id, slug, name, description, parent_id, position) values (?, ?, ?, ?, ?, ?)",
                    HIGH_ID + 10, "harbour", "Harbour", "Boats and tides", null, 9);
            h.execute("insert into sections (id, slug, name, description, parent_id, position) values (?, ?, ?, ?, ?, ?)",
                    HIGH_ID + 5, "ferries", "Ferries", "", HIGH_ID + 10, 0);
            h.execute("insert into tags (id, slug, name) values (?, 'lighthouses', 'Lighthouses')", HIGH_ID + 40);
            h.execute("insert into article_tags (article_id, tag_id) values (?, ?)", article, HIGH_ID + 40);
            h.execute("insert into article_see_also (article_id, target_id, position) values (?, ?, 7) on conflict do nothing",
                    article, other);
            h.execute("insert into article_translations (article_id, group_id) values (?, ?)", article, article);
            h.execute("insert into article_translations (article_id, group_id) values (?, ?)", other, article);
            int number = h.createQuery("select max(number) from article_revisions where article_id = :a").bind("a", article)
                    .mapTo(Integer.class).one();
            h.execute("insert into article_revisions (article_id, number, user_id, user_name, headline, dek, body_md, saved_at, note) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", article, number + 1, HIGH_ID + 1, "Ada Owner", "An earlier “headline”",
                    "dek", "Body with *emphasis* and\nlines 🚢", now, "fixed a typo");
            h.execute("update articles set note_kind = 'correction', note_text = 'We misspelt a name.', note_at = ?, "
                    + "preview_token = 'tok-123', created_by = ? where id = ?", now, HIGH_ID + 1, article);
            h.execute("insert into pages (id, slug, title, body_md, body_html, updated_at, parent_id) "
                    + "values (?, 'tide-tables', 'Tide tables', 'Low and high', '<p>Low and high</p>', ?, null)", HIGH_ID + 51, now);
            h.execute("insert into pages (id, slug, title, body_md, body_html, updated_at, parent_id) "
                    + "values (?, 'tide-tables-2027', 'Tide tables 2027', '', '', ?, ?)", HIGH_ID + 50, now, HIGH_ID + 51);
            h.execute("insert into slug_redirects (old_slug, article_id) values (?, ?)", "an-old-address", article);
            h.execute("insert into comments (id, article_id, parent_id, depth, author_name, author_email, author_url, body, "
                    + "status, reasons, spam_score, fingerprint, ip, ip_network, site_user_id, created_at, updated_at, status_at, "
                    + "form_key) values (?, ?, null, 0, 'Reader', 'reader@example.org', 'https://example.org', 'First!', "
                    + "'APPROVED', '', 0.125, 'fp1', '203.0.113.9', '203.0.113.0/24', null, ?, ?, ?, 'key-1')",
                    HIGH_ID + 31, article, now, now, now);
            h.execute("insert into comments (id, article_id, parent_id, depth, author_name, author_email, author_url, body, "
                    + "status, reasons, spam_score, fingerprint, ip, ip_network, site_user_id, created_at, updated_at, status_at, "
                    + "form_key) values (?, ?, ?, 1, 'The Desk', '', '', 'Thank you.\nTwo lines.', 'APPROVED', 'held: links', "
                    + "0.3333333333333333, 'fp2', null, null, ?, ?, ?, ?, null)",
                    HIGH_ID + 30, article, HIGH_ID + 31, HIGH_ID + 1, now, now, now);
            h.execute("insert into comment_blocks (kind, value, created_at) values ('domain', 'spam.example', ?)", now);
            h.execute("insert into legacy_paths (path, kind, target_id) values ('/?p=12', 'article', ?)", article);
            h.execute("insert into wordpress_items (source, kind, wp_key, target_id, url) values "
                    + "('https://old.example', 'attachment', '44', null, 'https://old.example/wp-content/uploads/x.jpg')");
            h.execute("delete from site_settings where name in ('name', 'comments.max_depth')");
            h.execute("insert into site_settings (name, value) values ('name', 'The Harbour Times')");
            h.execute("insert into site_settings (name, value) values ('comments.max_depth', '4')");
            // The site's spam thresholds (comment settings page) travel with the settings rows.
            h.execute("delete from site_settings where name in ('comments.hold_probability', 'comments.spam_probability')");
            h.execute("insert into site_settings (name, value) values ('comments.hold_probability', '0.8')");
            h.execute("insert into site_settings (name, value) values ('comments.spam_probability', '0.97')");
            h.execute("insert into audit_log (user_id, user_name, action, target, detail, at) values (?, 'Ada Owner', "
                    + "'settings.save', 'site', 'name', ?)", HIGH_ID + 1, now);
            h.execute("update spam_model set spam_comments = 3, ham_comments = 4, version = 2, updated_at = ?", now);
            h.execute("insert into spam_features (feature, spam, ham) values ('w:casino', 3, 0)");
            h.execute("insert into spam_examples (content, spam, learned_at) values ('cheap casino', 1, ?)", now);
            h.execute("insert into consent_log (consent_id, given_at, policy_version, preferences, statistics, external_media, "
                    + "method, gpc, ip_hash) values ('c0ffee', ?, 2, 1, 0, 1, 'choose', 0, '0123456789abcdef')", now);
            h.execute("delete from consent_secret");
            h.execute("insert into consent_secret (id, secret) values (1, 'consent-key')");
            h.execute("delete from policy_versions");
            h.execute("insert into policy_versions (version, since, raised_by) values (1, 1, 'system'), (2, ?, 'Ada Owner')", now);
            h.execute("delete from comment_secret");
            h.execute("insert into comment_secret (id, secret) values (1, 'comment-key')");
            return null;
        });
        User owner = new User(HIGH_ID + 1, "owner@example.org", "Ada Owner", Role.ADMIN);
        new MediaLibrary(db, new MediaStore(db), mediaDir).upload("Harbour at Dawn.png", png(), "Boats at dawn",
                "The harbour", "Ada Owner", owner);
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 255 / image.getWidth()) << 16 | (y * 255 / image.getHeight()) << 8 | 90);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
