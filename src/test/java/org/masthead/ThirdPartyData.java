package org.masthead;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The third-party test data kept with the tests, under src/test/resources/thirdparty (its
 * NOTICE names each file's source and licence), so a clone of the project tests alone.
 */
public final class ThirdPartyData {
    private ThirdPartyData() {
    }

    /** The path of a file or folder under thirdparty/ on the test classpath. */
    public static Path path(String relative) {
        URL url = ThirdPartyData.class.getResource("/thirdparty/" + relative);
        if (url == null) {
            throw new IllegalStateException("thirdparty/" + relative + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
