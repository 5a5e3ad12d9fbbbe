package org.masthead;

import java.nio.file.Files;
import java.nio.file.Path;

/** The third-party test data in ../shared/data: read in place, never copied into the project. */
public final class SharedData {
    private SharedData() {
    }

    /** The path of a file or folder under ../shared/data; skips (or fails under CI) when absent. */
    public static Path require(String relative) {
        Path path = Path.of("..", "shared", "data").resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            TestSites.skipOrFail("skipped: third-party test data " + path + " is not here");
        }
        return path;
    }
}
