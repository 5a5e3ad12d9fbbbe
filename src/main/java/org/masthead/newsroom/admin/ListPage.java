package org.masthead.newsroom.admin;

import java.util.List;
import org.masthead.newsroom.Desk;

/** A management list page's model: every row of one kind, in the order its queries give. */
public record ListPage<T>(Desk desk, List<T> rows) {
    public ListPage {
        rows = List.copyOf(rows);
    }
}
