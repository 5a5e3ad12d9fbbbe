package org.masthead.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.masthead.newsroom.articles.ArticleForm;

/**
 * An article write's JSON fields laid over the editor's form: fields left out keep their value,
 * sections and bylines named by slug become the ids the form holds, and lists become the
 * comma-separated fields the editor has. Text is trimmed as the form trims it; the body keeps its
 * whitespace with uniform line endings.
 */
final class ArticleFields {
    private ArticleFields() {
    }

    static ArticleForm merge(ArticleForm base, JsonBody body, WriteQueries queries) {
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        String section = body.string("section").map(String::strip).map(slug -> queries.sectionId(slug).map(String::valueOf)
                .orElseGet(() -> {
                    problems.add(new ApiError.FieldProblem("section", "No section has the slug \"" + clip(slug) + "\"."));
                    return "";
                })).orElse(base.section());
        List<Long> authors = base.authors();
        if (body.has("authors")) {
            List<String> slugs = body.strings("authors").orElseThrow().stream().map(String::strip).toList();
            Map<String, Long> ids = queries.authorIds(slugs);
            slugs.stream().filter(slug -> !ids.containsKey(slug)).findFirst().ifPresent(slug -> problems.add(
                    new ApiError.FieldProblem("authors", "No author has the slug \"" + clip(slug) + "\".")));
            authors = slugs.stream().map(ids::get).filter(id -> id != null).distinct().toList();
        }
        String tags = list(body, "tags", base.tags(), problems);
        String seeAlso = list(body, "see_also", base.seeAlso(), problems);
        String image = body.has("image") ? (body.id("image") == null ? "" : body.id("image").toString()) : base.image();
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        return new ArticleForm(text(body, "headline", base.headline()), text(body, "slug", base.slug()),
                text(body, "dek", base.dek()), body.string("body").map(b -> b.replace("\r\n", "\n")).orElse(base.body()),
                section, tags, authors, image, text(body, "language", base.language()), seeAlso,
                text(body, "seo_title", base.seoTitle()), text(body, "seo_description", base.seoDescription()),
                text(body, "note_kind", base.noteKind()), text(body, "note_text", base.noteText()), base.publishAt(),
                base.version(), body.bool("comments_open").orElse(base.commentsOpen()), text(body, "label", base.label()),
                text(body, "sponsor", base.sponsor()));
    }

    /** The items of one of the editor's comma-separated fields. */
    static List<String> items(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static String text(JsonBody body, String field, String kept) {
        return body.string(field).map(String::strip).orElse(kept);
    }

    private static String list(JsonBody body, String field, String kept, List<ApiError.FieldProblem> problems) {
        if (!body.has(field)) {
            return kept;
        }
        List<String> items = body.strings(field).orElseThrow();
        items.stream().filter(i -> i.contains(",")).findFirst().ifPresent(i -> problems.add(new ApiError.FieldProblem(field,
                "Items of " + field + " cannot contain commas: \"" + clip(i) + "\".")));
        return String.join(", ", items.stream().map(String::strip).toList());
    }

    private static String clip(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
