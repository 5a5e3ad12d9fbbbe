package org.masthead.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * How text is cut into searchable words. An article's headline, dek and body go into fields
 * named for its language ({@code body_fr}), analysed with that language's stemming and stop
 * words; a language without its own analyser is indexed as {@link #OTHER} (words lowercased,
 * nothing removed). Every other field (tags, names, the spelling and autocomplete words)
 * uses the plain analyser.
 */
final class Analyzers {
    /** Languages with their own stemming and stop words. */
    static final List<String> STEMMED = List.of("en", "es", "fr", "de", "pt", "ru");
    /** The field suffix of articles in any other language. */
    static final String OTHER = "xx";
    /** The fields indexed once per language. */
    static final List<String> LANGUAGE_FIELDS = List.of("headline", "dek", "body");
    /**
     * The field, also per language, that holds every word of a story (headline, dek, body, tags,
     * bylines and section) with frequencies but no positions: a search's first pass reads it.
     */
    static final String WORDS = "words";

    private final Map<String, Analyzer> byLanguage = Map.of(
            "en", new EnglishAnalyzer(),
            "es", new SpanishAnalyzer(),
            "fr", new FrenchAnalyzer(),
            "de", new GermanAnalyzer(),
            "pt", new PortugueseAnalyzer(),
            "ru", new RussianAnalyzer());
    private final Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    private final Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return forField(fieldName);
        }
    };

    /** The index's language code for an article's language tag: {@code en-GB} is {@code en}, Welsh is {@link #OTHER}. */
    static String code(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return STEMMED.contains(primary) ? primary : OTHER;
    }

    static String field(String name, String languageCode) {
        return name + "_" + languageCode;
    }

    Analyzer forField(String fieldName) {
        int cut = fieldName.lastIndexOf('_');
        if (cut > 0 && (LANGUAGE_FIELDS.contains(fieldName.substring(0, cut)) || WORDS.equals(fieldName.substring(0, cut)))) {
            return byLanguage.getOrDefault(fieldName.substring(cut + 1), plain);
        }
        return plain;
    }

    /** One analyser for the index writer and the highlighter: it picks by field name. */
    Analyzer perField() {
        return perField;
    }
}
