package org.masthead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Completes what a reader is typing: topics (tags of published stories) whose name starts
 * with it, and the newest headlines holding every word typed, the last one as a prefix.
 */
final class Autocomplete {
    static final int TOPICS = 4;
    static final int HEADLINES = 6;
    private static final Sort NEWEST = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true));
    private final ArticleIndex index;
    private final Analyzer words = new StandardAnalyzer(CharArraySet.EMPTY_SET);

    /** A topic (a tag: its slug and name) or a story (its id, slug, headline and publication time). */
    record Suggestion(String kind, String label, String slug, long publishedAt) {
    }

    Autocomplete(ArticleIndex index) {
        this.index = index;
    }

    List<Suggestion> suggest(String typed) {
        return find(typed, true);
    }

    /** Only the topics {@link #suggest} would offer. */
    List<Suggestion> topics(String typed) {
        return find(typed, false);
    }

    private List<Suggestion> find(String typed, boolean withHeadlines) {
        String prefix = QueryText.clean(typed).toLowerCase(Locale.ROOT);
        if (prefix.length() < 2) {
            return List.of();
        }
        IndexSearcher searcher = index.acquire();
        try {
            List<Suggestion> found = new ArrayList<>(topics(searcher, prefix));
            if (withHeadlines) {
                found.addAll(headlines(searcher, prefix));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static List<Suggestion> topics(IndexSearcher searcher, String prefix) throws IOException {
        List<Suggestion> topics = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.TAG_KEY);
        if (terms == null) {
            return topics;
        }
        TermsEnum each = terms.iterator();
        if (each.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
            return topics;
        }
        for (BytesRef term = each.term(); term != null && topics.size() < TOPICS; term = each.next()) {
            String key = term.utf8ToString();
            if (!key.startsWith(prefix)) {
                break;
            }
            String[] parts = key.split("\t", 3);
            topics.add(new Suggestion("topic", parts[2], parts[1], 0));
        }
        return topics;
    }

    private List<Suggestion> headlines(IndexSearcher searcher, String prefix) throws IOException {
        List<String> typed = new ArrayList<>();
        try (TokenStream stream = words.tokenStream(Fields.HEADLINE_WORDS, prefix)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                typed.add(term.toString());
            }
            stream.end();
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean endsInWord = !prefix.endsWith(" ");
        for (int i = 0; i < typed.size(); i++) {
            Term t = new Term(Fields.HEADLINE_WORDS, typed.get(i));
            boolean last = i == typed.size() - 1;
            q.add(last && endsInWord ? new PrefixQuery(t) : new TermQuery(t), BooleanClause.Occur.MUST);
        }
        // Newest first: a reader typing is most often after a recent story, and every match holds all the words.
        // The index is in that order, so the search stops once it has counted a thousand matches.
        List<Suggestion> stories = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(q.build(), HEADLINES, NEWEST).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc);
            stories.add(new Suggestion("story", doc.get(Analyzers.field("headline", doc.get(Fields.LANGUAGE))),
                    doc.get(Fields.SLUG), doc.getField(Fields.PUBLISHED).numericValue().longValue()));
        }
        return stories;
    }
}
