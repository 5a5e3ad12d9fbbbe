package org.masthead.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.MediaResolver;
import org.masthead.content.SectionStore;
import org.masthead.db.Database;

/**
 * A labelled news corpus in CSV ({@code category,title,text}, RFC 4180 quoting), loaded into a
 * site as published articles: one section per category, or all in one section, in a language.
 * Test-only: the corpus measured here may not be redistributed.
 */
final class NewsCorpus {
    record Story(String category, String title, String text) {
    }

    static List<Story> read(Path csv) throws IOException {
        List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<Story> stories = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            stories.add(new Story(row.get(0), row.get(1), row.get(2)));
        }
        return stories;
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Publishes every story, an hour apart; returns each article's id with its story.
     * {@code sectionPerCategory} false puts all of them in one section, so that nothing but
     * the words can tell the categories apart.
     */
    static Map<Long, Story> load(Database db, List<Story> stories, boolean sectionPerCategory, String language) {
        ArticleStore articles = new ArticleStore(new Markdown(MediaResolver.NONE));
        SectionStore sections = new SectionStore(db);
        Map<String, Long> sectionIds = new LinkedHashMap<>();
        Map<Long, Story> loaded = new LinkedHashMap<>();
        Instant start = Instant.parse("2005-01-01T08:00:00Z");
        for (int from = 0; from < stories.size(); from += 200) {
            List<Story> batch = stories.subList(from, Math.min(stories.size(), from + 200));
            int offset = from;
            db.write(tx -> {
                for (int i = 0; i < batch.size(); i++) {
                    Story s = batch.get(i);
                    String name = sectionPerCategory ? s.category() : "news";
                    long section = sectionIds.computeIfAbsent(name, n -> sections.add(tx, n, n, n, null, 0));
                    String body = s.text().replace("\n\n", "\u0000").replace("\n", " ").replace("\u0000", "\n\n");
                    ArticleEdit edit = new ArticleEdit("story-" + (offset + i), s.title(), "", body, language, section,
                            List.of(), List.of(), null, List.of(), "", "", ArticleStatus.PUBLISHED,
                            start.plusSeconds(3600L * (offset + i)), null, null, null, true);
                    loaded.put(articles.create(tx, edit, ArticleEdit.By.SYSTEM), s);
                }
                return null;
            });
        }
        return loaded;
    }
}
