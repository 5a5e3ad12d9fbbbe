package org.masthead.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Article URLs carry their publication date: /2026/11/27/slug, in the site's time zone. */
public final class ArticlePaths {
    private ArticlePaths() {
    }

    public static String url(String slug, Instant publishedAt, ZoneId zone) {
        LocalDate day = publishedAt.atZone(zone).toLocalDate();
        return "/%04d/%02d/%02d/%s".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), slug);
    }
}
