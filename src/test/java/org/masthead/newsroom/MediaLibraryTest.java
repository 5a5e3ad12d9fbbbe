package org.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.masthead.App;
import org.masthead.TestSites;
import org.masthead.TestSites.Kind;
import org.masthead.config.Config;
import org.masthead.content.ArticleEdit;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleStore;
import org.masthead.content.Markdown;
import org.masthead.content.Media;
import org.masthead.content.MediaResolver;
import org.masthead.content.PageStore;
import org.masthead.content.SectionStore;
import org.masthead.content.SettingsStore;
import org.masthead.media.MediaLibrary;
import org.masthead.media.TestImages;
import org.masthead.accounts.Role;
import org.masthead.accounts.UserStore;

/** The media library over HTTP: uploads of every format, refusals, search, deletion and who may do what. */
class MediaLibraryTest {
    private static final String PASSWORD = "harbour-lights-42";
    private static final Map<String, String> WORDS = Map.of("alt", "Fishing boats at dawn", "caption", "The harbour wakes up.",
            "credit", "Photo: Ana Lind");

    private record Site(App app, Config config) implements AutoCloseable {
        Path media(String fileName) {
            return config.mediaDir().resolve(fileName);
        }

        @Override
        public void close() {
            app.close();
        }
    }

    private static Site site(Kind kind) {
        Config config = TestSites.config(kind);
        return new Site(App.create(config).start(), config);
    }

