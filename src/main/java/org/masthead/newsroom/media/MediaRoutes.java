package org.masthead.newsroom.media;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.masthead.media.LibraryItem;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaRefused;
import org.masthead.media.MediaUse;
import org.masthead.web.HttpError;
import org.masthead.web.Templates;
import org.masthead.accounts.Guard;
import org.masthead.accounts.Role;
import org.masthead.accounts.User;
import org.masthead.newsroom.Desk;

/** The media library at /newsroom/media: browse and search, upload, edit an image's words, delete. */
public final class MediaRoutes {
    static final int PAGE_SIZE = 24;
    /**
     * Upload bodies up to this size are read (to disk past 1 MB) so that an image over the
     * limit gets the form back with its typed words; a bigger body is refused unread.
     */
    static final long REQUEST_CAP = 3L * MediaLibrary.MAX_BYTES;

    private final MediaLibrary library;
    private final Templates templates;

    public MediaRoutes(MediaLibrary library, Templates templates) {
        this.library = library;
        this.templates = templates;
    }

    /** The words typed into the upload or edit form, kept to show again. */
    public record Words(String alt, String caption, String credit) {
        static final Words EMPTY = new Words("", "", "");

        static Words of(Context ctx) {
            return new Words(field(ctx, "alt"), field(ctx, "caption"), field(ctx, "credit"));
        }
    }

