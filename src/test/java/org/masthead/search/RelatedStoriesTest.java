package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;

/**
 * "See also" and "You may also like" come from the stored similarity ranking: stories on the
 * same subject first, the editor's pinned ones before them, never the story itself or a copy of it.
 */
class RelatedStoriesTest {
    private static final String[] TRAMS = {"tram", "tracks", "stops", "timetable", "depot", "passengers", "line", "signals"};
    private static final String[] MUSEUM = {"museum", "exhibition", "paintings", "gallery", "curator", "collection",
            "sculpture", "visitors"};

    /** Four paragraphs on a subject, varied by {@code n} so that no two stories are the same. */
    private static String body(String[] words, int n) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            StringBuilder s = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                s.append(words[(n * 3 + p * 5 + w) % words.length]).append(w % 4 == 3 ? ". " : " ");
            }
            s.append("Paragraph ").append(p).append(" of story ").append(n).append('.');
            paragraphs.add(s.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    private static List<String> links(Document page, String selector) {
        return page.select(selector).eachAttr("href");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void relatedStoriesShareTheSubjectAndNeverRepeatTheStory(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            Newsdesk desk = new Newsdesk(app.database());
            long transport = desk.section("transport", "Transport");
            long culture = desk.section("culture", "Culture");
            Instant when = Instant.parse("2026-11-02T09:00:00Z");
            List<Long> trams = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                trams.add(desk.publish(ArticleEdit.of("tram-" + i, "Tram story " + i + " on the depot line", "",
                        body(TRAMS, i), transport, ArticleStatus.PUBLISHED, when.plusSeconds(3600L * i))));
            }
            for (int i = 0; i < 8; i++) {
                desk.publish(ArticleEdit.of("museum-" + i, "Museum story " + i + " in the gallery", "",
                        body(MUSEUM, i), culture, ArticleStatus.PUBLISHED, when.plusSeconds(3600L * i)));
            }
            // A copy of tram-0 under another address: never offered beside the original.
            desk.publish(ArticleEdit.of("tram-0-again", "Tram story 0 on the depot line", "", body(TRAMS, 0), transport,
                    ArticleStatus.PUBLISHED, when.plusSeconds(99_000)));
            app.searchIndex().awaitIdle();

            Document page = Jsoup.parse(TestSites.get(app, "/2026/11/02/tram-0").body());
            List<String> seeAlso = links(page, ".see-also a");
            List<String> related = links(page, ".related .card-headline a");
            assertThat(seeAlso).hasSizeBetween(2, 3);
            assertThat(related).hasSizeBetween(4, 6);
            List<String> all = new ArrayList<>(seeAlso);
            all.addAll(related);
            assertThat(all).doesNotHaveDuplicates()
                    .noneMatch(url -> url.endsWith("/tram-0") || url.endsWith("/tram-0-again"));
            assertThat(all.subList(0, 7)).as("the seven closest are the other tram stories").allMatch(url -> url.contains("/tram-"));

            // The editor's pinned link comes first.
            long museumFive = app.database().read(h -> h.createQuery("select id from articles where slug = 'museum-5'")
                    .mapTo(Long.class).one());
            ArticleEdit tramOne = ArticleEdit.of("tram-1", "Tram story 1 on the depot line", "", body(TRAMS, 1), transport,
                    ArticleStatus.PUBLISHED, when.plusSeconds(3600));
            desk.save(trams.get(1), new ArticleEdit(tramOne.slug(), tramOne.headline(), tramOne.dek(), tramOne.bodyMarkdown(),
                    "en", transport, List.of(), List.of(), null, List.of(museumFive), "", "", ArticleStatus.PUBLISHED,
                    tramOne.publishedAt(), null, null, null, true));
            app.searchIndex().awaitIdle();
            Document pinned = Jsoup.parse(TestSites.get(app, "/2026/11/02/tram-1").body());
            assertThat(links(pinned, ".see-also a").getFirst()).endsWith("/museum-5");
            assertThat(links(pinned, ".see-also a").subList(1, links(pinned, ".see-also a").size()))
                    .allMatch(url -> url.contains("/tram-"));

            // Unpublishing a story takes it out of every list at once.
            String tramTwo = "/2026/11/02/tram-2";
            assertThat(links(page, ".see-also a, .related .card-headline a")).anyMatch(u -> u.endsWith("/tram-2"));
            desk.save(trams.get(2), Newsdesk.withStatus(ArticleEdit.of("tram-2", "Tram story 2 on the depot line", "",
                    body(TRAMS, 2), transport, ArticleStatus.PUBLISHED, when.plusSeconds(7200)), ArticleStatus.UNPUBLISHED));
            Document after = Jsoup.parse(TestSites.get(app, "/2026/11/02/tram-0").body());
            assertThat(links(after, ".see-also a, .related .card-headline a")).noneMatch(u -> u.endsWith(tramTwo.substring(11)));
        }
    }
}
