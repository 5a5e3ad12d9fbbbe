package org.masthead.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
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
 * body, HTML-escaped, with the words that matched in {@code <mark>}. The stored text is read
 * once per hit (headline and body together); the rest of a result comes from doc values.
 */
final class SnippetMarker {
    private static final String HEADLINE = "headline";
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
        int n = languages.size();
        String[] fields = new String[2 * n];
        int[] passages = new int[2 * n];
        for (int l = 0; l < n; l++) {
            fields[l] = Analyzers.field(HEADLINE, languages.get(l));
            passages[l] = 1;
            fields[n + l] = Analyzers.field("body", languages.get(l));
            passages[n + l] = 2;
        }
        Map<String, String[]> marked = highlighter(searcher).highlightFields(fields, query, docs, passages);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchResults.Hit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(page[i].doc, leaves));
            int doc = page[i].doc - leaf.docBase;
            LeafReader reader = leaf.reader();
            String lang = text(reader, Fields.LANGUAGE, doc);
            int l = languages.indexOf(lang);
            String headline = l < 0 ? null : marked.get(fields[l])[i];
            String snippet = l < 0 ? null : marked.get(fields[n + l])[i];
            if (headline == null) {
                headline = escape(searcher.storedFields().document(page[i].doc).get(Analyzers.field(HEADLINE, lang)));
            }
            hits.add(new SearchResults.Hit(number(reader, Fields.ID, doc), text(reader, Fields.SLUG, doc), headline,
                    snippet != null ? snippet : "", text(reader, Fields.SECTION, doc),
                    text(reader, Fields.SECTION_NAME, doc), number(reader, Fields.PUBLISHED, doc)));
        }
        return hits;
    }

    private static String text(LeafReader reader, String field, int doc) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, field);
        return values.advanceExact(doc) ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
    }

    private static long number(LeafReader reader, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(reader, field);
        return values.advanceExact(doc) ? values.longValue() : 0;
    }

    /**
     * Headlines whole, bodies by sentence. Phrases are marked only where they occur as phrases;
     * the terms are taken from the query once, not matched again per hit.
     */
    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzers.perField())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .withMaxLength(100_000);
        return new UnifiedHighlighter(b) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.startsWith(HEADLINE + "_") ? new WholeBreakIterator() : super.getBreakIterator(field);
            }
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
