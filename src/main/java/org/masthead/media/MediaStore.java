package org.masthead.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.masthead.content.Media;
import org.masthead.db.Change;
import org.masthead.db.Database;
import org.masthead.db.Tx;

/** All SQL of the media library: the rows, the search over them, and where an image is used. */
public final class MediaStore {
    private static final String SELECT = """
            select m.*, u.name as uploader_name from media m left join users u on u.id = m.created_by""";
    private static final String MATCHES = " " + """
            where (:q = '' or lower(m.file_name) like :p escape '!' or lower(m.alt) like :p escape '!'
                or lower(m.caption) like :p escape '!' or lower(m.credit) like :p escape '!')""";

    /** The change log's name for media rows. */
    public static final String ENTITY = "media";

    private final Database db;

    public MediaStore(Database db) {
        this.db = db;
    }

    /**
     * Enters an image whose files are already in the media folder, in the caller's transaction;
     * {@code userId} is who uploaded it, or null for the site itself (the demo, an import).
     */
    public long add(Tx tx, String fileName, String contentType, int width, int height, List<Integer> widths,
                    String alt, String caption, String credit, Long userId) {
        long id = tx.handle().createUpdate("""
                        insert into media (file_name, content_type, width, height, widths, alt, caption, credit, created_at, created_by)
                        values (:file, :type, :width, :height, :widths, :alt, :caption, :credit, :at, :by)""")
                .bind("file", fileName).bind("type", contentType).bind("width", width).bind("height", height)
                .bind("widths", widths.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("alt", alt).bind("caption", caption).bind("credit", credit)
                .bind("at", System.currentTimeMillis()).bind("by", userId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        tx.changed(ENTITY, id, Change.Kind.CREATED);
        return id;
    }

    Optional<LibraryItem> find(long id) {
        return db.read(h -> h.createQuery(SELECT + " where m.id = :id").bind("id", id).map((rs, c) -> item(rs)).findOne());
    }

    /** Newest first; {@code query} matches part of the file name, alt text, caption or credit, in any case. */
    List<LibraryItem> search(String query, int limit, int offset) {
        return db.read(h -> h.createQuery(SELECT + MATCHES + " order by m.created_at desc, m.id desc limit :limit offset :offset")
                .bind("q", query).bind("p", pattern(query)).bind("limit", limit).bind("offset", offset)
                .map((rs, c) -> item(rs)).list());
    }

    long count(String query) {
        return db.read(h -> h.createQuery("select count(*) from media m" + MATCHES)
                .bind("q", query).bind("p", pattern(query)).mapTo(Long.class).one());
    }

    void updateWords(Tx tx, long id, String alt, String caption, String credit) {
        tx.handle().createUpdate("update media set alt = :alt, caption = :caption, credit = :credit where id = :id")
                .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("id", id).execute();
        tx.changed(ENTITY, id, Change.Kind.UPDATED);
    }

    void delete(Tx tx, long id) {
        tx.handle().createUpdate("delete from media where id = :id").bind("id", id).execute();
        tx.changed(ENTITY, id, Change.Kind.DELETED);
    }

    List<MediaUse> uses(Media media) {
        return db.read(h -> uses(h, media));
    }

    /** Every place that shows the image: as a featured image or photo, or by its URL inside a text. */
    List<MediaUse> uses(Handle h, Media media) {
        List<MediaUse> uses = new ArrayList<>();
        uses.addAll(h.createQuery("select headline from articles where featured_media_id = :id order by id")
                .bind("id", media.id()).map((rs, c) -> new MediaUse("Featured image of the article", rs.getString(1))).list());
        uses.addAll(h.createQuery("select name from authors where photo_media_id = :id order by id")
                .bind("id", media.id()).map((rs, c) -> new MediaUse("Photo of the author", rs.getString(1))).list());
        List<String> urls = new ArrayList<>(List.of(Media.URL_PREFIX + media.fileName()));
        media.widths().forEach(w -> urls.add(media.variantUrl(w)));
        // Stories are many: the paths their texts name are kept with each save, and looked up by name.
        List<String> names = urls.stream().map(url -> url.substring(Media.URL_PREFIX.length())).toList();
        uses.addAll(h.createQuery("""
                        select headline from articles
                        where id in (select article_id from article_media_names where file_name in (<names>)) order by id""")
                .bindList("names", names).map((rs, c) -> new MediaUse("In the text of the article", rs.getString(1))).list());
        uses.addAll(inText(h, urls, "authors", "name", "bio_md", "bio_html", "In the biography of the author"));
        uses.addAll(inText(h, urls, "pages", "title", "body_md", "body_html", "In the text of the page"));
        return uses;
    }

    private static List<MediaUse> inText(Handle h, List<String> urls, String table, String label, String markdown,
                                         String html, String where) {
        StringBuilder sql = new StringBuilder("select " + label + " from " + table + " where ");
        for (int i = 0; i < urls.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append(markdown).append(" like :u").append(i).append(" escape '!' or ")
                    .append(html).append(" like :u").append(i).append(" escape '!'");
        }
        var query = h.createQuery(sql + " order by id");
        for (int i = 0; i < urls.size(); i++) {
            query.bind("u" + i, "%" + escape(urls.get(i)) + "%");
        }
        return query.map((rs, c) -> new MediaUse(where, rs.getString(1))).list();
    }

    private static String pattern(String query) {
        return "%" + escape(query.toLowerCase(Locale.ROOT)) + "%";
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static LibraryItem item(ResultSet rs) throws SQLException {
        String widths = rs.getString("widths");
        Media media = new Media(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("width"), rs.getInt("height"),
                widths.isEmpty() ? List.of() : Arrays.stream(widths.split(",")).map(Integer::valueOf).toList(),
                rs.getString("alt"), rs.getString("caption"), rs.getString("credit"));
        long by = rs.getLong("created_by");
        Long uploadedBy = rs.wasNull() ? null : by;
        return new LibraryItem(media, uploadedBy, rs.getString("uploader_name"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
