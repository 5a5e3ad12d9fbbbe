package org.masthead.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Suggestions for an article being edited, published or not: the text in the editor is
 * compared with the index. Tags are those of existing topics whose words are among the text's
 * most telling ones, then those most used by its closest stories; stories are the closest ones.
 */
final class EditorHints {
    private static final int TAGS = 6;
    private static final int STORIES = 5;
    private static final int NEIGHBOURS = 10;

    private final ArticleIndex index;
    private final Analyzers analyzers;

    EditorHints(ArticleIndex index, Analyzers analyzers) {
        this.index = index;
        this.analyzers = analyzers;
    }

    /**
     * {@code existingTags}: every topic with a published story (slug and name); {@code ownTags}
     * and {@code pinned} (slugs) are what the article already has, left out of the suggestions.
     */
    EditorSuggestions suggest(Long articleId, String language, String headline, String body, List<IndexedArticle.Named> existingTags,
                              Set<String> ownTags, Set<String> pinned) {
        String text = headline + "\n" + headline + "\n" + body;
        if (text.isBlank()) {
            return EditorSuggestions.NONE;
        }
        String field = Analyzers.field("body", Analyzers.code(language));
        IndexSearcher searcher = index.acquire();
        try {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzers.perField());
            mlt.setFieldNames(new String[] {field});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(40);
            Set<String> telling = new HashSet<>(List.of(mlt.retrieveInterestingTerms(new StringReader(text), field)));
            Map<String, Double> tagScores = new LinkedHashMap<>();
            Set<String> own = lower(ownTags);
            for (IndexedArticle.Named tag : existingTags) {
                List<String> words = terms(analyzers.forField(field), field, tag.name());
                if (!words.isEmpty() && telling.containsAll(words) && !own.contains(tag.name().toLowerCase(Locale.ROOT))) {
                    tagScores.merge(tag.name(), 2.0, Double::sum);
                }
            }
            List<EditorSuggestions.Story> stories = new ArrayList<>();
            Query like = mlt.like(field, new StringReader(text));
            ScoreDoc[] near = searcher.search(like, NEIGHBOURS + 1).scoreDocs;
            Map<String, String> tagNames = new LinkedHashMap<>();
            existingTags.forEach(t -> tagNames.put(t.slug(), t.name()));
            int rank = 0;
            for (ScoreDoc hit : near) {
                Document doc = searcher.storedFields().document(hit.doc);
                if (articleId != null && doc.get(Fields.ID).equals(articleId.toString())) {
                    continue;
                }
                rank++;
                for (IndexableField tag : doc.getFields(Fields.TAG)) {
                    String name = tagNames.get(tag.stringValue());
                    if (name != null && !own.contains(name.toLowerCase(Locale.ROOT))) {
                        tagScores.merge(name, 1.0 / rank, Double::sum);
                    }
                }
                String slug = doc.get(Fields.SLUG);
                if (stories.size() < STORIES && !pinned.contains(slug)) {
                    stories.add(new EditorSuggestions.Story(slug, doc.get(Analyzers.field("headline", doc.get(Fields.LANGUAGE)))));
                }
            }
            List<String> tags = tagScores.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .limit(TAGS).map(Map.Entry::getKey).toList();
            return new EditorSuggestions(tags, stories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.strip().toLowerCase(Locale.ROOT)));
        return lower;
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
