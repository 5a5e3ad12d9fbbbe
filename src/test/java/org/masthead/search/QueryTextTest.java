package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void quotesMakePhrasesAndAMinusExcludes() {
        QueryText q = QueryText.parse("tram \"night buses\" -strike -\"city hall\"");
        assertThat(q.words()).containsExactly("tram");
        assertThat(q.phrases()).containsExactly("night buses");
        assertThat(q.excluded()).containsExactly("strike", "city hall");
    }

    @Test
    void anythingElseIsPlainText() {
        assertThat(QueryText.parse("headline:tram AND (bus OR ferry)~2").words())
                .containsExactly("headline:tram", "AND", "(bus", "OR", "ferry)~2");
        assertThat(QueryText.parse("\"unclosed phrase").words()).containsExactly("unclosed", "phrase");
        assertThat(QueryText.parse("well-known - x").words()).containsExactly("well-known", "-", "x");
        assertThat(QueryText.parse("\"\" -").words()).containsExactly("-");
        assertThat(QueryText.parse("\"\"").isEmpty()).isTrue();
    }

    @Test
    void controlCharactersAreSpaces() {
        assertThat(QueryText.clean("a\u0000b\tc\u200Bd\n")).isEqualTo("a b c d");
        assertThat(QueryText.parse("a\u0007b").words()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void aCorrectionKeepsPhrasesAndExclusions() {
        QueryText q = QueryText.parse("harbur \"night buses\" -strike");
        assertThat(q.withWords(List.of("harbour"))).isEqualTo("harbour \"night buses\" -strike");
    }
}
