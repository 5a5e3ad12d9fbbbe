package org.masthead.feeds;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.masthead.content.FeedPaths;
import org.masthead.content.PublishingSettings;
import org.masthead.content.SiteSettings;
import org.masthead.content.Slugs;
import org.masthead.db.Database;
import org.masthead.web.HttpError;
import org.masthead.web.Origin;
import org.masthead.web.PageCache;
import org.masthead.web.PageTags;
import org.masthead.web.Templates;

/**
 * RSS 2.0 and Atom 1.0 feeds of the whole site and of each section, tag and author: the
 * newest {@value #ENTRIES} stories, kept in the page cache like reader pages, with an ETag
 * and Last-Modified so that feed readers polling often mostly get 304.
 */
public final class FeedRoutes {
    static final int ENTRIES = 30;

    private final FeedQueries queries;
    private final FeedWriter writer;
    private final Supplier<SiteSettings> site;
    private final Supplier<PublishingSettings> publishing;
    private final PageCache cache;

    public FeedRoutes(Database db, Path mediaDir, Supplier<SiteSettings> site, Supplier<PublishingSettings> publishing,
                      PageCache cache) {
        this.queries = new FeedQueries(db);
        this.writer = FeedWriter.reading(mediaDir.toAbsolutePath().normalize());
        this.site = site;
        this.publishing = publishing;
        this.cache = cache;
    }

    public void register(RoutesConfig routes) {
        for (FeedWriter.Format format : FeedWriter.Format.values()) {
            feed(routes, "", format, ctx -> Optional.of(FeedScope.site(site.get().name(), site.get().tagline())));
            feed(routes, "/section/{slug}", format, ctx -> queries.section(slug(ctx)));
            feed(routes, "/tag/{slug}", format, ctx -> queries.tag(slug(ctx)));
            feed(routes, "/author/{slug}", format, ctx -> queries.author(slug(ctx)));
        }
    }

    private void feed(RoutesConfig routes, String listPath, FeedWriter.Format format,
                      Function<Context, Optional<FeedScope>> scope) {
        String path = format == FeedWriter.Format.RSS ? FeedPaths.rss(listPath) : FeedPaths.atom(listPath);
        Handler handler = cache.cached(ctx -> {
            FeedScope found = scope.apply(ctx).orElseThrow(() -> HttpError.notFound("There is no feed at this address."));
            SiteSettings settings = site.get();
            List<FeedEntry> entries = queries.latest(found, ENTRIES, publishing.get().fullTextFeeds(), settings.zone());
            PageTags.declare(ctx, PageTags.LISTS);
            byte[] body = writer.write(format, settings, found, entries, Origin.of(ctx), ctx.path());
            Templates.sendBytes(ctx, body, format.contentType,
                    entries.isEmpty() ? 0 : FeedWriter.newest(entries).toEpochMilli());
        });
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private static String slug(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (!Slugs.isValid(slug)) {
            throw HttpError.notFound("There is no feed at this address.");
        }
        return slug;
    }
}
