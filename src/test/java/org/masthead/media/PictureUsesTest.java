package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleMediaStore;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.Media;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;

/**
 * The stories whose text shows a picture are found by the paths their saves noted, originals and
 * variants, whichever was uploaded first; a text that drops the picture drops the use.
 */
class PictureUsesTest {
    private static final Instant WHEN = Instant.parse("2026-11-20T09:00:00Z");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPictureIsInUseWhereAStoryNamesItOrOneOfItsWidths(Kind kind) throws Exception {
        try (App app = App.create(TestSites.config(kind))) {
            Database db = app.database();
            ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
            long section = db.write(tx -> new SectionStore(db).add(tx, "city", "City", "", null, 0));
            long byVariant = db.write(tx -> articles.create(tx, ArticleEdit.of("quay", "The quay at dawn", "",
                    "Boats.\n\n![The quay](/media/pics/quay-480.jpg)", section, ArticleStatus.PUBLISHED, WHEN),
                    ArticleEdit.By.SYSTEM));
            db.write(tx -> articles.create(tx, ArticleEdit.of("draft", "A draft", "",
                    "See [the picture](/media/pics/quay.jpg) and /media/pics/quay.jpgs, which is not it.", section,
                    ArticleStatus.DRAFT, null), ArticleEdit.By.SYSTEM));
            db.write(tx -> articles.create(tx, ArticleEdit.of("other", "Another picture", "",
                    "![Else](/media/pics/quay-old.jpg)", section, ArticleStatus.PUBLISHED, WHEN), ArticleEdit.By.SYSTEM));
            // Uploaded after the stories that name it.
            long id = db.write(tx -> tx.handle().createUpdate("""
                            insert into media (file_name, content_type, width, height, widths, alt, caption, credit, created_at)
                            values ('pics/quay.jpg', 'image/jpeg', 960, 640, '480,960', '', '', '', 0)""")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            Media quay = new Media(id, "pics/quay.jpg", "image/jpeg", 960, 640, List.of(480, 960), "", "", "");
            MediaStore store = new MediaStore(db);
            assertThat(store.uses(quay)).extracting(MediaUse::title).containsExactly("The quay at dawn", "A draft");

            // Filled again from the texts, as the migration and a site import do, it finds the same.
            List<String> saved = names(db);
            db.write(tx -> tx.handle().execute("delete from article_media_names"));
            assertThat(store.uses(quay)).isEmpty();
            int stories = db.write(tx -> {
                try {
                    return ArticleMediaStore.fill(tx.handle().getConnection());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(stories).isEqualTo(3);
            assertThat(names(db)).isEqualTo(saved).hasSize(4)
                    .anyMatch(row -> row.endsWith(":pics/quay-480.jpg")).anyMatch(row -> row.endsWith(":pics/quay.jpgs"));

            int version = db.read(h -> h.createQuery("select version from articles where id = :id").bind("id", byVariant)
                    .mapTo(Integer.class).one());
            db.write(tx -> articles.update(tx, byVariant, version, ArticleEdit.of("quay", "The quay at dawn", "",
                    "Boats, no picture.", section, ArticleStatus.PUBLISHED, WHEN), ArticleEdit.By.SYSTEM, "test"));
            assertThat(store.uses(quay)).extracting(MediaUse::title).containsExactly("A draft");
        }
    }

    private static List<String> names(Database db) {
        return db.read(h -> h.createQuery("select article_id || ':' || file_name from article_media_names order by 1")
                .mapTo(String.class).list());
    }
}
