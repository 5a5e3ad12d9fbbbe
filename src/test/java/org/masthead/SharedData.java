package org.masthead;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party test data that may not be redistributed, read in place from
 * ../shared/data and never copied into the project. Tests that read it carry
 * {@code @Tag(SharedData.GROUP)}: ./masthead test leaves that group out, in one line,
 * where the folder is not beside the checkout, and CI always runs it.
 */
public final class SharedData {
    /** The JUnit tag of the tests that read ../shared/data. */
    public static final String GROUP = "shared-data";

    private SharedData() {
    }

    /**
     * The folder the group reads: ../shared/data beside the project, or the folder named by the
     * system property masthead.shared.data (for a checkout that is not beside it, such as a git worktree).
     */
    public static Path folder() {
        String elsewhere = System.getProperty("masthead.shared.data");
        Path folder = elsewhere == null || elsewhere.isBlank() ? Path.of("..", "shared", "data") : Path.of(elsewhere);
        return folder.toAbsolutePath().normalize();
    }

    /** The path of a file or folder under ../shared/data; skips (or fails under CI) when absent. */
    public static Path require(String relative) {
        Path path = folder().resolve(relative);
        if (!Files.exists(path)) {
            TestSites.skipOrFail("the " + GROUP + " group did not run: " + path + " is not here");
        }
        return path;
    }
}
