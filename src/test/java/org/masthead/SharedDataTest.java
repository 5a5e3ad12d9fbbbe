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
        Path copies = ThirdPartyData.path("");
        List<Path> shared;
        try (Stream<Path> files = Files.walk(copies)) {
            shared = files.filter(Files::isRegularFile)
                    .map(copies::relativize)
                    .filter(relative -> Files.exists(SharedData.folder().resolve(relative)))
                    .toList();
        }
        assertThat(shared).as("copies with an original in " + SharedData.folder())
                .contains(Path.of("xss/html5lib-sanitizer-tests.json"));
        for (Path relative : shared) {
            assertThat(Files.mismatch(copies.resolve(relative), SharedData.require(relative.toString())))
                    .as(relative + " differs from its original").isEqualTo(-1L);
        }
    }

    @Test
    void starterCommentsShippedAreUnchangedFromTheirOriginals() throws IOException {
        Path shipped = ThirdPartyData.starterComments();
        for (String name : List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv")) {
            assertThat(Files.mismatch(shipped.resolve(name), SharedData.require("spam/" + name)))
                    .as(name + " differs from its original").isEqualTo(-1L);
        }
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
