package org.masthead.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongConsumer;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Section;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;

/**
 * Makes a large site out of the demo newspaper, for measuring: each new article takes a demo
 * article's section, tags and byline, and paragraphs drawn from the demo articles of that
 * section, so sections keep their subjects; headlines join halves of that section's headlines
 * with a serial number, so no two are the same. Published over the five years before now, from
 * a fixed seed: the same count gives the same site.
 */
public final class DemoGenerator {
    private static final int BATCH = 500;
    private final Database db;
    private final ArticleStore articles;
    private final SectionStore sections;

    public DemoGenerator(Database db, ArticleStore articles, SectionStore sections) {
        this.db = db;
        this.articles = articles;
        this.sections = sections;
    }

    private record Model(String section, List<String> tags, List<String> authors, String headline, String dek,
                         List<String> paragraphs) {
    }

    /** Adds {@code count} published articles; tells {@code progress} how many are written after each batch. */
    public void generate(int count, LongConsumer progress) {
        Map<String, Long> sectionIds = new HashMap<>();
        for (Section s : sections.all()) {
            sectionIds.put(s.slug(), s.id());
        }
        if (sectionIds.isEmpty()) {
            throw new IllegalArgumentException("the site has no sections: start it once with --demo first");
        }
        Map<String, String> tagNames = new HashMap<>();
        for (List<String> row : DemoResources.table("tags.txt")) {
            tagNames.put(row.get(0), row.get(1));
        }
        Map<String, Long> authorIds = new DemoQueries(db).authorIds();
        List<Model> models = new ArrayList<>();
        Map<String, List<String>> paragraphsBySection = new HashMap<>();
        for (FrontMatter f : DemoResources.folder("articles")) {
            List<String> paragraphs = List.of(f.body().split("\n\n"));
            String section = f.required("section");
            paragraphsBySection.computeIfAbsent(section, k -> new ArrayList<>()).addAll(paragraphs.stream()
                    .filter(p -> !p.startsWith("#") && !p.startsWith("!") && !p.startsWith(":::") && p.length() > 60).toList());
            models.add(new Model(section, f.list("tags").stream().map(t -> tagNames.getOrDefault(t, t)).toList(),
                    f.list("authors"), f.required("headline"), f.required("dek"), paragraphs));
        }
        Random random = new Random(20261205L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long serial = System.currentTimeMillis() / 1000;
        for (int from = 0; from < count; from += BATCH) {
            int size = Math.min(BATCH, count - from);
            int first = from;
            db.write(tx -> {
                for (int i = 0; i < size; i++) {
                    Model model = models.get(random.nextInt(models.size()));
                    Model other = models.stream().filter(m -> m.section().equals(model.section()))
                            .skip(random.nextInt((int) models.stream().filter(m -> m.section().equals(model.section())).count()))
                            .findFirst().orElse(model);
                    String headline = half(model.headline(), true) + " " + half(other.headline(), false) + " ("
                            + (first + i + 1) + ")";
                    List<String> pool = paragraphsBySection.getOrDefault(model.section(), model.paragraphs());
                    List<String> body = new ArrayList<>();
                    int paragraphs = 4 + random.nextInt(5);
                    for (int p = 0; p < paragraphs && !pool.isEmpty(); p++) {
                        body.add(pool.get(random.nextInt(pool.size())));
                    }
                    Long section = sectionIds.get(model.section());
                    if (section == null) {
                        throw new IllegalArgumentException("the site has no section " + model.section()
                                + ": generate into a site that holds the demo");
                    }
                    List<Long> byline = model.authors().stream().map(authorIds::get).filter(java.util.Objects::nonNull).toList();
                    Instant published = now.minus(random.nextInt(5 * 365 * 24 * 60), ChronoUnit.MINUTES);
                    articles.create(tx, new ArticleEdit("generated-" + serial + "-" + (first + i + 1), headline, model.dek(),
                            String.join("\n\n", body), "en", section, byline, model.tags(), null, List.of(), "", "",
                            ArticleStatus.PUBLISHED, published, null, null, null, true), ArticleEdit.By.SYSTEM);
                }
                return null;
            });
            progress.accept(size);
        }
    }

    private static String half(String headline, boolean first) {
        String[] words = headline.split(" ");
        int cut = Math.max(1, words.length / 2);
        return String.join(" ", first ? java.util.Arrays.copyOfRange(words, 0, cut)
                : java.util.Arrays.copyOfRange(words, cut, words.length));
    }
}
