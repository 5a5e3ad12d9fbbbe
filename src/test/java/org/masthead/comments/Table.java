package org.masthead.comments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Markdown table of figures, and the small sums the fault runs print in it. */
final class Table {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    void row(Object... cells) {
        rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** Statuses and how often each came, e.g. "200×120, 503×4"; "no answer" for -1. */
    static String statuses(Collection<Integer> seen) {
        if (seen.isEmpty()) {
            return "none sent";
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        seen.forEach(s -> counts.merge(s, 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        counts.forEach((status, n) -> out.append(out.isEmpty() ? "" : ", ")
                .append(status == -1 ? "no answer" : status.toString()).append("×").append(n));
        return out.toString();
    }

    /** The p-th percentile (0-100) of durations in microseconds, as milliseconds; "-" when there are none. */
    static String ms(Collection<Long> micros, double p) {
        if (micros.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return ms(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    static String ms(long micros) {
        return micros < 10_000 ? String.format("%.2f ms", micros / 1000.0) : String.format("%,d ms", micros / 1000);
    }

    static String mb(long kb) {
        return kb < 0 ? "-" : String.format("%.0f MB", kb / 1024.0);
    }
}
