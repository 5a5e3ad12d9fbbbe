package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shared data the tests rely on is what they take it to be: the copies kept with the
 * tests are unchanged from ../shared/data, and the sitemap schemas that stay there (Google's
 * may not be redistributed) compile offline, ready to validate the site's sitemaps.
 */
@Tag(SharedData.GROUP)
class SharedDataTest {

    @Test
    void copiesKeptWithTheTestsAreUnchangedFromTheirOriginals() throws IOException {
        assertThat(unchangedCopies(ThirdPartyData.path(""), SharedData.folder()))
                .contains(Path.of("xss/html5lib-sanitizer-tests.json"));
    }

    @Test
    void starterCommentsShippedAreUnchangedFromTheirOriginals() throws IOException {
        assertThat(unchangedCopies(ThirdPartyData.starterComments(), SharedData.folder().resolve("spam")))
                .contains(Path.of("Youtube01-Psy.csv"), Path.of("Youtube02-KatyPerry.csv"), Path.of("Youtube03-LMFAO.csv"));
    }

    /** The files under {@code copies} with an original at the same place under {@code originals}, each checked byte for byte. */
    private static List<Path> unchangedCopies(Path copies, Path originals) throws IOException {
        List<Path> shared;
        try (Stream<Path> files = Files.walk(copies)) {
            shared = files.filter(Files::isRegularFile)
                    .map(copies::relativize)
                    .filter(relative -> Files.exists(originals.resolve(relative)))
                    .toList();
        }
        for (Path relative : shared) {
            assertThat(Files.mismatch(copies.resolve(relative), originals.resolve(relative)))
                    .as(relative + " differs from its original in " + originals).isEqualTo(-1L);
        }
        return shared;
    }

    @Test
    void sitemapSchemasCompileWithoutTheNetwork() throws Exception {
        // The JDK's own factory (Jing brings Xerces, whose factory knows no access properties).
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        for (String name : List.of("sitemap.xsd", "siteindex.xsd", "sitemap-news.xsd", "sitemap-image.xsd",
                "sitemap-video.xsd")) {
            assertThat(factory.newSchema(SharedData.require("xsd/" + name).toFile())).as(name).isNotNull();
        }
    }
}
