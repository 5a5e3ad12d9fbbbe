package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;

/**
 * The list sitemap's writers and tags, each with its newest published story's time, whether that
 * story is among the site's newest (read from them) or not (read through the writer's or tag's own
 * stories): the same answer either way, and nobody without a published story.
 */
class SitemapListsTest {
    private final Markdown markdown = new Markdown(url -> Optional.empty());

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachWriterAndTagHasItsNewestPublishedStoryWhereverThatIs(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            Database db = app.database();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            AuthorStore authors = new AuthorStore(markdown);
            ArticleStore articles = new ArticleStore(markdown);
            db.write(tx -> {
                long city = new SectionStore(db).add(tx, "city", "City", "", null, 1);
                long ann = authors.add(tx, "ann-quay", "Ann Quay", "Reporter", "", null);
                long bo = authors.add(tx, "bo-mill", "Bo Mill", "Former editor", "", null);
                long cy = authors.add(tx, "cy-draft", "Cy Draft", "Intern", "", null);
                record Story(String slug, long daysAgo, long author, List<String> tags, ArticleStatus status) {
                }
                for (Story story : List.of(
                        new Story("ferry-returns", 1, ann, List.of("harbour"), ArticleStatus.PUBLISHED),
                        new Story("timetable-change", 2, ann, List.of("harbour", "ferries"), ArticleStatus.PUBLISHED),
                        new Story("count-night", 400, bo, List.of("ferries", "elections"), ArticleStatus.PUBLISHED),
                        new Story("recount", 300, bo, List.of("elections"), ArticleStatus.PUBLISHED),
                        new Story("weather", 3, ann, List.of(), ArticleStatus.PUBLISHED),
                        new Story("first-try", 0, cy, List.of("unpublished-only", "harbour"), ArticleStatus.DRAFT))) {
                    Instant published = story.status() == ArticleStatus.PUBLISHED ? now.minus(story.daysAgo(), ChronoUnit.DAYS) : null;
                    articles.create(tx, ArticleEdit.of(story.slug(), "Headline " + story.slug(), "Dek", "Text.", city,
                            story.status(), published).withByline(List.of(story.author())).withTags(story.tags()), ArticleEdit.By.SYSTEM);
                }
                return null;
            });
            Map<String, Instant> expected = Map.of(
                    "/author/ann-quay", now.minus(1, ChronoUnit.DAYS),
                    "/author/bo-mill", now.minus(300, ChronoUnit.DAYS),
                    "/tag/harbour", now.minus(1, ChronoUnit.DAYS),
                    "/tag/ferries", now.minus(2, ChronoUnit.DAYS),
                    "/tag/elections", now.minus(300, ChronoUnit.DAYS));
            SitemapQueries queries = new SitemapQueries(db);
            // 1: only the newest story is "recent", so ferries (2 days) and Bo are read through their own
            // stories; 2 and 3: ferries from the recent; 5,000: everything from the recent.
            for (int recent : List.of(1, 2, 3, SitemapQueries.RECENT)) {
                List<SitemapQueries.Url> urls = queries.lists(100, recent);
                Map<String, Instant> listed = urls.stream()
                        .filter(u -> u.path().startsWith("/author/") || u.path().startsWith("/tag/"))
                        .collect(Collectors.toMap(SitemapQueries.Url::path, SitemapQueries.Url::lastChanged));
                assertThat(listed).as("with the %d newest stories read first", recent).isEqualTo(expected);
                assertThat(urls).extracting(SitemapQueries.Url::path).as("sections are listed").contains("/section/city");
            }
        }
    }
}
