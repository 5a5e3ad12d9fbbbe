package org.masthead.newsroom.articles;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The editor's fields exactly as typed, shown again on any refusal so nothing is lost.
 * Authors are kept in byline order; {@code version} is the article version the form was loaded from;
 * {@code commentsOpen} whether readers may comment (articles.comments).
 */
public record ArticleForm(String headline, String slug, String dek, String body, String section, String tags,
                          List<Long> authors, String image, String language, String seeAlso, String seoTitle,
                          String seoDescription, String noteKind, String noteText, String publishAt, int version,
                          boolean commentsOpen, String label, String sponsor) {
    /** The kinds of journalism an article can be, shown above its headline; Sponsored names its sponsor. */
    public static final List<String> LABELS = List.of("News", "Opinion", "Analysis", "Review", "Sponsored");
    static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public ArticleForm {
        authors = List.copyOf(authors);
    }

    public static ArticleForm blank(String language, List<Long> authors) {
        return new ArticleForm("", "", "", "", "", "", authors, "", language, "", "", "", "", "", "", 0, true, "News", "");
    }

    static ArticleForm of(ArticleQueries.Stored a, ZoneId zone) {
        return new ArticleForm(a.headline(), a.slug(), a.dek(), a.body(), Long.toString(a.sectionId()),
                String.join(", ", a.tagNames()), a.authorIds(), a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(),
                a.language(), String.join(", ", a.seeAlsoSlugs()), a.seoTitle(), a.seoDescription(),
                a.noteKind() == null ? "" : a.noteKind(), a.noteText() == null ? "" : a.noteText(),
                a.publishedAt() == null ? "" : LOCAL_MINUTES.format(a.publishedAt().atZone(zone)), a.version(),
                a.commentsOpen(), a.label(), a.sponsor());
    }

    static ArticleForm read(Context ctx) {
        record Pick(long id, int position, int index) {
        }
        List<Pick> picks = new ArrayList<>();
        List<String> chosen = ctx.formParams("authors");
        for (int i = 0; i < chosen.size(); i++) {
            try {
                long id = Long.parseLong(chosen.get(i));
                picks.add(new Pick(id, number(ctx.formParam("position-" + id), Integer.MAX_VALUE), i));
            } catch (NumberFormatException e) {
                // not one of the offered checkboxes: ignored
            }
        }
        // Byline order: the positions typed next to each name, then the order of the checkboxes.
        List<Long> authors = picks.stream().sorted(Comparator.comparingInt(Pick::position).thenComparingInt(Pick::index))
                .map(Pick::id).distinct().toList();
        return new ArticleForm(text(ctx, "headline"), text(ctx, "slug"), text(ctx, "dek"), body(ctx), text(ctx, "section"),
                withTicked(text(ctx, "tags"), ctx.formParams("add_tag")), authors, text(ctx, "image"),
                text(ctx, "language"), withTicked(text(ctx, "see_also"), ctx.formParams("pin_see_also")),
                text(ctx, "seo_title"), text(ctx, "seo_description"), text(ctx, "note_kind"), text(ctx, "note_text"),
                text(ctx, "publish_at"), number(ctx.formParam("version"), 0), !"closed".equals(text(ctx, "comments")),
                ctx.formParam("label") == null ? "News" : text(ctx, "label"), text(ctx, "sponsor"));
    }

    /** Same fields, with headline, dek and body replaced (restoring a revision). */
    ArticleForm withText(String newHeadline, String newDek, String newBody) {
        return new ArticleForm(newHeadline, slug, newDek, newBody, section, tags, authors, image, language, seeAlso,
                seoTitle, seoDescription, noteKind, noteText, publishAt, version, commentsOpen, label, sponsor);
    }

    public ArticleForm withVersion(int newVersion) {
        return new ArticleForm(headline, slug, dek, body, section, tags, authors, image, language, seeAlso,
                seoTitle, seoDescription, noteKind, noteText, publishAt, newVersion, commentsOpen, label, sponsor);
    }

    public boolean hasAuthor(long id) {
        return authors.contains(id);
    }

    /** The author's place in the byline, 1 first; empty when not chosen. */
    public String position(long id) {
        int index = authors.indexOf(id);
        return index < 0 ? "" : Integer.toString(index + 1);
    }

    /** A comma-separated field with the suggestions ticked beside it added, each once. */
    static String withTicked(String field, List<String> ticked) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(list(field));
        ticked.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(all::add);
        return String.join(", ", all);
    }

    /** The items of a comma-separated field, stripped, without empty ones. */
    static List<String> list(String field) {
        return java.util.Arrays.stream(field.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** The body keeps its whitespace (Markdown cares), only line endings are made uniform. */
    private static String body(Context ctx) {
        String value = ctx.formParam("body");
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    private static int number(String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