    private static NewsroomClient signedIn(Site site, String email, Role role) {
        new UserStore(site.app().database()).add(new UserStore.NewUser(email, "Test " + role.label() + " " + email.charAt(0),
                role.name(), PASSWORD, PASSWORD));
        NewsroomClient client = new NewsroomClient(site.app());
        assertThat(client.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    private static HttpResponse<String> upload(NewsroomClient client, String fileName, String type, byte[] bytes,
                                               Map<String, String> words) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("_csrf", client.csrfToken("/newsroom/media", "/newsroom/media"));
        fields.putAll(words);
        return client.postMultipart("/newsroom/media", fields, "image", fileName, type, bytes);
    }

    /** Uploads and follows the redirect to the new image's page; returns its id. */
    private static long uploaded(NewsroomClient client, String fileName, String type, byte[] bytes, Map<String, String> words) {
        HttpResponse<String> response = upload(client, fileName, type, bytes, words);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("location").orElseThrow();
        assertThat(location).matches("/newsroom/media/\\d+\\?uploaded=1");
        return Long.parseLong(location.replaceAll("\\D*(\\d+)\\?.*", "$1"));
    }

    private static Media media(Site site, long id) {
        return new org.masthead.site.SiteQueries(site.app().database(), new SettingsStore(site.app().database())::current,
                new SectionStore(site.app().database())::all).media(site.app().database().read(h ->
                h.createQuery("select file_name from media where id = :id").bind("id", id).mapTo(String.class).one())).orElseThrow();
    }

    private static BufferedImage image(Path file) {
        try {
            return TestImages.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Nu HTML Checker, in-process, finds no error in the page. */
    private static void assertValidHtml(String html) {
        try {
            var validator = new nu.validator.client.EmbeddedValidator();
            validator.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.JSON);
            String report = validator.validate(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(report).contains("\"messages\"").doesNotContain("\"type\":\"error\"");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyFormatIsStoredWithVariantsThatNeverUpscale(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            long jpegId = uploaded(author, "Harbour at Dawn.JPG", "image/jpeg", TestImages.jpeg(2000, 1000), WORDS);
            Media jpeg = media(site, jpegId);
            assertThat(jpeg.fileName()).matches("uploads/\\d{4}/\\d{2}/harbour-at-dawn\\.jpg");
            assertThat(jpeg.widths()).containsExactly(480, 960, 1600);
            for (int w : jpeg.widths()) {
                BufferedImage variant = image(site.media(Media.variantName(jpeg.fileName(), w)));
                assertThat(variant.getWidth()).isEqualTo(w);
                assertThat(variant.getHeight()).isEqualTo(w / 2);
            }
            assertThat(TestSites.get(site.app(), jpeg.variantUrl(960)).statusCode()).isEqualTo(200);
            Document page = author.page("/newsroom/media/" + jpegId + "?uploaded=1");
            assertThat(page.select(".nr-notice").text()).contains("uploaded");
            assertThat(page.select("table td").eachText()).contains("2000 × 1000", "1600 × 800", "480 × 240");
            assertThat(page.selectFirst("#alt").val()).isEqualTo("Fishing boats at dawn");

            // The same name again gets a name of its own.
            long again = uploaded(author, "harbour at dawn.jpg", "image/jpeg", TestImages.jpeg(600, 300), WORDS);
            assertThat(media(site, again).fileName()).endsWith("/harbour-at-dawn-2.jpg");

            Media png = media(site, uploaded(author, "logo.png", "image/png", TestImages.transparentPng(1000, 500), WORDS));
            assertThat(png.contentType()).isEqualTo("image/png");
            assertThat(png.widths()).containsExactly(480, 960, 1000);
            BufferedImage pngVariant = image(site.media(Media.variantName(png.fileName(), 480)));
            assertThat(pngVariant.getColorModel().hasAlpha()).isTrue();
            assertThat(pngVariant.getRGB(10, 0) >>> 24).isLessThan(0xff);

            Media gif = media(site, uploaded(author, "chart.gif", "image/gif", TestImages.gif(600, 300), WORDS));
            assertThat(gif.fileName()).endsWith("/chart.png"); // a still GIF is kept as lossless PNG
            assertThat(gif.widths()).containsExactly(480, 600);
            assertThat(image(site.media(Media.variantName(gif.fileName(), 480))).getWidth()).isEqualTo(480);

            Media animated = media(site, uploaded(author, "spinner.gif", "image/gif", TestImages.animatedGif(64, 64), WORDS));
            assertThat(animated.fileName()).endsWith("/spinner.gif");
            assertThat(animated.widths()).isEmpty();
            assertThat(animated.url(480)).isEqualTo("/media/" + animated.fileName());
            assertThat(site.media(animated.fileName())).hasBinaryContent(TestImages.animatedGif(64, 64));

            Media webp = media(site, uploaded(author, "pixel.webp", "image/webp", TestImages.WEBP, WORDS));
            assertThat(webp.width()).isEqualTo(1);
            assertThat(webp.widths()).containsExactly(1);
            assertThat(webp.fileName()).matches(".*/pixel\\.(jpg|png)");
            assertThat(image(site.media(Media.variantName(webp.fileName(), 1))).getWidth()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void exifOrientationTurnsThePhotoUpright(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            Media photo = media(site, uploaded(author, "phone.jpg", "image/jpeg", TestImages.jpegWithOrientation(40, 20, 6), WORDS));
            assertThat(photo.width()).isEqualTo(20);
            assertThat(photo.height()).isEqualTo(40);
            BufferedImage variant = image(site.media(Media.variantName(photo.fileName(), 20)));
            assertThat(variant.getWidth()).isEqualTo(20);
            assertThat(variant.getHeight()).isEqualTo(40);
            assertThat((variant.getRGB(10, 5) >> 16) & 0xff).isGreaterThan(200); // the red left half is now on top
            assertThat(variant.getRGB(10, 35) & 0xff).isGreaterThan(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPhonePhotosGpsPositionNeverReachesTheSite(Kind kind) throws IOException {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            for (int orientation : new int[] {1, 6}) {
                byte[] upload = TestImages.jpegWithCameraMetadata(1200, 800, orientation);
                Media photo = media(site, uploaded(author, "pier.jpg", "image/jpeg", upload, WORDS));
                assertThat(photo.width()).isEqualTo(orientation == 1 ? 1200 : 800);
                List<String> files = new java.util.ArrayList<>(List.of(photo.fileName()));
                photo.widths().forEach(w -> files.add(Media.variantName(photo.fileName(), w)));
                for (String file : files) {
                    String stored = new String(Files.readAllBytes(site.media(file)), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(stored).as(file).doesNotContain("Exif", "StaffPhone", "xmpmeta", TestImages.SECRET);
                    assertThat(image(site.media(file)).getWidth()).as(file).isGreaterThan(0);
                }
                var served = TestSites.send(site.app(), HttpRequest.newBuilder(
                        author.uri("/media/" + photo.fileName())).GET());
                assertThat(served.statusCode()).isEqualTo(200);
                assertThat(served.body()).doesNotContain("Exif", "StaffPhone", TestImages.SECRET);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void wrongFilesAndOversizeUploadsAreRefusedKeepingTheWords(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            HttpResponse<String> text = upload(author, "notes.jpg", "image/jpeg",
                    "Meeting notes, not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8), WORDS);
            assertThat(text.statusCode()).isEqualTo(422);
            Document kept = Jsoup.parse(text.body());
            assertThat(kept.select(".nr-errors").text()).contains("This file is not a JPEG, PNG, WebP or GIF image.");
            assertThat(kept.selectFirst("#alt").val()).isEqualTo("Fishing boats at dawn");
            assertThat(kept.selectFirst("#caption").val()).isEqualTo("The harbour wakes up.");
            assertThat(kept.selectFirst("#credit").val()).isEqualTo("Photo: Ana Lind");

            HttpResponse<String> noAlt = upload(author, "a.jpg", "image/jpeg", TestImages.jpeg(100, 50),
                    Map.of("alt", " ", "caption", "Kept caption", "credit", ""));
            assertThat(noAlt.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(noAlt.body()).select(".nr-errors").text()).contains("alt text");
            assertThat(Jsoup.parse(noAlt.body()).selectFirst("#caption").val()).isEqualTo("Kept caption");

            byte[] big = new byte[MediaLibrary.MAX_BYTES + 1];
            System.arraycopy(TestImages.jpeg(10, 10), 0, big, 0, 100);
            HttpResponse<String> tooBig = upload(author, "huge.jpg", "image/jpeg", big, WORDS);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            Document bigPage = Jsoup.parse(tooBig.body());
            assertThat(bigPage.select(".nr-errors").text()).contains("images may be up to 10 MB");
            assertThat(bigPage.selectFirst("#credit").val()).isEqualTo("Photo: Ana Lind");

            // Far over the limit, the body is not even read: the client that waits for "100 Continue" sends nothing.
            HttpResponse<String> huge = author.send(HttpRequest.newBuilder(author.uri("/newsroom/media")).expectContinue(true)
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[40 * 1024 * 1024])));
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(Jsoup.parse(huge.body()).text()).contains("images may be up to 10 MB");

            // Sent in chunks, with no length announced, the limit holds while reading.
            HttpResponse<String> chunked = author.send(HttpRequest.newBuilder(author.uri("/newsroom/media"))
                    .header("Content-Type", "multipart/form-data; boundary=x")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(
                            ("--x\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n"
                                    + "a".repeat(32 * 1024 * 1024)).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(Jsoup.parse(chunked.body()).text()).contains("images may be up to 10 MB");

            long rows = site.app().database().read(h -> h.createQuery("select count(*) from media").mapTo(Long.class).one());
            assertThat(rows).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void searchFindsImagesByTheirWordsAndPages(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            uploaded(author, "boats.jpg", "image/jpeg", TestImages.jpeg(100, 50), WORDS);
            uploaded(author, "tower.jpg", "image/jpeg", TestImages.jpeg(100, 50),
                    Map.of("alt", "The old lighthouse in fog", "caption", "", "credit", "Courier archive 100%"));
            Document byAlt = author.page("/newsroom/media?q=LIGHTHOUSE");
            assertThat(byAlt.select(".nr-media-grid img").eachAttr("alt")).containsExactly("The old lighthouse in fog");
            assertThat(author.page("/newsroom/media?q=ana+lind").select(".nr-media-grid img").eachAttr("alt"))
                    .containsExactly("Fishing boats at dawn");
            assertThat(author.page("/newsroom/media?q=100%25").select(".nr-media-grid li")).hasSize(1);
            assertThat(author.page("/newsroom/media?q=boats.jpg").select(".nr-media-name").text()).contains("boats.jpg");
            assertThat(author.page("/newsroom/media?q=zebra").select(".nr-media-grid li")).isEmpty();
            assertThat(author.page("/newsroom/media").select(".nr-media-grid li")).hasSize(2);
            assertThat(author.get("/newsroom/media?page=2").statusCode()).isEqualTo(404);
            assertValidHtml(author.get("/newsroom/media").body());
            assertValidHtml(author.get(byAlt.selectFirst(".nr-media-grid a").attr("href")).body());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anImageInUseCannotBeDeletedAndAnUnusedOneGoesWithItsFiles(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient editor = signedIn(site, "ruth@courier.example", Role.EDITOR);
            long featured = uploaded(editor, "boats.jpg", "image/jpeg", TestImages.jpeg(1000, 500), WORDS);
            long inText = uploaded(editor, "tower.jpg", "image/jpeg", TestImages.jpeg(1000, 500), WORDS);
            long unused = uploaded(editor, "spare.jpg", "image/jpeg", TestImages.jpeg(1000, 500), WORDS);
            Media tower = media(site, inText);
            Markdown markdown = new Markdown(MediaResolver.NONE);
            site.app().database().write(tx -> {
                long section = new SectionStore(site.app().database()).add(tx, "city", "City", "", null, 1);
                new ArticleStore(markdown).create(tx, ArticleEdit.of("night-buses", "Night buses return", "", "Text.", section,
                        ArticleStatus.PUBLISHED, Instant.now()).withImage(featured), ArticleEdit.By.SYSTEM);
                return new PageStore(markdown).add(tx, "about", "About us",
                        "Our office:\n\n![The tower](" + tower.variantUrl(480) + ")\n");
            });

            Document inUse = editor.page("/newsroom/media/" + featured);
            assertThat(inUse.select("form[action$=/delete]")).isEmpty(); // the page offers no delete button while in use
            assertThat(inUse.select(".nr-uses li").eachText()).containsExactly("Featured image of the article: Night buses return");
            HttpResponse<String> forced = editor.post("/newsroom/media/" + featured + "/delete",
                    Map.of("_csrf", editor.csrfToken("/newsroom/media", "/newsroom/media")));
            assertThat(forced.statusCode()).isEqualTo(409);
            assertThat(Jsoup.parse(forced.body()).select(".nr-errors").text())
                    .contains("still in use", "featured image of the article “Night buses return”");
            assertThat(site.media(media(site, featured).fileName())).exists();
            assertThat(editor.page("/newsroom/media/" + inText).select(".nr-uses li").eachText())
                    .containsExactly("In the text of the page: About us");

            Media spare = media(site, unused);
            HttpResponse<String> deleted = editor.submit("/newsroom/media/" + unused, "/newsroom/media/" + unused + "/delete", Map.of());
            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(deleted.headers().firstValue("location")).hasValue("/newsroom/media?deleted=1");
            assertThat(site.media(spare.fileName())).doesNotExist();
            for (int w : spare.widths()) {
                assertThat(site.media(Media.variantName(spare.fileName(), w))).doesNotExist();
            }
            assertThat(editor.get("/newsroom/media/" + unused).statusCode()).isEqualTo(404);
            assertThat(TestSites.get(site.app(), spare.variantUrl(480)).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void contributorsBrowseAuthorsChangeTheirOwnEditorsChangeAll(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient contributor = signedIn(site, "sam@courier.example", Role.CONTRIBUTOR);
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            NewsroomClient otherAuthor = signedIn(site, "iris@courier.example", Role.AUTHOR);
            NewsroomClient editor = signedIn(site, "ruth@courier.example", Role.EDITOR);

            Document browse = contributor.page("/newsroom/media");
            assertThat(browse.select("form[action=/newsroom/media][method=post]")).isEmpty();
            assertThat(browse.select(".nr-header nav a").eachText()).contains("Media");
            HttpResponse<String> contributorUpload = contributor.postMultipart("/newsroom/media",
                    Map.of("_csrf", contributor.csrfToken("/newsroom/account", "/newsroom/account"), "alt", "x"),
                    "image", "a.jpg", "image/jpeg", TestImages.jpeg(50, 50));
            assertThat(contributorUpload.statusCode()).isEqualTo(403);

            long id = uploaded(author, "boats.jpg", "image/jpeg", TestImages.jpeg(100, 50), WORDS);
            String path = "/newsroom/media/" + id;
            assertThat(otherAuthor.page(path).select("form[action=" + path + "]")).isEmpty();
            HttpResponse<String> foreign = otherAuthor.post(path, Map.of("_csrf", otherAuthor.csrfToken("/newsroom/media",
                    "/newsroom/media"), "alt", "Hijacked", "caption", "", "credit", ""));
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(otherAuthor.post(path + "/delete", Map.of("_csrf", otherAuthor.csrfToken("/newsroom/media",
                    "/newsroom/media"))).statusCode()).isEqualTo(403);

            HttpResponse<String> blank = author.submit(path, path, Map.of("alt", "", "caption", "New caption", "credit", ""));
            assertThat(blank.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(blank.body()).selectFirst("#caption").val()).isEqualTo("New caption");
            HttpResponse<String> own = author.submit(path, path, Map.of("alt", "Boats in the harbour", "caption", "", "credit", "Ana"));
            assertThat(own.statusCode()).isEqualTo(303);
            assertThat(author.page(path + "?saved=1").selectFirst("#alt").val()).isEqualTo("Boats in the harbour");

            HttpResponse<String> byEditor = editor.submit(path, path, Map.of("alt", "Edited by the desk", "caption", "", "credit", ""));
            assertThat(byEditor.statusCode()).isEqualTo(303);
            assertThat(media(site, id).alt()).isEqualTo("Edited by the desk");
            assertThat(editor.submit(path, path + "/delete", Map.of()).statusCode()).isEqualTo(303);

            NewsroomClient admin = signedIn(site, "admin@courier.example", Role.ADMIN);
            assertThat(admin.page("/newsroom/audit").select("td").eachText())
                    .contains("uploaded an image", "edited an image", "deleted an image");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aForgedUploadWithoutTheTokenIsRefused(Kind kind) {
        try (Site site = site(kind)) {
            NewsroomClient author = signedIn(site, "kofi@courier.example", Role.AUTHOR);
            HttpResponse<String> forged = author.postMultipart("/newsroom/media", WORDS, "image", "boats.jpg", "image/jpeg",
                    TestImages.jpeg(100, 50));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(forged.body()).text()).contains("security token");
            assertThat(author.page("/newsroom/media").select(".nr-media-grid li")).isEmpty();
            try (var files = Files.walk(site.config().mediaDir())) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
