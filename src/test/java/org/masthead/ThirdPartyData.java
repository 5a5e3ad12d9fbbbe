package org.masthead;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The third-party test data kept with the project, so a clone of it tests alone: under
 * src/test/resources/thirdparty (its NOTICE names each file's source and licence), and the
 * YouTube Spam Collection files, which ship in the jar as the spam filter's starter comments
 * (src/main/resources/spam, with their own NOTICE) and are read there rather than kept twice.
 */
public final class ThirdPartyData {
    private ThirdPartyData() {
    }

    /** The path of a file or folder under thirdparty/ on the test classpath. */
    public static Path path(String relative) {
        return resource("/thirdparty/" + relative);
    }

    /** The folder of the starter comments that ship in the jar (the YouTube Spam Collection files among them). */
    public static Path starterComments() {
        return resource("/spam/Youtube01-Psy.csv").getParent();
    }

    private static Path resource(String name) {
        URL url = ThirdPartyData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name.substring(1) + " is not on the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
