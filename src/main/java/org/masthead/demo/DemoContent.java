package org.masthead.demo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ContentStore;
import org.masthead.content.SiteSettings;
import org.masthead.site.SiteQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty site with the Port Alder Courier: settings, sections, tags, authors,
 * pages and articles read from /demo on the classpath, with pictures drawn on first start.
 */
public final class DemoContent {
    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    private static final Pattern INLINE_IMAGE = Pattern.compile("\\(/media/(demo/[a-z-]+-\\d+\\.jpg)");

    private final ContentStore store;
    private final SiteQueries queries;
    private final DemoPictures pictures;
    private final DemoComments comments;

    public DemoContent(ContentStore store, SiteQueries queries, org.masthead.comments.CommentStore comments,
                       java.nio.file.Path mediaDir) {
        this.comments = new DemoComments(comments);
        this.store = store;
        this.queries = queries;
        this.pictures = new DemoPictures(mediaDir);
    }

    /** Loads the demo unless the site already has articles; returns whether it did. */
    public boolean loadIfEmpty() {
        if (!queries.latest(1).isEmpty() || !queries.sections().isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        // Read and check every file before the first write, so a bad file leaves the site empty.
        List<FrontMatter> pages = DemoResources.folder("pages");
        List<FrontMatter> authorFiles = DemoResources.folder("authors");
        List<FrontMatter> articleFiles = DemoResources.folder("articles");
        check(articleFiles, authorFiles);
        pictures.drawAll(articleFiles.stream().flatMap(f -> imagesOf(f).stream()).distinct().toList());
        SiteSettings settings = settings();
        store.saveSettings(settings);
        Map<String, Long> sections = sections();
        Map<String, Long> tags = new HashMap<>();
        for (List<String> row : DemoResources.table("tags.txt")) {
            tags.put(row.get(0), store.addTag(row.get(0), row.get(1)));
        }
        Map<String, Long> authors = authors(authorFiles);
        for (FrontMatter page : pages) {
            store.addPage(page.required("slug"), page.required("title"), page.body());
        }
        articles(articleFiles, settings.zone(), sections, tags, authors);
        LOG.info("demo content loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private static SiteSettings settings() {
        Map<String, String> values = new HashMap<>();
        for (List<String> row : DemoResources.table("site.txt")) {
            values.put(row.get(0), row.get(1));
        }
        return new SiteSettings(values.get("name"), values.get("tagline"), values.get("language"),
                ZoneId.of(values.get("zone")));
    }

    private Map<String, Long> sections() {
        Map<String, Long> ids = new HashMap<>();
        int position = 0;
        for (List<String> row : DemoResources.table("sections.txt")) {
            Long parent = "-".equals(row.get(2)) ? null : ids.get(row.get(2));
            ids.put(row.get(0), store.addSection(row.get(0), row.get(1), row.get(3), parent, position++));
        }
        return ids;
    }

    private Map<String, Long> authors(List<FrontMatter> files) {
        Map<String, Long> ids = new HashMap<>();
        for (FrontMatter file : files) {
            String name = file.required("name");
            String slug = slugOf(file);
            Long photo = null;
            String picture = file.optional("photo", "");
            if (!picture.isEmpty()) {
                photo = pictures.portrait(picture, store, "Portrait of " + name);
            }
            ids.put(slug, store.addAuthor(slug, name, file.required("role"), file.body(), photo));
        }
        return ids;
    }

    private void articles(List<FrontMatter> files, ZoneId zone, Map<String, Long> sections, Map<String, Long> tags,
                          Map<String, Long> authors) {
        Map<String, Long> articleIds = new HashMap<>();
        Map<String, java.time.Instant> publishedAt = new HashMap<>();
        Map<Long, List<String>> pins = new HashMap<>();
        for (FrontMatter f : files) {
            for (String inline : inlineImages(f.body())) {
                pictures.register(inline, store, "", "", "");
            }
            long image = pictures.register("demo/" + f.required("image") + ".jpg", store,
                    f.required("image-alt"), f.optional("image-caption", ""), f.optional("image-credit", ""));
            LocalDateTime published = LocalDateTime.parse(f.required("published"));
            String updated = f.optional("updated", "");
            ArticleDraft draft = new ArticleDraft(f.required("slug"), f.required("headline"), f.required("dek"),
                    f.body(), f.optional("language", "en"), ArticleStatus.PUBLISHED,
                    lookup(sections, f.required("section"), f), lookupAll(authors, f.list("authors"), f),
                    lookupAll(tags, f.list("tags"), f), image, List.of(),
                    published.atZone(zone).toInstant(),
                    updated.isEmpty() ? null : LocalDateTime.parse(updated).atZone(zone).toInstant());
            long id = store.addArticle(draft);
            articleIds.put(draft.slug(), id);
            publishedAt.put(draft.slug(), draft.publishedAt());
            pins.put(id, f.list("see-also"));
        }
        comments.load(articleIds, publishedAt);
        pins.forEach((id, slugs) -> {
            List<Long> targets = slugs.stream().map(articleIds::get).filter(t -> t != null && !t.equals(id)).toList();
            if (!targets.isEmpty()) {
                store.pinSeeAlso(id, targets);
            }
        });
    }

    /** Fails, naming the file, on anything the load would trip over half-way. */
    private static void check(List<FrontMatter> articles, List<FrontMatter> authorFiles) {
        List<String> sectionSlugs = DemoResources.table("sections.txt").stream().map(r -> r.getFirst()).toList();
        List<String> tagSlugs = DemoResources.table("tags.txt").stream().map(r -> r.getFirst()).toList();
        List<String> authorSlugs = authorFiles.stream().map(DemoContent::slugOf).toList();
        for (FrontMatter f : articles) {
            for (String key : List.of("headline", "slug", "dek", "image", "image-alt")) {
                f.required(key);
            }
            LocalDateTime.parse(f.required("published"));
            if (!f.optional("updated", "").isEmpty()) {
                LocalDateTime.parse(f.required("updated"));
            }
            requireKnown(f, List.of(f.required("section")), sectionSlugs);
            requireKnown(f, f.list("tags"), tagSlugs);
            requireKnown(f, f.list("authors"), authorSlugs);
        }
    }

    private static void requireKnown(FrontMatter f, List<String> slugs, List<String> known) {
        for (String slug : slugs) {
            if (!known.contains(slug)) {
                throw new IllegalStateException(f.source() + ": unknown '" + slug + "'");
            }
        }
    }

    private static String slugOf(FrontMatter file) {
        return file.source().replaceAll(".*/", "").replace(".md", "");
    }

    private static List<String> imagesOf(FrontMatter f) {
        List<String> images = new ArrayList<>(inlineImages(f.body()));
        images.add("demo/" + f.required("image") + ".jpg");
        return images;
    }

    private static List<String> inlineImages(String body) {
        List<String> found = new ArrayList<>();
        Matcher m = INLINE_IMAGE.matcher(body);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static long lookup(Map<String, Long> ids, String slug, FrontMatter f) {
        Long id = ids.get(slug);
        if (id == null) {
            throw new IllegalStateException(f.source() + ": unknown '" + slug + "'");
        }
        return id;
    }

    private static List<Long> lookupAll(Map<String, Long> ids, List<String> slugs, FrontMatter f) {
        return slugs.stream().map(s -> lookup(ids, s, f)).toList();
    }
}
