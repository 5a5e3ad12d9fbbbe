package org.masthead.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.masthead.comments.ArticlePages;
import org.masthead.comments.CommentThreads;
import org.masthead.comments.CommentedArticle;
import org.masthead.comments.CommentsView;
import org.masthead.content.Author;
import org.masthead.content.Page;
import org.masthead.content.PublishingSettings;
import org.masthead.content.Section;
import org.masthead.content.Slugs;
import org.masthead.content.Tag;
import org.masthead.privacy.Notice;
import org.masthead.privacy.ReaderConsent;
import org.masthead.web.HttpError;
import org.masthead.web.PageCache;
import org.masthead.web.PageNumber;
import org.masthead.web.PageTags;
import org.masthead.web.Templates;

/**
 * The reader-facing pages: home, article, section, tag, author, static and cookie settings
 * pages; and the article pages as the comment routes need them.
 */
public final class SiteRoutes implements ArticlePages {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern NUMBER_ID = Pattern.compile("\\d{1,18}");

    private final SiteQueries queries;
    private final Templates templates;
    private final ArticleLinks links;
    private final StructuredData structuredData = new StructuredData();

    private final PageCache cache;

    private final CommentThreads comments;

    private final Supplier<PublishingSettings> publishing;

    public SiteRoutes(SiteQueries queries, Templates templates, PageCache cache, CommentThreads comments,
                      Supplier<PublishingSettings> publishing) {
        this.queries = queries;
        this.publishing = publishing;
        this.comments = comments;
        this.templates = templates;
        this.cache = cache;
        this.links = new ArticleLinks(queries);
    }

    public void register(RoutesConfig routes) {
        getAndHead(routes, "/", cache.cached(this::home));
        getAndHead(routes, "/{year}/{month}/{day}/{slug}", cache.cached(this::article));
        getAndHead(routes, "/section/{slug}", cache.cached(this::section));
        getAndHead(routes, "/tag/{slug}", cache.cached(this::tag));
        getAndHead(routes, "/author/{slug}", cache.cached(this::author));
        getAndHead(routes, "/preview/{token}", this::preview); // private: never in the page cache
        getAndHead(routes, "/cookies", this::cookieSettings); // one reader's own answer: never in the page cache
        getAndHead(routes, "/{slug}", cache.cached(this::page));
    }

