package org.masthead;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.masthead.comments.CommentCountStore;
import org.masthead.comments.CommentGate;
import org.masthead.comments.CommentRemovalStore;
import org.masthead.comments.CommentRetention;
import org.masthead.comments.CommentRoutes;
import org.masthead.comments.CommentStore;
import org.masthead.comments.CommentThreads;
import org.masthead.comments.FormToken;
import org.masthead.comments.ShownComments;
import org.masthead.comments.spam.SpamClassifier;
import org.masthead.comments.spam.Starter;
import org.masthead.config.Config;
import org.masthead.content.ArticleStore;
import org.masthead.content.AuthorStore;
import org.masthead.content.Markdown;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.content.TagStore;
import org.masthead.db.Database;
import org.masthead.db.LogThrottle;
import org.masthead.web.Origin;
import org.masthead.db.Remembered;
import org.masthead.db.StartupException;
import org.masthead.demo.DemoContent;
import org.masthead.media.MediaStore;
import org.masthead.api.ApiRoutes;
import org.masthead.api.WriteRoutes;
import org.masthead.api.OEmbedRoutes;
import org.masthead.feeds.FeedRoutes;
import org.masthead.feeds.SitemapRoutes;
import org.masthead.media.MediaLibrary;
import org.masthead.accounts.ApiTokenStore;
import org.masthead.accounts.AuditStore;
import org.masthead.accounts.LoginFailureStore;
import org.masthead.newsroom.media.MediaRoutes;
import org.masthead.newsroom.NewsroomRoutes;
import org.masthead.accounts.SessionStore;
import org.masthead.accounts.UserStore;
import org.masthead.newsroom.articles.ArticleDesk;
import org.masthead.newsroom.articles.ArticleWorkflow;
import org.masthead.newsroom.articles.ArticleQueries;
import org.masthead.newsroom.articles.ScheduledPublisher;
import org.masthead.newsroom.comments.ModerationDesk;
import org.masthead.newsroom.comments.ModerationQueries;
import org.masthead.newsroom.commenters.CommenterStore;
import org.masthead.newsroom.commenters.CommenterRoutes;
import org.masthead.newsroom.admin.AdminQueries;
import org.masthead.newsroom.admin.AdminRoutes;
import org.masthead.newsroom.privacy.ConsentLogRoutes;
import org.masthead.privacy.ConsentRoutes;
import org.masthead.privacy.ConsentStore;
import org.masthead.privacy.CookieRegistry;
import org.masthead.privacy.Notice;
import org.masthead.search.SearchIndex;
import org.masthead.search.SearchRoutes;
import org.masthead.site.SiteQueries;
import org.masthead.site.SiteRoutes;
import org.masthead.web.AnonymousHits;
import org.masthead.web.CacheControl;
import org.masthead.web.HttpError;
import org.masthead.web.PageCache;
import org.masthead.web.PurgeWebhook;
import org.masthead.web.QuietErrorHandler;
import org.masthead.web.SecurityHeaders;
import org.masthead.web.StaticFiles;
import org.masthead.web.Templates;
import org.masthead.web.TrustedProxies;
import org.masthead.newsroom.imports.ImportJobs;
import org.masthead.newsroom.imports.ImportRoutes;
import org.masthead.wordpress.LegacyPaths;
import org.masthead.wordpress.LegacyQueries;
import org.masthead.wordpress.WordPressImport;
import org.masthead.wordpress.LegacyRoutes;
import org.masthead.wpapi.WpRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires every part of the site with plain constructors, in one place:
 * config, database, stores, queries, routes. {@link #create} returns an unstarted app.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** An outage fails every uncached request: one line a minute says so. */
    private static final LogThrottle OUTAGE_LOG = new LogThrottle(Duration.ofMinutes(1));

    private final Config config;
    private final Database db;
    private final Javalin server;
    private final ScheduledPublisher publisher;
    private final CommentRetention retention;
    private final CommentCountStore commentCounts;
    private final SpamClassifier classifier;
    private final SearchIndex search;
    /** Null without {@code --purge-url}. */
    private final PurgeWebhook purges;
    private final AnonymousHits anonymousHits;

    private App(Config config, Database db, Javalin server, ScheduledPublisher publisher, CommentRetention retention,
                SpamClassifier classifier, SearchIndex search, PurgeWebhook purges, AnonymousHits anonymousHits) {
        this.purges = purges;
        this.anonymousHits = anonymousHits;
        this.classifier = classifier;
        this.search = search;
        this.config = config;
        this.db = db;
        this.server = server;
        this.publisher = publisher;
        this.retention = retention;
        this.commentCounts = new CommentCountStore(db);
    }

    public static App create(Config config) {
        prepareDataDir(config.dataDir());
        Database db = Database.open(config.jdbcUrl());
        SearchIndex search = null;
        try {
            SettingsStore settings = new SettingsStore(db);
            SectionStore sections = new SectionStore(db);
            // The reader pages keep these two in memory until the change log says they changed.
            SiteQueries queries = new SiteQueries(db, Remembered.of(db, settings::current, "settings")::get,
                    Remembered.of(db, sections::all, "section")::get);
            Markdown markdown = new Markdown(url -> url.startsWith(org.masthead.content.Media.URL_PREFIX)
                    ? queries.media(url.substring(org.masthead.content.Media.URL_PREFIX.length()))
                    : java.util.Optional.empty());
            TagStore tags = new TagStore();
            AuthorStore authors = new AuthorStore(markdown);
            PageStore pages = new PageStore(markdown);
            ArticleStore articles = new ArticleStore(markdown);
            ArticleQueries articleQueries = new ArticleQueries(db);
            CommentStore comments = new CommentStore(db);
            // Stores that keep rows in memory forget them before the page cache empties, so no page is
            // cached again from what they still remembered.
            db.addListener(comments);
            ShownComments shownComments = new ShownComments(comments);
            db.addListener(shownComments);
            ConsentStore consents = new ConsentStore(db);
            db.addListener(consents);
            CommentRemovalStore commentRemoval = new CommentRemovalStore(db.dialect());
            MediaStore mediaStore = new MediaStore(db);
            if (config.demo()) {
                new DemoContent(db, settings, sections, tags, authors, pages, articles, mediaStore, comments,
                        config.mediaDir()).loadIfEmpty();
            }
            Templates templates = new Templates();
            PageCache pageCache = new PageCache(config.pageCache());
            db.addListener(pageCache);
            PurgeWebhook purges = config.purgeUrl() == null ? null : new PurgeWebhook(java.net.URI.create(config.purgeUrl()));
            if (purges != null) {
                db.addListener(purges);
            }
            // The index follows the log after the page cache: its related-story lists are writes of their own.
            search = SearchIndex.openFree(db, searchFolder(config));
            if (config.relatedThreads() != Config.HALF_THE_CORES) {
                search.relateOn(config.relatedThreads());
            }
            db.addListener(search);
            SearchRoutes searchRoutes = new SearchRoutes(search, queries, templates);
            SpamClassifier classifier = SpamClassifier.open(db, SpamClassifier.DEFAULT_THRESHOLD, Starter.comments())
                    .calibratingInBackground();
            db.addListener(classifier);
            FormToken formTokens = new FormToken(comments.formKey());
            CommentThreads threads = new CommentThreads(comments, shownComments, formTokens);
            // Feeds and article heads read the publishing settings; kept until the change log says they changed.
            java.util.function.Supplier<org.masthead.content.PublishingSettings> publishing =
                    Remembered.of(db, settings::publishing, "settings")::get;
            SiteRoutes site = new SiteRoutes(queries, templates, pageCache, threads, publishing);
            FeedRoutes feeds = new FeedRoutes(db, config.mediaDir(), queries::settings, publishing, pageCache);
            SitemapRoutes sitemaps = new SitemapRoutes(db, queries::settings);
            ApiRoutes api = new ApiRoutes(db, queries::settings, pageCache);
            OEmbedRoutes oembed = new OEmbedRoutes(db, queries::settings, pageCache);
            WpRoutes wordPressApi = new WpRoutes(db, queries::settings, search);
            CommentRoutes commentRoutes = new CommentRoutes(db, comments, new CommentGate(comments, classifier), threads,
                    formTokens, site, templates);
            UserStore users = new UserStore(db);
            AuditStore audit = new AuditStore(db);
            // One workflow for every article save: the newsroom's editor and the API's writes.
            ArticleWorkflow workflow = new ArticleWorkflow(db, articles, articleQueries, settings, sections, markdown);
            ArticleDesk articleDesk = new ArticleDesk(db, articles, articleQueries, workflow, settings, sections, markdown,
                    search, templates);
            ApiTokenStore apiTokens = new ApiTokenStore(db);
            AdminRoutes admin = new AdminRoutes(db, new AdminQueries(db), sections, tags, authors, pages, settings, users,
                    apiTokens, templates);
            ModerationDesk moderation = new ModerationDesk(db, comments, commentRemoval, new ModerationQueries(db),
                    classifier, settings, templates);
            WriteRoutes apiWrites = new WriteRoutes(db, apiTokens, workflow, moderation, queries::settings);
            NewsroomRoutes newsroom = new NewsroomRoutes(users, new SessionStore(db), new LoginFailureStore(db), audit,
                    templates, articleQueries::countByStatus, moderation::badges);
            MediaRoutes media = new MediaRoutes(new MediaLibrary(db, mediaStore,
                    config.mediaDir()), templates);
            TrustedProxies proxies = trustedProxies(config);
            ConsentRoutes consent = new ConsentRoutes(consents);
            LegacyRoutes legacy = new LegacyRoutes(new LegacyQueries(db), () -> queries.settings().zone());
            ImportJobs importJobs = new ImportJobs(new WordPressImport(db, settings, sections, tags, authors, pages, articles,
                    mediaStore, comments, users, Markdown::embeddable), config.mediaDir());
            ImportRoutes imports = new ImportRoutes(importJobs, config.dataDir().resolve("imports"), audit, templates);
            ConsentLogRoutes consentLog = new ConsentLogRoutes(consents, audit, templates);
            CommenterRoutes commenters = new CommenterRoutes(db, new CommenterStore(db, commentRemoval), audit, settings,
                    templates);
            // One cached copy per consent state: question shown, answered, or Global Privacy Control. Shared caches
            // keep only pages for readers without the site's cookies (the answered copy is private), so they
            // vary by Sec-GPC alone, never by Cookie.
            pageCache.varyBy(ConsentRoutes.GPC_HEADER, ctx -> Notice.of(ctx).variant().name(),
                    gpc -> ConsentRoutes.unanswered(gpc).name());
            pageCache.shareWith(new CacheControl(config.sharedMaxAge(), CookieRegistry.ownCookies()));
            // Kept pages for readers without cookies are answered ahead of the routes, as they would answer them.
            AnonymousHits anonymousHits = new AnonymousHits(pageCache, config.baseUrl(),
                    (path, query) -> path.equals("/") && LegacyPaths.addressesByQuery(query));
            Javalin server = Javalin.create(c -> {
                serve(c, config, proxies, anonymousHits);
                c.routes.before(SecurityHeaders::apply);
                if (config.baseUrl() != null) {
                    c.routes.before(ctx -> Origin.use(ctx, config.baseUrl()));
                }
                c.routes.before(WpRoutes::discovery);
                consent.register(c.routes);
                new StaticFiles("/static").register(c.routes);
                SiteRoutes.getAndHead(c.routes, "/healthz", ctx -> {
                    String problem = db.problem();
                    ctx.header("Cache-Control", "no-store");
                    ctx.status(problem == null ? 200 : 503).contentType("text/plain; charset=utf-8")
                            .result(problem == null ? "ok\n" : "database unavailable: " + problem + "\n");
                });
                media.limits(c.routes); // before the newsroom's guard, which reads the form
                imports.limits(c.routes);
                newsroom.register(c.routes);
                articleDesk.register(c.routes);
                media.register(c.routes);
                admin.register(c.routes);
                moderation.register(c.routes);
                consentLog.register(c.routes);
                imports.register(c.routes);
                commenters.register(c.routes);
                commentRoutes.register(c.routes);
                feeds.register(c.routes); // before the site's /{slug}, which would take /rss.xml
                sitemaps.register(c.routes);
                apiWrites.register(c.routes); // before the read API, whose catch-alls refuse other writes
                api.register(c.routes);
                oembed.register(c.routes);
                wordPressApi.register(c.routes);
                legacy.register(c.routes);
                searchRoutes.register(c.routes); // before the site's /{slug}
                site.register(c.routes);
                answerErrors(c.routes, legacy, site);
            });
            return new App(config, db, server, new ScheduledPublisher(db, articleQueries, articles),
                    new CommentRetention(db, comments, commentRemoval),
                    classifier, search, purges, anonymousHits);
        } catch (RuntimeException e) {
            if (search != null) {
                search.close();
            }
            db.close();
            throw e;
        }
    }

    private static TrustedProxies trustedProxies(Config config) {
        try {
            return TrustedProxies.parse(config.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new StartupException("--trusted-proxy: " + e.getMessage());
        }
    }

    /** Seconds a client is asked to wait before trying again while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** Deflate level of responses compressed as they are sent. */
    static final int DYNAMIC_GZIP_LEVEL = 1;
    static final String UNAVAILABLE = "The site cannot reach its database just now. Nothing you sent was lost "
            + "or half-saved: please try again in a few seconds.";

    /** How the server listens and what it serves as files: limits, proxies, address, graceful stop, static folders. */
    private static void serve(io.javalin.config.JavalinConfig c, Config config, TrustedProxies proxies,
                              AnonymousHits anonymousHits) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.generateEtags = false; // Templates sets a cheaper ETag itself
        c.http.prefer405over404 = true;
        c.http.maxRequestSize = 1_000_000;
        // Pages compressed as they are sent (searches, the newsroom, a page the cache does not keep) use a
        // fast level: at the default 6 one compression cost several times rendering the article. A kept
        // page's gzip copy is made once, at the best level (KeptPage).
        c.http.compressionStrategy = new io.javalin.compression.CompressionStrategy(null,
                new io.javalin.compression.Gzip(DYNAMIC_GZIP_LEVEL));
        // Multipart forms get the same bound; the media upload route sets its own, larger one.
        c.jetty.multipartConfig.maxTotalRequestSize(1, io.javalin.config.SizeUnit.MB);
        c.jetty.multipartConfig.maxFileSize(1, io.javalin.config.SizeUnit.MB);
        c.contextResolver.ip = proxies::clientIp;
        c.contextResolver.scheme = proxies::scheme;
        c.jetty.host = config.host();
        c.jetty.port = config.port();
        c.jetty.modifyServer(s -> {
            s.insertHandler(anonymousHits);
            // On stop, refuse new requests but let those in flight finish (up to 10 s). Inserted last, it comes first.
            s.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            s.setStopTimeout(10_000);
            s.setErrorHandler(new QuietErrorHandler());
        });
        c.jetty.modifyHttpConfiguration(h -> {
            h.setSendServerVersion(false);
            h.setSendXPoweredBy(false);
            h.setRequestHeaderSize(16 * 1024);
        });
        c.staticFiles.add(s -> {
            s.hostedPath = "/media";
            s.directory = config.mediaDir().toString();
            s.location = Location.EXTERNAL;
            s.headers = java.util.Map.of("Cache-Control", "public, max-age=86400");
        });
    }

    /**
     * Error pages: a not-found address may be an imported site's old one; an unreachable database
     * answers 503 (logged a line a minute); anything else a 500 page, logged with its stack trace.
     */
    private static void answerErrors(io.javalin.config.RoutesConfig routes, LegacyRoutes legacy, SiteRoutes site) {
        routes.exception(HttpError.class, (e, ctx) -> {
            if (e.status() == 404 && redirected(legacy, ctx, site)) {
                return; // an imported site's old address, or 503 when that cannot be looked up
            }
            site.error(ctx, e.status(), e.getMessage());
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientGone(e)) {
                // A reader or crawler closed the connection mid-answer (a long sitemap, a stopped download): nothing failed here.
                LOG.debug("{} {}: the client went away before the answer was sent", ctx.method(), ctx.path());
                return;
            }
            if (Database.unavailable(e)) {
                OUTAGE_LOG.log(held -> LOG.warn("{} {}: the database is unavailable ({}){}", ctx.method(), ctx.path(),
                        e.getMessage(), held == 0 ? "" : "; " + held + " more answered 503 since the last such line"));
                unavailable(ctx, site);
                return;
            }
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            site.error(ctx, 500, "The page could not be shown. Please try again in a moment.");
        });
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 429}) {
            routes.error(status, ctx -> {
                if (!Templates.hasRendered(ctx) && !(status == 404 && redirected(legacy, ctx, site))) {
                    site.error(ctx, status, messageFor(status));
                }
            });
        }
    }

    /** Whether {@code e} is the client closing its connection while the answer was being written (Jetty's EofException among its causes). */
    static boolean clientGone(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a not-found address was answered another way: redirected to where an imported site's
     * old address lives now, or, when the database cannot be asked, a 503 (not a 404 that may be wrong).
     */
    private static boolean redirected(LegacyRoutes legacy, io.javalin.http.Context ctx, SiteRoutes site) {
        try {
            return legacy.redirected(ctx);
        } catch (RuntimeException e) {
            if (!Database.unavailable(e)) {
                throw e;
            }
            unavailable(ctx, site);
            return true;
        }
    }

    /**
     * 503 with Retry-After: JSON for clients that ask for it (the comment form's script), else
     * the site's error page, or plain text when even that needs the database.
     */
    private static void unavailable(io.javalin.http.Context ctx, SiteRoutes site) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.status(503).contentType("application/json; charset=utf-8")
                    .result(org.masthead.web.Json.write(java.util.Map.of("message", UNAVAILABLE, "errors", java.util.Map.of())));
            return;
        }
        try {
            site.error(ctx, 503, UNAVAILABLE);
        } catch (RuntimeException e) {
            ctx.status(503).contentType("text/plain; charset=utf-8").result(UNAVAILABLE + "\n");
        }
    }

    private static String messageFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. It may have moved, or the link may be mistyped.";
            case 405 -> "This address does not accept that kind of request.";
            case 413 -> "The request was too large.";
            case 401 -> "Sign in to continue.";
            case 403 -> "You are not allowed to do that.";
            case 429 -> "Too many requests; wait a little and try again.";
            default -> "The request could not be understood.";
        };
    }

    /** The search index's folder in the data folder. */
    static Path searchFolder(Config config) {
        return config.dataDir().resolve("search-index");
    }

    static void prepareDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("media"));
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("the data folder " + dataDir + " is not writable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    public App start() {
        try {
            // Other instances on this database: their writes reach this one's caches and search index within a
            // second (half a second to read the log, the rest to index); the read is one indexed query.
            db.follow(Duration.ofMillis(500));
            server.start();
        } catch (RuntimeException e) {
            search.close();
            db.close();
            if (isBindFailure(e)) {
                throw new StartupException("port " + config.port() + " is already in use; choose another with --port");
            }
            throw e;
        }
        publisher.start();
        retention.start();
        commentCounts.start();
        search.start();
        if (purges != null) {
            purges.start();
        }
        return this;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().contains("Bind")) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return db;
    }

    /** How many kept pages were answered ahead of the routes, to readers without cookies. */
    public long anonymousHits() {
        return anonymousHits.served();
    }

    /** This instance's search index. */
    public SearchIndex searchIndex() {
        return search;
    }

    /** The comment spam classifier this instance judges with. */
    public SpamClassifier spamClassifier() {
        return classifier;
    }

    @Override
    public void close() {
        publisher.close();
        retention.close();
        commentCounts.close();
        server.stop();
        search.close();
        db.close();
        if (purges != null) {
            purges.close();
        }
    }

}
