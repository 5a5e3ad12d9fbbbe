package org.masthead.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Turns a page of hits into results: the whole headline and the best two passages of the
 * body, HTML-escaped, with the words that matched in {@code <mark>}.
 */
final class SnippetMarker {
    private final Analyzers analyzers;

    SnippetMarker(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page, List<String> languages)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] headlines = languages.stream().map(l -> Analyzers.field("headline", l)).toArray(String[]::new);
        String[] bodies = languages.stream().map(l -> Analyzers.field("body", l)).toArray(String[]::new);
        Map<String, String[]> markedHeadlines = highlighter(searcher, true).highlightFields(headlines, query, docs,
                ones(headlines.length, 1));
        Map<String, String[]> markedBodies = highlighter(searcher, false).highlightFields(bodies, query, docs,
                ones(bodies.length, 2));
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = searcher.storedFields().document(page[i].doc);
            String lang = doc.get(Fields.LANGUAGE);
            int l = languages.indexOf(lang);
            String headline = l < 0 ? null : markedHeadlines.get(headlines[l])[i];
            String snippet = l < 0 ? null : markedBodies.get(bodies[l])[i];
            hits.add(new SearchResults.Hit(Long.parseLong(doc.get(Fields.ID)), doc.get(Fields.SLUG),
                    headline != null ? headline : escape(doc.get(Analyzers.field("headline", lang))),
                    snippet != null ? snippet : "", doc.get(Fields.SECTION), doc.get(Fields.SECTION_NAME),
                    doc.getField(Fields.PUBLISHED).numericValue().longValue()));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean whole) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzers.perField())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withHighlightPhrasesStrictly(true)
                .withMaxLength(100_000);
        if (whole) {
            b.withBreakIterator(WholeBreakIterator::new);
        }
        return b.build();
    }

    private static int[] ones(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
