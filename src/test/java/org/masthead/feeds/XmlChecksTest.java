package org.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.ThirdPartyData;

/** The schema checks the feed and sitemap tests rely on do find broken documents. */
class XmlChecksTest {

    @Test
    void anAtomEntryWithoutIdOrUpdatedIsRefused() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id>
                <updated>2026-01-01T00:00:00Z</updated><author><name>A</name></author>
                <entry><title>E</title><link href="http://example.com/"/></entry></feed>""";
        assertThat(XmlChecks.atomProblems(feed)).isNotEmpty();
        String fixed = feed.replace("<entry><title>E</title>",
                "<entry><title>E</title><id>urn:e</id><updated>2026-01-01T00:00:00Z</updated>");
        assertThat(XmlChecks.atomProblems(fixed)).isEmpty();
    }

    @Test
    void aSitemapUrlWithoutLocOrWithABadDateIsRefused() throws Exception {
        String ok = """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://example.com/</loc>
                <lastmod>2026-01-01T00:00:00Z</lastmod></url></urlset>""";
        var schema = ThirdPartyData.path("xsd/sitemap.xsd");
        assertThat(XmlChecks.xsdProblems(ok, schema)).isEmpty();
        assertThat(XmlChecks.xsdProblems(ok.replace("2026-01-01T00:00:00Z", "yesterday"), schema)).isNotEmpty();
        assertThat(XmlChecks.xsdProblems(ok.replace("<loc>http://example.com/</loc>", ""), schema)).isNotEmpty();
    }
}
