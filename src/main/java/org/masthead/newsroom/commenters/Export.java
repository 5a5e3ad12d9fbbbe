package org.masthead.newsroom.commenters;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.web.Json;

/**
 * A commenter's comments as the JSON file handed to them: every stored field about them
 * (name, email, website, text, article, status, times, IP address while it is kept). The
 * moderators' notes (spam reasons and score) are the site's judgement, not the commenter's data.
 */
final class Export {
    private Export() {
    }

    static String json(String email, List<SentComment> comments, String siteUrl) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("email", email);
        root.put("exportedAt", Instant.now().toString());
        root.put("site", siteUrl);
        root.put("comments", comments.stream().map(c -> comment(c, siteUrl)).toList());
        return Json.write(root) + "\n";
    }

    private static Map<String, Object> comment(SentComment c, String siteUrl) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", c.articleId());
        article.put("headline", c.headline());
        article.put("url", c.articleUrl() == null ? null : siteUrl + c.articleUrl());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("article", article);
        out.put("inReplyTo", c.parentId());
        out.put("name", c.name());
        out.put("email", c.email());
        out.put("website", c.website());
        out.put("text", c.text());
        out.put("status", c.status().name().toLowerCase(Locale.ROOT));
        out.put("postedAt", c.postedAt().toString());
        out.put("updatedAt", c.updatedAt().toString());
        out.put("statusChangedAt", c.statusAt().toString());
        out.put("ip", c.ip());
        return out;
    }

    /** A download name made of the address's safe characters only, e.g. comments-ana-example.org.json. */
    static String fileName(String email) {
        String safe = email.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        return "comments-" + (safe.isEmpty() ? "commenter" : safe) + ".json";
    }
}
