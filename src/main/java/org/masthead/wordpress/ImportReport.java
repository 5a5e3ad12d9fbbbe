package org.masthead.wordpress;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, for the person who ran it: rows created and updated per kind, items
 * skipped and why, media not found, unknown shortcodes, password-protected posts and other
 * notes. Lists are kept to a bounded length so a huge export cannot fill the memory with them.
 */
public final class ImportReport {
    private static final int LISTED = 200;

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Integer> skippedByReason = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> missingMedia = new ArrayList<>();
    private int missingMediaCount;
    private final Map<String, Integer> shortcodes = new TreeMap<>();
    private final List<String> protectedPosts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int noteCount;
    private String version = "";
    private boolean dryRun;

    void version(String wxrVersion) {
        version = wxrVersion;
    }

    void dryRun() {
        dryRun = true;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    void created(String kind) {
        counts.computeIfAbsent(kind, k -> new int[2])[0]++;
    }

    void updated(String kind) {
        counts.computeIfAbsent(kind, k -> new int[2])[1]++;
    }

    /** Rows of that kind created by this import. */
    public int createdCount(String kind) {
        return counts.getOrDefault(kind, new int[2])[0];
    }

    /** Rows of that kind created or updated by this import. */
    public int count(String kind) {
        int[] c = counts.getOrDefault(kind, new int[2]);
        return c[0] + c[1];
    }

    public int updatedCount(String kind) {
        return counts.getOrDefault(kind, new int[2])[1];
    }

    void skip(String what, String reason) {
        skippedByReason.merge(reason, 1, Integer::sum);
        if (skipped.size() < LISTED) {
            skipped.add(what + ": " + reason);
        }
    }

    public int skippedCount() {
        return skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int skipped(String reason) {
        return skippedByReason.getOrDefault(reason, 0);
    }

    void missing(String url) {
        missingMediaCount++;
        if (missingMedia.size() < LISTED) {
            missingMedia.add(url);
        }
    }

    public List<String> missingMedia() {
        return List.copyOf(missingMedia);
    }

    void shortcode(String name) {
        shortcodes.merge(name, 1, Integer::sum);
    }

    public Map<String, Integer> unknownShortcodes() {
        return Map.copyOf(shortcodes);
    }

    void passwordProtected(String what) {
        if (protectedPosts.size() < LISTED) {
            protectedPosts.add(what);
        }
    }

    public List<String> passwordProtected() {
        return List.copyOf(protectedPosts);
    }

    void note(String what) {
        noteCount++;
        if (notes.size() < LISTED) {
            notes.add(what);
        }
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The report as the command prints it. */
    public void print(PrintWriter out) {
        out.println((dryRun ? "Dry run of a WordPress import (WXR " : "WordPress import (WXR ") + version + ")"
                + (dryRun ? ": nothing was written." : ":"));
        counts.forEach((kind, c) -> out.printf("  %-12s %,8d new %,8d existing (updated or matched)%n", kind, c[0], c[1]));
        if (!skippedByReason.isEmpty()) {
            out.printf("Skipped (%,d):%n", skippedCount());
            skippedByReason.forEach((reason, n) -> out.printf("  %,8d  %s%n", n, reason));
            skipped.forEach(s -> out.println("    - " + s));
        }
        list(out, "Password-protected posts, imported unpublished", protectedPosts, protectedPosts.size());
        list(out, "Media not found (the old address is kept in the article; import again with --media-dir)",
                missingMedia, missingMediaCount);
        if (!shortcodes.isEmpty()) {
            out.println("Unknown shortcodes, kept as text:");
            shortcodes.forEach((name, n) -> out.printf("  [%s] in %,d item%s%n", name, n, n == 1 ? "" : "s"));
        }
        list(out, "Notes", notes, noteCount);
        out.flush();
    }

    private static void list(PrintWriter out, String title, List<String> items, int total) {
        if (total == 0) {
            return;
        }
        out.printf("%s (%,d):%n", title, total);
        items.forEach(item -> out.println("  - " + item));
        if (total > items.size()) {
            out.printf("  … and %,d more%n", total - items.size());
        }
    }
}