    public record LibraryPage(Desk desk, boolean canUpload, Words words, String query, List<LibraryItem> items,
                              long total, int page, int pageCount, int maxMegabytes) {
        public String pageUrl(int number) {
            return "/newsroom/media?" + (query.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8) + "&") + "page=" + number;
        }
    }

    public record ImagePage(Desk desk, LibraryItem item, boolean canChange, Words words,
                            List<MediaLibrary.Rendition> renditions, List<MediaUse> uses) {
    }

    /** Runs before the guard reads the form: the upload route's own body limits. */
    public void limits(RoutesConfig routes) {
        routes.before("/newsroom/media", ctx -> {
            if (ctx.method().name().equals("POST")) {
                long length = ctx.req().getContentLengthLong();
                String refusal = (length > 0 ? MediaLibrary.tooLarge(length) : "This upload is too large: images may be up to "
                        + MediaLibrary.MAX_BYTES / (1024 * 1024) + " MB.")
                        + " Nothing was saved; go back to keep what you typed.";
                if (length > REQUEST_CAP) {
                    throw new HttpError(413, refusal);
                }
                ctx.attribute(Guard.LIMIT_MESSAGE, refusal);
                ctx.req().setAttribute("org.eclipse.jetty.multipartConfig", new MultipartConfigElement(
                        System.getProperty("java.io.tmpdir"), REQUEST_CAP, REQUEST_CAP, 1024 * 1024));
            }
        });
    }

    public void register(RoutesConfig routes) {
        routes.get("/newsroom/media", this::browse);
        routes.post("/newsroom/media", this::upload);
        routes.get("/newsroom/media/{id}", this::show);
        routes.post("/newsroom/media/{id}", this::update);
        routes.post("/newsroom/media/{id}/delete", this::delete);
    }

    private void browse(Context ctx) {
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        Desk desk = Desk.of(ctx, "Media library", "media");
        if (ctx.queryParam("deleted") != null) {
            desk = desk.withNotice("The image and its files are deleted.");
        }
        renderLibrary(ctx, desk, user, Words.EMPTY);
    }

    private void renderLibrary(Context ctx, Desk desk, User user, Words words) {
        String query = field(ctx.queryParam("q"));
        int page = org.masthead.web.PageNumber.parse(ctx.queryParam("page"));
        long total = library.count(query);
        int pageCount = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pageCount) {
            throw HttpError.notFound("The media library has only " + pageCount + " page(s) for this search.");
        }
        templates.render(ctx, "newsroom/media/library.jte", new LibraryPage(desk, user.can(Role.AUTHOR), words, query,
                library.search(query, PAGE_SIZE, (page - 1) * PAGE_SIZE), total, page, pageCount,
                MediaLibrary.MAX_BYTES / (1024 * 1024)));
    }

    private void upload(Context ctx) {
        User user = Guard.require(ctx, Role.AUTHOR);
        Words words = Words.of(ctx);
        UploadedFile file = ctx.uploadedFile("image");
        try {
            List<String> problems = MediaLibrary.problems(words.alt(), words.caption(), words.credit());
            if (file == null || file.size() == 0) {
                throw new MediaRefused(422, "Choose an image file to upload.");
            }
            if (file.size() > MediaLibrary.MAX_BYTES) {
                throw new MediaRefused(413, MediaLibrary.tooLarge(file.size()));
            }
            if (!problems.isEmpty()) {
                throw new MediaRefused(422, String.join(" ", problems));
            }
            var media = library.upload(file.filename(), bytes(file), words.alt(), words.caption(), words.credit(), user);
            ctx.redirect("/newsroom/media/" + media.id() + "?uploaded=1", HttpStatus.SEE_OTHER);
        } catch (MediaRefused refused) {
            ctx.status(refused.status());
            String again = file == null || file.size() == 0 ? "" : " Choose the file again: browsers do not keep it.";
            renderLibrary(ctx, Desk.of(ctx, "Media library", "media")
                    .withErrors(List.of(refused.getMessage() + again)), user, words);
        }
    }

    private void show(Context ctx) {
        User user = Guard.require(ctx, Role.CONTRIBUTOR);
        LibraryItem item = item(ctx);
        Desk desk = desk(ctx, item);
        if (ctx.queryParam("uploaded") != null) {
            desk = desk.withNotice("The image is uploaded, with its variants for every screen.");
        } else if (ctx.queryParam("saved") != null) {
            desk = desk.withNotice("Your changes are saved.");
        }
        Words words = new Words(item.media().alt(), item.media().caption(), item.media().credit());
        renderImage(ctx, desk, user, item, words);
    }

    private void update(Context ctx) {
        User user = Guard.require(ctx, Role.AUTHOR);
        LibraryItem item = item(ctx);
        Words words = Words.of(ctx);
        try {
            library.update(item, words.alt(), words.caption(), words.credit(), user);
            ctx.redirect("/newsroom/media/" + item.media().id() + "?saved=1", HttpStatus.SEE_OTHER);
        } catch (MediaRefused refused) {
            ctx.status(refused.status());
            renderImage(ctx, desk(ctx, item).withErrors(List.of(refused.getMessage())), user, item, words);
        }
    }

    private void delete(Context ctx) {
        User user = Guard.require(ctx, Role.AUTHOR);
        LibraryItem item = item(ctx);
        try {
            library.delete(item, user);
            ctx.redirect("/newsroom/media?deleted=1", HttpStatus.SEE_OTHER);
        } catch (MediaRefused refused) {
            ctx.status(refused.status());
            Words words = new Words(item.media().alt(), item.media().caption(), item.media().credit());
            renderImage(ctx, desk(ctx, item).withErrors(List.of(refused.getMessage())), user, item, words);
        }
    }

    private void renderImage(Context ctx, Desk desk, User user, LibraryItem item, Words words) {
        templates.render(ctx, "newsroom/media/image.jte", new ImagePage(desk, item, MediaLibrary.canChange(user, item), words,
                library.renditions(item.media()), library.uses(item.media())));
    }

    private static Desk desk(Context ctx, LibraryItem item) {
        return Desk.of(ctx, "Image: " + item.media().fileName(), "media");
    }

    private LibraryItem item(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return library.find(Long.parseLong(raw))
                    .orElseThrow(() -> HttpError.notFound("There is no image " + raw + " in the media library; it may have been deleted."));
        } catch (NumberFormatException e) {
            throw HttpError.notFound("There is no image \"" + raw + "\" in the media library.");
        }
    }

    private static byte[] bytes(UploadedFile file) {
        try (InputStream in = file.content()) {
            return in.readNBytes(MediaLibrary.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    private static String field(Context ctx, String name) {
        return field(ctx.formParam(name));
    }

    private static String field(String value) {
        return value == null ? "" : value.strip();
    }
}
