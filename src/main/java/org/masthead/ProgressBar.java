package org.masthead;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for long command-line jobs: redrawn in place with a carriage
 * return, at most once per percent, and finished with a line break.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final long total;
    private final String unit;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintWriter out, String label, long total) {
        this(out, label, total, "rows");
    }

    /** A bar counting {@code unit} (rows, items…). */
    ProgressBar(PrintWriter out, String label, long total, String unit) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    void advance(long rows) {
        done = Math.min(total, done + rows);
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            draw(percent);
        }
    }

    void finish() {
        if (shownPercent != 100) {
            draw(100);
        }
        out.println();
        out.flush();
    }

    private void draw(int percent) {
        int filled = percent * WIDTH / 100;
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d %s", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), percent, done, total, unit));
        out.flush();
    }
}
