package org.masthead.content;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.masthead.db.Tx;

/**
 * {@code article_media_names}: the paths under /media/ (originals and variants) that each story's
 * Markdown or HTML names, kept with every save, so that "which stories show this picture" and
 * "which pictures do published stories show" read an index instead of every story's text. Paths,
 * not picture ids: a story may name a picture before it is uploaded (an import brings stories
 * before their attachments), and is found once it is.
 */
public final class ArticleMediaStore {
    private static final int BATCH = 1_000;

    private ArticleMediaStore() {
    }

    /** Replaces the article's rows with the paths its text names now. */
    static void replace(Handle h, long id, String markdown, String html) {
        h.execute("delete from article_media_names where article_id = ?", id);
        Set<String> names = Media.fileNamesIn(markdown, html);
        if (names.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("insert into article_media_names (article_id, file_name) values (:id, :name)");
        for (String name : names) {
            insert.bind("id", id).bind("name", name).add();
        }
        insert.execute();
    }

    /** {@link #fill(Connection)} in {@code tx} (a site import). */
    public static void fill(Tx tx) {
        try {
            fill(tx.handle().getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot note the pictures the stories name", e);
        }
    }

    /**
     * Writes the rows of every story whose text names a path under /media/, for a table that holds
     * none (its migration, a site import); returns how many stories. Reads the stories in one
     * stream: on PostgreSQL the connection must be in a transaction for it not to load them all.
     */
    public static int fill(Connection connection) throws SQLException {
        int stories = 0;
        try (Statement read = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into article_media_names (article_id, file_name) values (?, ?)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("select id, body_md, body_html from articles"
                    + " where body_md like '%" + Media.URL_PREFIX + "%' or body_html like '%" + Media.URL_PREFIX + "%'")) {
                while (rows.next()) {
                    stories++;
                    for (String name : Media.fileNamesIn(rows.getString(2), rows.getString(3))) {
                        insert.setLong(1, rows.getLong(1));
                        insert.setString(2, name);
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return stories;
    }
}
