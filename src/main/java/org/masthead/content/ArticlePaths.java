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
        // Every list and sitemap makes one per story: appended by hand, as a format string costs ten times more.
        StringBuilder url = new StringBuilder(12 + slug.length()).append('/');
        int year = day.getYear();
        if (year >= 0 && year < 1000) {
            url.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        url.append(year).append('/');
        twoDigits(url, day.getMonthValue()).append('/');
        return twoDigits(url, day.getDayOfMonth()).append('/').append(slug).toString();
    }

    private static StringBuilder twoDigits(StringBuilder url, int value) {
        return url.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