    /** HEAD answers exactly as GET would, headers and all; Jetty leaves out the body. */
    public static void getAndHead(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private Layout.Builder layout(Context ctx) {
        return new Layout.Builder(queries.settings(), queries.topSections(), ctx.path()).privacy(Notice.of(ctx));
    }

    void home(Context ctx) {
        List<ArticleSummary> latest = queries.latest(5);
        List<Pages.SectionBlock> blocks = new ArrayList<>();
        for (Section section : queries.topSections()) {
            Paged<ArticleSummary> stories = queries.inSections(queries.withChildren(section), 1);
            List<ArticleSummary> fresh = stories.items().stream()
                    .filter(a -> latest.stream().noneMatch(l -> l.id() == a.id())).limit(4).toList();
            if (!fresh.isEmpty()) {
                blocks.add(new Pages.SectionBlock(section.name(), section.url(), fresh));
            }
        }
        String origin = origin(ctx);
        Layout layout = layout(ctx).description(queries.settings().tagline())
                .jsonLd(structuredData.website(queries.settings(), origin))
                .social(Social.page("website", origin + "/", queries.settings().name(), queries.settings().tagline(),
                        latest.isEmpty() ? null : latest.getFirst().image(), origin))
                .build();
        ArticleSummary lead = latest.isEmpty() ? null : latest.getFirst();
        PageTags.declare(ctx, PageTags.HOME, PageTags.LISTS);
        shows(ctx, latest);
        blocks.forEach(block -> shows(ctx, block.stories()));
        templates.render(ctx, "site/home.jte", new Pages.HomePage(layout, lead,
                latest.isEmpty() ? List.of() : latest.subList(1, latest.size()), blocks));
    }

    void article(Context ctx) {
        date(ctx); // a date that cannot exist is a malformed address
        String slug = slug(ctx);
        ArticleView article = queries.article(slug).or(() -> queries.movedArticle(slug).flatMap(queries::article))
                .orElseThrow(() -> HttpError.notFound("There is no story at this address."));
        if (!article.url().equals(ctx.path())) {
            // Same story under another date or its old slug: send readers and search engines to the right one.
            ctx.redirect(article.url(), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        renderArticle(ctx, article, layout(ctx), commentsRequest(ctx), null);
    }

    @Override
    public Optional<CommentedArticle> published(long articleId) {
        return queries.article(articleId).map(a -> new CommentedArticle(a.id(), a.url(), a.publishedAt()));
    }

    /** The article page again with the comment form as the reader sent it. Never cached. */
    @Override
    public void showWithForm(Context ctx, CommentedArticle commented, CommentsView.Form form, int status) {
        ArticleView article = queries.article(commented.id())
                .orElseThrow(() -> HttpError.notFound("There is no story at this address."));
        ctx.status(status);
        renderArticle(ctx, article, layout(ctx).noindex(), CommentThreads.Request.FIRST, form);
        ctx.status(status);
        // It holds what one reader typed (name, email, text): no cache keeps it.
        ctx.header("Cache-Control", "no-store");
    }

    @Override
    public ZoneId zone() {
        return queries.settings().zone();
    }

    private static CommentThreads.Request commentsRequest(Context ctx) {
        String order = ctx.queryParam("corder");
        String replyTo = ctx.queryParam("replyto");
        String posted = ctx.queryParam("comment");
        String notice = posted == null ? null : posted.equals("held")
                ? "Thank you: your comment is waiting for a moderator and will appear once approved."
                : NUMBER_ID.matcher(posted).matches() ? "Thank you: your comment is published." : null;
        return new CommentThreads.Request(PageNumber.parse(ctx.queryParam("cpage")),
                "newest".equals(order) || "oldest".equals(order) ? order : null,
                replyTo != null && NUMBER_ID.matcher(replyTo).matches() ? Long.valueOf(replyTo) : null, notice);
    }

    /** An unpublished article for whoever holds its preview link; a wrong token is a plain 404. */
    void preview(Context ctx) {
        String token = ctx.pathParam("token");
        ArticleView article = (token.length() < 20 || token.length() > 100 ? java.util.Optional.<ArticleView>empty()
                : queries.articleForPreview(token))
                .orElseThrow(() -> HttpError.notFound("There is nothing at this address."));
        renderArticle(ctx, article, layout(ctx).noindex().banner("Preview — not published"), null, null);
        ctx.header("Cache-Control", "no-store"); // after rendering, which sets its own
        ctx.header("X-Robots-Tag", "noindex");
    }

    /** {@code request} null: a preview, which shows no comments. */
    private void renderArticle(Context ctx, ArticleView article, Layout.Builder layout, CommentThreads.Request request,
                               CommentsView.Form form) {
        ArticleLinks.Choice choice = links.choose(article);
        String origin = origin(ctx);
        PublishingSettings publishing = this.publishing.get();
        StructuredData.Logo logo = publishing.logo().isEmpty() ? StructuredData.Logo.ICON
                : StructuredData.Logo.of(queries.keptMedia(publishing.logo()).orElse(null));
        var zone = queries.settings().zone();
        // A preview (no request) names no translations: it is not the published page they point back to.
        List<Translation> translations = request == null ? List.of() : queries.translations(article);
        if (!translations.isEmpty()) {
            java.util.Map<String, String> alternates = new java.util.TreeMap<>();
            alternates.put(article.language(), origin + article.url());
            translations.forEach(t -> alternates.put(t.language(), origin + t.url()));
            layout.alternates(alternates);
        }
        layout.title(article.pageTitle())
                .description(article.pageDescription())
                .language(article.language())
                .currentSection(article.sectionTrail().getFirst().slug())
                .jsonLd(structuredData.article(queries.settings(), publishing, logo, article, origin))
                .social(new Social("article", origin + article.url(), article.pageTitle(), article.pageDescription(),
                        article.image() == null ? null : Social.Picture.of(article.image(), origin),
                        org.masthead.web.Dates.machine(article.publishedAt(), zone),
                        org.masthead.web.Dates.machine(article.lastChanged(), zone), article.section().name(),
                        article.tags().stream().map(Tag::name).toList(),
                        article.authors().stream().map(a -> origin + a.url()).toList()));
        PageTags.declare(ctx, PageTags.article(article.id()), PageTags.comments(article.id()),
                PageTags.related(article.id()));
        article.authors().forEach(a -> PageTags.declare(ctx, PageTags.author(a.id())));
        article.tags().forEach(t -> PageTags.declare(ctx, PageTags.tag(t.id())));
        shows(ctx, choice.seeAlso());
        shows(ctx, choice.related());
        if (choice.fromLatest() || !translations.isEmpty()) {
            // Latest stories filling in for related ones, or translations: any story's change may change them.
            PageTags.declare(ctx, PageTags.LISTS);
        }
        templates.render(ctx, "site/article.jte", new Pages.ArticlePage(layout.build(), article,
                ArticleLinks.weave(article.bodyHtml(), article.paragraphBreaks(), choice.seeAlso()), choice.related(),
                request == null ? null
                        : comments.view(article.id(), article.url(), article.publishedAt(), request, form, java.time.Instant.now()),
                translations));
    }

    void section(Context ctx) {
        Section section = queries.section(slug(ctx))
                .orElseThrow(() -> HttpError.notFound("There is no section by that name."));
        Paged<ArticleSummary> articles = queries.inSections(queries.withChildren(section), PageNumber.parse(ctx.queryParam("page")));
        List<Section> trail = queries.trail(section);
        PageTags.declare(ctx, PageTags.section(section.id()));
        listing(ctx, layout(ctx).currentSection(trail.getFirst().slug()), "section", section.name(),
                section.description(), null, null, trail.subList(0, trail.size() - 1), queries.childrenOf(section),
                articles, section.url());
    }

    void tag(Context ctx) {
        Tag tag = queries.tag(slug(ctx)).orElseThrow(() -> HttpError.notFound("There is no topic by that name."));
        PageTags.declare(ctx, PageTags.tag(tag.id()));
        listing(ctx, layout(ctx), "tag", tag.name(), "", null, tag, queries.tagged(tag.id(), PageNumber.parse(ctx.queryParam("page"))), tag.url());
    }

    void author(Context ctx) {
        Author author = queries.author(slug(ctx)).orElseThrow(() -> HttpError.notFound("There is no writer by that name."));
        PageTags.declare(ctx, PageTags.author(author.id()));
        String origin = origin(ctx);
        listing(ctx, layout(ctx).jsonLd(structuredData.profile(author, origin))
                        .social(Social.page("profile", origin + author.url(), author.name(),
                                author.role().isBlank() ? author.name() + " writes for " + queries.settings().name()
                                        : author.role(), author.photo(), origin)), "author", author.name(), author.role(),
                author, null, queries.byAuthor(author.id(), PageNumber.parse(ctx.queryParam("page"))), author.url());
    }

    private void listing(Context ctx, Layout.Builder layout, String kind, String heading, String intro,
                         Author author, Tag tag, Paged<ArticleSummary> articles, String baseUrl) {
        listing(ctx, layout, kind, heading, intro, author, tag, List.of(), List.of(), articles, baseUrl);
    }

    private void listing(Context ctx, Layout.Builder layout, String kind, String heading, String intro,
                         Author author, Tag tag, List<Section> parents, List<Section> subsections,
                         Paged<ArticleSummary> articles,
                         String baseUrl) {
        if (articles.page() > articles.pageCount()) {
            throw HttpError.notFound("This list has only " + articles.pageCount() + " page(s).");
        }
        Pages.ListingPage model = new Pages.ListingPage(null, kind, heading, intro, author, tag, parents, subsections,
                articles, baseUrl);
        String title = articles.page() > 1 ? heading + " (page " + articles.page() + ")" : heading;
        String description = "section".equals(kind) && intro != null && !intro.isBlank() ? intro
                : heading + ": latest stories";
        if (!"author".equals(kind)) {
            String origin = origin(ctx);
            layout.social(Social.page("website", origin + model.pageUrl(articles.page()), title, description,
                    articles.items().isEmpty() ? null : articles.items().getFirst().image(), origin));
        }
        layout.title(title).description(description).feeds(baseUrl, heading)
                .canonical(model.pageUrl(articles.page()))
                .paging(articles.hasPrevious() ? model.pageUrl(articles.page() - 1) : null,
                        articles.hasNext() ? model.pageUrl(articles.page() + 1) : null);
        PageTags.declare(ctx, PageTags.LISTS);
        shows(ctx, articles.items());
        templates.render(ctx, "site/listing.jte", new Pages.ListingPage(layout.build(), kind, heading, intro,
                author, tag, parents, subsections, articles, baseUrl));
    }

    void cookieSettings(Context ctx) {
        ReaderConsent consent = ReaderConsent.of(ctx);
        Layout layout = new Layout.Builder(queries.settings(), queries.topSections(), "/cookies")
                .title("Cookie settings").description("Choose which cookies and external media this site may use.")
                .privacy(consent.notice()).build();
        templates.render(ctx, "site/cookies.jte", new Pages.CookieSettingsPage(layout, consent,
                "1".equals(ctx.queryParam("saved"))));
        // This page shows one reader's own answer: never share it through a cache.
        ctx.header("Cache-Control", "private, no-cache");
    }

    void page(Context ctx) {
        Page page = queries.page(slug(ctx)).orElseThrow(() -> HttpError.notFound("There is no page at this address."));
        String origin = origin(ctx);
        String description = Descriptions.of(page.bodyHtml());
        PageTags.declare(ctx, PageTags.page(page.id()));
        templates.render(ctx, "site/page.jte", new Pages.StaticPage(layout(ctx).title(page.title()).description(description)
                .social(Social.page("website", origin + page.url(), page.title(), description, null, origin)).build(), page));
    }

    /** Declares that the page shows these stories' headlines and comment counts. */
    private static void shows(Context ctx, List<ArticleSummary> stories) {
        for (ArticleSummary story : stories) {
            PageTags.declare(ctx, PageTags.article(story.id()), PageTags.comments(story.id()));
        }
    }

    /** The 404 and other error pages, with a few fresh stories to go on to. */
    public void error(Context ctx, int status, String message) {
        String heading = switch (status) {
            case 404 -> "Page not found";
            case 400 -> "That address is not valid";
            case 405 -> "That method is not allowed here";
            case 401 -> "Please sign in";
            case 403 -> "You cannot do that here";
            case 413 -> "That request is too large";
            case 429 -> "Too many tries";
            case 503 -> "Back in a moment";
            default -> "Something went wrong";
        };
        List<ArticleSummary> suggestions = status == 404 ? safeLatest() : List.of();
        Layout layout = layout(ctx).title(heading).noindex().build();
        ctx.status(status);
        templates.render(ctx, "site/error.jte", new Pages.ErrorPage(layout, status, heading, message, suggestions));
        ctx.status(status);
        // A passing state (a missing page, an outage, a refusal for this request): no cache keeps it.
        ctx.header("Cache-Control", "no-store");
    }

    private List<ArticleSummary> safeLatest() {
        try {
            return queries.latest(5);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The site's origin for absolute URLs in structured data: the configured base URL, or as the reader reached us. */
    private static String origin(Context ctx) {
        return org.masthead.web.Origin.of(ctx);
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slugs.isValid(slug)) {
            throw HttpError.notFound("There is nothing at this address.");
        }
        return slug;
    }

    private static LocalDate date(Context ctx) {
        String y = ctx.pathParam("year");
        String m = ctx.pathParam("month");
        String d = ctx.pathParam("day");
        if (!NUMBER.matcher(y).matches() || !NUMBER.matcher(m).matches() || !NUMBER.matcher(d).matches()) {
            throw HttpError.notFound("There is nothing at this address.");
        }
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            throw HttpError.badRequest("The date in this address (" + y + "/" + m + "/" + d + ") does not exist.");
        }
    }

}
