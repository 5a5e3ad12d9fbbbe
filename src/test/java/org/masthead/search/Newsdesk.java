package org.masthead.search;

import java.time.Instant;
import java.util.List;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;

/** Writes test articles the way the newsroom does, through the content stores. */
final class Newsdesk {
    private final Database db;
    private final ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));

    Newsdesk(Database db) {
        this.db = db;
    }

    long section(String slug, String name) {
        return db.write(tx -> new SectionStore(db).add(tx, slug, name, name + " news.", null, 0));
    }

    long publish(long section, String slug, String headline, String body) {
        return publish(ArticleEdit.of(slug, headline, "", body, section, ArticleStatus.PUBLISHED,
                Instant.parse("2026-11-20T09:00:00Z")));
    }

    long publish(ArticleEdit edit) {
        return db.write(tx -> articles.create(tx, edit, ArticleEdit.By.SYSTEM));
    }

    /** Saves a new version of the article with {@code edit}; returns nothing, the change log tells the index. */
    void save(long id, ArticleEdit edit) {
        int version = db.read(h -> h.createQuery("select version from articles where id = :id").bind("id", id)
                .mapTo(Integer.class).one());
        db.write(tx -> articles.update(tx, id, version, edit, ArticleEdit.By.SYSTEM, "test"));
    }

    static ArticleEdit withStatus(ArticleEdit e, ArticleStatus status) {
        return new ArticleEdit(e.slug(), e.headline(), e.dek(), e.bodyMarkdown(), e.language(), e.sectionId(),
                e.authorIds(), e.tagNames(), e.featuredMediaId(), e.seeAlsoIds(), e.seoTitle(), e.seoDescription(), status,
                e.publishedAt(), e.updatedAt(), e.noteKind(), e.noteText(), e.commentsOpen());
    }

    static ArticleEdit withHeadline(ArticleEdit e, String headline) {
        return new ArticleEdit(e.slug(), headline, e.dek(), e.bodyMarkdown(), e.language(), e.sectionId(),
                e.authorIds(), e.tagNames(), e.featuredMediaId(), e.seeAlsoIds(), e.seoTitle(), e.seoDescription(),
                e.status(), e.publishedAt(), e.updatedAt(), e.noteKind(), e.noteText(), e.commentsOpen());
    }

    static ArticleEdit inLanguage(ArticleEdit e, String language) {
        return new ArticleEdit(e.slug(), e.headline(), e.dek(), e.bodyMarkdown(), language, e.sectionId(),
                e.authorIds(), e.tagNames(), e.featuredMediaId(), e.seeAlsoIds(), e.seoTitle(), e.seoDescription(),
                e.status(), e.publishedAt(), e.updatedAt(), e.noteKind(), e.noteText(), e.commentsOpen());
    }

    static List<String> headlines(String searchPageHtml) {
        return org.jsoup.Jsoup.parse(searchPageHtml).select(".search-headline a").eachText();
    }
}
