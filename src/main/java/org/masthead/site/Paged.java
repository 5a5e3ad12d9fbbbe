package org.masthead.site;

import java.util.List;

/** One page of a long list, and whether there are pages before and after it. */
public record Paged<T>(List<T> items, int page, int pageCount) {
    public static final int PAGE_SIZE = 10;

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount;
    }

    static int pageCount(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
