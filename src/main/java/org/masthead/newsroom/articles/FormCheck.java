package org.masthead.newsroom.articles;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Section;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.SiteSettings;
import org.masthead.content.Slugs;

/**
 * Checks an editor form against the newsroom's rules and the database (sections, authors,
 * images, "See also" slugs, slug uniqueness) and turns it into an {@link ArticleEdit}.
 */
final class FormCheck {
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final List<String> NOTE_KINDS = List.of("Correction", "Update");

    private final ArticleQueries articles;
    private final SettingsStore settings;
    private final SectionStore sections;
    private final AltText altText;

    FormCheck(ArticleQueries articles, SettingsStore settings, SectionStore sections, AltText altText) {
        this.articles = articles;
        this.settings = settings;
        this.sections = sections;
        this.altText = altText;
    }

    /** The problems found, or none and the edit to save with its label and sponsor ("" unless sponsored). */
    record Checked(List<Problem> found, ArticleEdit edit, String label, String sponsor) {
        List<String> problems() {
            return found.stream().map(Problem::message).toList();
        }
    }

    Checked check(ArticleForm f, ArticleQueries.Stored stored, ArticleStatus target) {
        List<Problem> problems = new ArrayList<>();
        SiteSettings site = settings.current();
        Long id = stored == null ? null : stored.id();
        if (f.headline().isEmpty() || f.headline().length() > 300) {
            problems.add(new Problem("headline", "Enter a headline of 1 to 300 characters."));
        }
        String slug = slug(f, id, problems);
        limit(problems, "dek", f.dek(), 500, "The dek");
        limit(problems, "seo_title", f.seoTitle(), 300, "The SEO title");
        limit(problems, "seo_description", f.seoDescription(), 500, "The SEO description");
        Long sectionId = section(f.section(), problems);
        List<ArticleQueries.Byline> bylines = articles.bylines();
        List<Long> authorIds = f.authors().stream().filter(a -> bylines.stream().anyMatch(x -> x.id() == a)).toList();
        if (authorIds.isEmpty()) {
            problems.add(new Problem("authors", "Choose at least one author for the byline."));
        }
        Long mediaId = image(f.image(), problems);
        List<String> tags = tags(f.tags(), problems);
        List<Long> seeAlso = seeAlso(f.seeAlso(), id, slug, problems);
        String language = f.language().isEmpty() ? site.language() : f.language();
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add(new Problem("language", "Enter the language as a code such as en, de or pt-BR."));
        }
        String noteKind = f.noteText().isEmpty() ? null : f.noteKind();
        if (noteKind != null && !NOTE_KINDS.contains(noteKind)) {
            problems.add(new Problem("note_kind", "Say whether the note to readers is a correction or an update."));
        }
        limit(problems, "note_text", f.noteText(), 1000, "The note to readers");
        Instant publishedAt = publishedAt(f, stored, target, site.zone(), problems);
        if (target == ArticleStatus.PUBLISHED || target == ArticleStatus.SCHEDULED) {
            if (f.body().isBlank()) {
                problems.add(new Problem("body", "Write the article's body before publishing it."));
            }
            problems.addAll(altText.problems(mediaId, f.body()));
        }
        String sponsor = label(f, problems);
        if (!problems.isEmpty()) {
            return new Checked(List.copyOf(problems), null, null, null);
        }
        return new Checked(List.of(), new ArticleEdit(slug, f.headline(), f.dek(), f.body(), language, sectionId, authorIds,
                tags, mediaId, seeAlso, f.seoTitle(), f.seoDescription(), target, publishedAt, null, noteKind,
                noteKind == null ? null : f.noteText(), f.commentsOpen()), f.label(), sponsor);
    }

    /** Checks the label; returns the sponsor to store, which only sponsored content has. */
    private static String label(ArticleForm f, List<Problem> problems) {
        if (!ArticleForm.LABELS.contains(f.label())) {
            problems.add(new Problem("label", "Choose the article's label: " + String.join(", ", ArticleForm.LABELS) + "."));
            return "";
        }
        if (!f.label().equals("Sponsored")) {
            return "";
        }
        if (f.sponsor().isEmpty() || f.sponsor().length() > 200) {
            problems.add(new Problem("sponsor", "Name the sponsor (up to 200 characters): sponsored content must say who paid for it."));
        }
        return f.sponsor();
    }

    private String slug(ArticleForm f, Long id, List<Problem> problems) {
        if (f.slug().isEmpty()) {
            // Made from the headline; a number keeps it apart from another story's.
            String base = Slugs.of(f.headline());
            String slug = base;
            for (int n = 2; !base.isEmpty() && taken(slug, id); n++) {
                slug = base + "-" + n;
            }
            return slug;
        }
        if (!Slugs.isValid(f.slug())) {
            problems.add(new Problem("slug", "The slug may hold only lowercase letters a-z, digits and single hyphens between them, "
                    + "such as harbour-line-extension."));
        } else if (taken(f.slug(), id)) {
            problems.add(new Problem("slug", "The slug \"" + f.slug() + "\" is already used by another article; choose another."));
        }
        return f.slug();
    }

    private boolean taken(String slug, Long id) {
        return articles.idBySlug(slug).filter(other -> !other.equals(id)).isPresent();
    }

    private Long section(String raw, List<Problem> problems) {
        Optional<Section> section = parse(raw).flatMap(id -> sections.all().stream().filter(s -> s.id() == id).findFirst());
        if (section.isEmpty()) {
            problems.add(new Problem("section", "Choose the article's section."));
            return null;
        }
        return section.get().id();
    }

    private Long image(String raw, List<Problem> problems) {
        if (raw.isEmpty()) {
            return null;
        }
        Optional<Long> id = parse(raw).filter(m -> articles.media(m).isPresent());
        if (id.isEmpty()) {
            problems.add(new Problem("image", "The featured image chosen is no longer in the media library; choose another."));
            return null;
        }
        return id.get();
    }

    private static List<String> tags(String raw, List<Problem> problems) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String part : raw.split(",")) {
            String name = part.strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > 100 || Slugs.of(name).isEmpty()) {
                problems.add(new Problem("tags", "The tag \"" + name + "\" needs 1 to 100 characters including a letter or digit."));
            } else {
                bySlug.putIfAbsent(Slugs.of(name), name);
            }
        }
        return List.copyOf(bySlug.values());
    }

    private List<Long> seeAlso(String raw, Long id, String ownSlug, List<Problem> problems) {
        List<Long> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            String slug = part.strip();
            if (slug.isEmpty()) {
                continue;
            }
            Optional<Long> target = Slugs.isValid(slug) ? articles.idBySlug(slug) : Optional.empty();
            if (slug.equals(ownSlug) || (target.isPresent() && target.get().equals(id))) {
                problems.add(new Problem("see_also", "\"See also\" cannot point at this article itself."));
            } else if (target.isEmpty()) {
                problems.add(new Problem("see_also", "\"See also\": no article has the slug \"" + slug + "\"."));
            } else if (!ids.contains(target.get())) {
                ids.add(target.get());
            }
        }
        return ids;
    }

    private static Instant publishedAt(ArticleForm f, ArticleQueries.Stored stored, ArticleStatus target, ZoneId zone,
                                       List<Problem> problems) {
        Instant before = stored == null ? null : stored.publishedAt();
        boolean wasPublic = stored != null && (stored.status() == ArticleStatus.PUBLISHED
                || stored.status() == ArticleStatus.UNPUBLISHED);
        if (target == ArticleStatus.PUBLISHED) {
            // Republishing keeps the first publication time; a first publication is now.
            return wasPublic && before != null ? before : Instant.now();
        }
        if (target != ArticleStatus.SCHEDULED || (stored != null && stored.status() == ArticleStatus.SCHEDULED
                && f.publishAt().isEmpty())) {
            return before;
        }
        try {
            Instant at = LocalDateTime.parse(f.publishAt()).atZone(zone).toInstant();
            if (!at.isAfter(Instant.now())) {
                problems.add(new Problem("publish_at", "Choose a publication time in the future to schedule the article, or publish it now."));
            }
            return at;
        } catch (DateTimeException e) {
            problems.add(new Problem("publish_at", "Enter the publication time as date and time, such as 2026-12-01T08:30 (" + zone.getId() + ")."));
            return null;
        }
    }

    private static void limit(List<Problem> problems, String field, String value, int max, String what) {
        if (value.length() > max) {
            problems.add(new Problem(field, what + " may have at most " + max + " characters; it has " + value.length() + "."));
        }
    }

    private static Optional<Long> parse(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
