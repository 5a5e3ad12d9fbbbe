package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An article body's HTML as the words the index reads. */
class PlainTextTest {
    @Test
    void blockEndsAndLineBreaksBecomeLineBreaksOtherTagsASpace() {
        assertThat(PlainText.of("<h2>Night buses</h2><p>They <em>return</em><br/>on Friday.</P><ul><li>one</li><li>two</li></ul>"))
                .isEqualTo("Night buses\nThey return\non Friday.\none\ntwo");
    }

    @Test
    void entitiesBecomeTheirCharactersWithoutMakingTags() {
        assertThat(PlainText.of("<p>Fish &amp; chips &#8211; &#x41;&lt;b&gt; &amp;lt; &unknown; &#x;</p>"))
                .isEqualTo("Fish & chips \u2013 A<b> &lt; &#x;");
    }

    @Test
    void runsOfSpacesBecomeOneAndBlankLinesGo() {
        assertThat(PlainText.of("  <p> a \t b </p>\n\n <p>&nbsp;c&#10;&#10; d</p> "))
                .isEqualTo("a b\nc\nd");
    }

    @Test
    void aLessThanSignWithoutATagStays() {
        assertThat(PlainText.of("<p>3 &lt; 4</p> and a last <")).isEqualTo("3 < 4\nand a last <");
    }
}
