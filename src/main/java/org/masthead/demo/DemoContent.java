package org.masthead.demo;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masthead.media.MediaStore;
import org.masthead.comments.CommentStore;
import org.masthead.media.MediaStore;
import org.masthead.content.ArticleEdit;
import org.masthead.media.MediaStore;
import org.masthead.content.ArticleStatus;
import org.masthead.media.MediaStore;
import org.masthead.content.ArticleStore;
import org.masthead.media.MediaStore;
import org.masthead.content.AuthorStore;
import org.masthead.media.MediaStore;
import org.masthead.content.PageStore;
import org.masthead.media.MediaStore;
import org.masthead.content.SectionStore;
import org.masthead.media.MediaStore;
import org.masthead.content.SettingsStore;
import org.masthead.media.MediaStore;
import org.masthead.content.SiteSettings;
import org.masthead.media.MediaStore;
import org.masthead.content.TagStore;
import org.masthead.media.MediaStore;
import org.masthead.db.Database;
import org.masthead.media.MediaStore;
import org.masthead.db.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty site with the Port Alder Courier: settings, sections, tags, authors,
 * pages and articles read from /demo on the classpath, with pictures drawn on first start.
 * The pictures are entered in the media library first, in a transaction of their own, so
 * that the articles' Markdown finds them when it is rendered; then all the content in one.
 */
public final class DemoContent {
    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    private static final Pattern INLINE_IMAGE = Pattern.compile("\\(/media/(demo/[a-z-]+-\\d+\\.jpg)");

    private final Database db;
    private final SettingsStore settings;
    private final SectionStore sections;
    private final TagStore tags;
    private final AuthorStore authors;
    private final PageStore pages;
    private final ArticleStore articles;
    private final DemoPictures pictures;
    private final DemoComments comments;

    public DemoContent(Database db, SettingsStore settings, SectionStore sections, TagStore tags, AuthorStore authors,
                       PageStore pages, ArticleStore articles, MediaStore images, CommentStore comments, Path mediaDir) {
        this.db = db;
        this.settings = settings;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.pages = pages;
        this.articles = articles;
        this.pictures = new DemoPictures(mediaDir, images);
        this.comments = new DemoComments(comments);
    }

    /** The demo's media-library ids: each article's featured image by article slug, each portrait by author slug. */
    private record Pictures(Map<String, Long> featured, Map<String, Long> portraits) {
    }

    /** The articles loaded, by slug, with their publication times: what the demo comments attach to. */
    private record Loaded(Map<String, Long> ids, Map<String, Instant> publishedAt) {
    }

