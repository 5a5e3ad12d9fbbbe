package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each language's analyser folds a word's forms together and drops its stop words. */
class AnalyzersTest {
    private final Analyzers analyzers = new Analyzers();

    private List<String> terms(String lang, String text) throws IOException {
        String field = Analyzers.field("body", Analyzers.code(lang));
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzers.forField(field).tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @ParameterizedTest
    @CsvSource({
            "en, the, harbours, harbour",
            "en-GB, and, running, runs",
            "es, los, ciudades, ciudad",
            "fr, les, nationales, nationale",
            "de, und, Häfen, Hafen",
            "pt, os, cidades, cidade",
            "ru, и, городами, города",
    })
    void formsMatchAndStopWordsGo(String lang, String stopWord, String form, String otherForm) throws IOException {
        assertThat(terms(lang, stopWord)).as(stopWord + " is a stop word in " + lang).isEmpty();
        assertThat(terms(lang, form)).as(form + " and " + otherForm + " in " + lang).isEqualTo(terms(lang, otherForm));
    }

    @ParameterizedTest
    @CsvSource({"cy, the", "zh, 港口", "ar, ميناء"})
    void otherLanguagesKeepEveryWordLowercased(String lang, String word) throws IOException {
        assertThat(Analyzers.code(lang)).isEqualTo(Analyzers.OTHER);
        assertThat(terms(lang, word.toUpperCase(java.util.Locale.ROOT))).isNotEmpty();
    }
}
