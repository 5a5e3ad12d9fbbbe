package org.masthead.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The site's own style sheets, scripts and icon, the jar's {@code /static} folder, served at
 * {@code /static/NAME}. Each file is read from the class path the first time it is asked for and
 * kept as {@link KeptBytes}: compressed once, answered by Accept-Encoding with a strong ETag and
 * 304. Read through the class loader's own open jar, the folder costs the heap its few kilobytes,
 * where a mounted jar file system costs it the index of every class in the jar.
 */
public final class StaticFiles {
    public static final String CACHE_CONTROL = "public, max-age=3600";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.([a-z0-9]{2,5})");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");
    private final String folder;
    /** Only names that matched {@link #NAME} and a known type get here, found or not: the map cannot grow past the folder. */
    private final Map<String, Optional<KeptBytes>> files = new ConcurrentHashMap<>();

    /** The files of {@code folder} on the class path, such as "/static". */
    public StaticFiles(String folder) {
        this.folder = folder;
    }

    public void register(RoutesConfig routes) {
        routes.get(folder + "/{name}", this::serve);
        routes.head(folder + "/{name}", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        file(ctx.pathParam("name")).orElseThrow(() -> HttpError.notFound("There is no such file."))
                .send(ctx, CACHE_CONTROL);
    }

    /** The kept file of that name; empty when the folder has none (or the name could not be one of its files). */
    Optional<KeptBytes> file(String name) {
        Optional<KeptBytes> kept = files.get(name);
        if (kept != null) {
            return kept;
        }
        var matched = NAME.matcher(name);
        if (!matched.matches() || !TYPES.containsKey(matched.group(1))) {
            return Optional.empty();
        }
        return files.computeIfAbsent(name, n -> read(n, TYPES.get(matched.group(1))));
    }

    private Optional<KeptBytes> read(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(folder + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(KeptBytes.of(bytes, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