    /** Loads the demo unless the site already has content; returns whether it did. */
    public boolean loadIfEmpty() {
        // Every article sits in a section, so a site without sections has no articles either.
        if (!sections.all().isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        // Read and check every file before the first write, so a bad file leaves the site empty.
        List<FrontMatter> pageFiles = DemoResources.folder("pages");
        List<FrontMatter> authorFiles = DemoResources.folder("authors");
        List<FrontMatter> articleFiles = DemoResources.folder("articles");
        check(articleFiles, authorFiles);
        pictures.drawAll(articleFiles.stream().flatMap(f -> imagesOf(f).stream()).distinct().toList());
        SiteSettings site = settings();
        Pictures entered = db.write(tx -> pictures(tx, articleFiles, authorFiles));
        Loaded loaded = db.write(tx -> {
            settings.save(tx, site);
            Map<String, Long> sectionIds = sections(tx);
            Map<String, String> tagNames = tags(tx);
            Map<String, Long> authorIds = authors(tx, authorFiles, entered.portraits());
            for (FrontMatter page : pageFiles) {
                pages.add(tx, page.required("slug"), page.required("title"), page.body());
            }
            Loaded articles = articles(tx, articleFiles, site.zone(), sectionIds, tagNames, authorIds, entered.featured());
            comments.load(tx, articles.ids(), articles.publishedAt());
            return articles;
        });
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

    private Pictures pictures(Tx tx, List<FrontMatter> articleFiles, List<FrontMatter> authorFiles) {
        Map<String, Long> featured = new HashMap<>();
        for (FrontMatter f : articleFiles) {
            for (String inline : inlineImages(f.body())) {
                pictures.register(tx, inline, "", "", "");
            }
            featured.put(f.required("slug"), pictures.register(tx, "demo/" + f.required("image") + ".jpg",
                    f.required("image-alt"), f.optional("image-caption", ""), f.optional("image-credit", "")));
        }
        Map<String, Long> portraits = new HashMap<>();
        for (FrontMatter file : authorFiles) {
            String picture = file.optional("photo", "");
            if (!picture.isEmpty()) {
                portraits.put(slugOf(file), pictures.portrait(tx, picture, "Portrait of " + file.required("name")));
            }
        }
        return new Pictures(featured, portraits);
    }

    private Map<String, Long> sections(Tx tx) {
        Map<String, Long> ids = new HashMap<>();
        int position = 0;
        for (List<String> row : DemoResources.table("sections.txt")) {
            Long parent = "-".equals(row.get(2)) ? null : ids.get(row.get(2));
            ids.put(row.get(0), sections.add(tx, row.get(0), row.get(1), row.get(3), parent, position++));
        }
        return ids;
    }

    /** Adds the tags; returns their names by slug, the way articles name them. */
    private Map<String, String> tags(Tx tx) {
        Map<String, String> names = new HashMap<>();
        for (List<String> row : DemoResources.table("tags.txt")) {
            tags.add(tx, row.get(0), row.get(1));
            names.put(row.get(0), row.get(1));
        }
        return names;
    }

    private Map<String, Long> authors(Tx tx, List<FrontMatter> files, Map<String, Long> portraits) {
        Map<String, Long> ids = new HashMap<>();
        for (FrontMatter file : files) {
            String slug = slugOf(file);
            ids.put(slug, authors.add(tx, slug, file.required("name"), file.required("role"), file.body(),
                    portraits.get(slug)));
        }
        return ids;
    }

    private Loaded articles(Tx tx, List<FrontMatter> files, ZoneId zone, Map<String, Long> sectionIds,
                            Map<String, String> tagNames, Map<String, Long> authorIds, Map<String, Long> featured) {
        Map<String, Long> articleIds = new HashMap<>();
        Map<String, Instant> publishedAt = new HashMap<>();
        Map<Long, List<String>> pins = new HashMap<>();
        for (FrontMatter f : files) {
            String slug = f.required("slug");
            String updated = f.optional("updated", "");
            ArticleEdit article = new ArticleEdit(slug, f.required("headline"), f.required("dek"), f.body(),
                    f.optional("language", "en"), lookup(sectionIds, f.required("section"), f), lookupAll(authorIds,
                    f.list("authors"), f), lookupAll(tagNames, f.list("tags"), f), featured.get(slug), List.of(), "", "",
                    ArticleStatus.PUBLISHED, LocalDateTime.parse(f.required("published")).atZone(zone).toInstant(),
                    updated.isEmpty() ? null : LocalDateTime.parse(updated).atZone(zone).toInstant(), null, null, true);
            long id = articles.create(tx, article, ArticleEdit.By.SYSTEM);
            articleIds.put(slug, id);
            publishedAt.put(slug, article.publishedAt());
            pins.put(id, f.list("see-also"));
        }
        pins.forEach((id, slugs) -> {
            List<Long> targets = slugs.stream().map(articleIds::get).filter(t -> t != null && !t.equals(id)).toList();
            if (!targets.isEmpty()) {
                articles.pinSeeAlso(tx, id, targets);
            }
        });
        return new Loaded(articleIds, publishedAt);
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

    private static <T> T lookup(Map<String, T> known, String slug, FrontMatter f) {
        T found = known.get(slug);
        if (found == null) {
            throw new IllegalStateException(f.source() + ": unknown '" + slug + "'");
        }
        return found;
    }

    private static <T> List<T> lookupAll(Map<String, T> known, List<String> slugs, FrontMatter f) {
        return slugs.stream().map(s -> lookup(known, s, f)).toList();
    }
}
