package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArticlePathsTest {

    @Test
    void theDateIsTheSitesDayWrittenWithFixedWidths() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        // 2026-03-04 20:30 UTC is already the 5th in Auckland.
        assertThat(ArticlePaths.url("tide-tables", LocalDateTime.of(2026, 3, 4, 20, 30).toInstant(ZoneOffset.UTC), auckland))
                .isEqualTo("/2026/03/05/tide-tables");
        assertThat(ArticlePaths.url("tide-tables", LocalDateTime.of(2026, 3, 4, 20, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .isEqualTo("/2026/03/04/tide-tables");
        assertThat(ArticlePaths.url("year-end", LocalDateTime.of(2026, 12, 31, 12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .isEqualTo("/2026/12/31/year-end");
        assertThat(ArticlePaths.url("old", LocalDateTime.of(987, 1, 9, 12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .isEqualTo("/0987/01/09/old");
        assertThat(ArticlePaths.url("older", LocalDateTime.of(7, 10, 20, 12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .isEqualTo("/0007/10/20/older");
    }
}
