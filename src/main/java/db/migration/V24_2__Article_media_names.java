package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.masthead.content.ArticleMediaStore;

/**
 * Which stored pictures each story's text names ({@code content.ArticleMediaStore}), filled from
 * the stories there are; and an index of the featured picture, for the same questions about it. A
 * Java migration because the rows are found by reading each story's text.
 */
public class V24_2__Article_media_names extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create table article_media_names (
                        article_id bigint not null references articles (id) on delete cascade,
                        file_name  varchar(200) not null,
                        primary key (article_id, file_name))""");
            s.execute("create index article_media_names_file on article_media_names (file_name, article_id)");
            s.execute("create index articles_featured on articles (featured_media_id, status)");
        }
        ArticleMediaStore.fill(connection);
    }
}
