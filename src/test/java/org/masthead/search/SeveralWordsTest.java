package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;

/**
 * A search for several words finds the stories holding every one of them anywhere (text, tags,
 * byline, section), each word asked in the story's own language, and ranks a story with the
 * words in its headline above one that mentions them in passing.
 */
class SeveralWordsTest {
    private static final String SOME_WORDS = "have some of these words (none has them all)";
    private static final Instant MORNING = Instant.parse("2026-11-20T09:00:00Z");

    private static List<String> found(App app, String query) {
        return Newsdesk.headlines(TestSites.get(app, "/search?q=" + query).body());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyWordAnywhereInTheStorysOwnLanguage(Kind kind) {
        try (App app = App.create(TestSites.config(kind)).start()) {
            app.searchIndex().awaitIdle();
            Newsdesk desk = new Newsdesk(app.database());
            long section = desk.section("harbour", "Harbour");
            desk.publish(section, "budget-week", "Budget week at the council",
                    "Councillors went through the year's spending line by line. Road repairs, the swimming pool roof, "
                            + "street lighting, school meals and, near the end of a long evening, the tram depot all "
                            + "came up before the vote, which passed by eleven votes to four.");
            desk.publish(section, "tram-depot-plans", "Tram depot plans approved", "The council said yes on Tuesday.");
            desk.publish(section, "marathon-route", "City marathon moves to the waterfront",
                    "Runners will cross the harbour bridge twice. The harbour bridge closes to traffic at six, and the "
                            + "route then follows the harbour wall past the old bridge to the harbour steps, where the "
                            + "bridge of boats used to be; the harbour master has agreed the timings.");
            desk.publish(section, "clean-water", "Harbour water clean enough for swimming",
                    "Samples taken near the bridge all passed.");
            desk.publish(new ArticleEdit("spring-fares", "Fares rise in spring", "", "Tickets cost more from April.", "en",
                    section, List.of(), List.of("Island ferry"), null, List.of(), "", "", ArticleStatus.PUBLISHED, MORNING,
                    null, null, null, true));
            desk.publish(Newsdesk.inLanguage(ArticleEdit.of("neue-bruecke", "Die neue Brücke ist offen", "",
                    "Die Brücke über den Hafen ist wieder offen.", section, ArticleStatus.PUBLISHED, MORNING), "de"));
            TestSites.eventually("all six indexed", Duration.ofSeconds(5),
                    () -> found(app, "tram+depot").size() == 2 && found(app, "offen").size() == 1
                            && found(app, "fares").size() == 1 && found(app, "samples").size() == 1
                            && found(app, "runners").size() == 1);

            assertThat(found(app, "tram+depot")).as("the headline first")
                    .containsExactly("Tram depot plans approved", "Budget week at the council");
            assertThat(found(app, "harbour+bridge")).as("a word in the headline outweighs both words often in the text")
                    .startsWith("Harbour water clean enough for swimming");
            assertThat(found(app, "ferry+fares")).as("one word in the headline, one in a tag")
                    .containsExactly("Fares rise in spring");
            assertThat(found(app, "harbour+tickets")).as("one word in the section's name, one in the body")
                    .containsExactly("Fares rise in spring");
            // "die" is a German stop word but an English word: German stories are asked only for "Brücke".
            assertThat(found(app, "die+br%C3%BCcke")).as("each story in its own language")
                    .containsExactly("Die neue Brücke ist offen");
            assertThat(TestSites.get(app, "/search?q=die+br%C3%BCcke").body()).as("found with every word")
                    .doesNotContain(SOME_WORDS);
            assertThat(found(app, "tram+ferry")).as("no story has both: stories with either").hasSize(3);
            assertThat(TestSites.get(app, "/search?q=tram+ferry").body()).contains(SOME_WORDS);
        }
    }
}
