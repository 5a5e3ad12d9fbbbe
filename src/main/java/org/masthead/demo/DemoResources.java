package org.masthead.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the demo files shipped on the classpath, from the jar or from a build folder. */
final class DemoResources {
    private static final String ROOT = "/demo/";

    private DemoResources() {
    }

    static String text(String name) {
        try (InputStream in = DemoResources.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing from the build: " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a "a | b | c" table file, without blank and # lines. */
    static List<List<String>> table(String name) {
        return text(name).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Stream.of(line.split("\\|")).map(String::strip).toList())
                .toList();
    }

    /** The Markdown files of a demo folder, parsed, in file-name order. */
    static synchronized List<FrontMatter> folder(String folder) { // one jar file system open at a time
        URL url = DemoResources.class.getResource(ROOT + folder);
        if (url == null) {
            throw new IllegalStateException("demo folder missing from the build: " + ROOT + folder);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return read(FileSystems.getFileSystem(uri).getPath(ROOT + folder));
                } catch (FileSystemNotFoundException e) {
                    // Opened for this read and closed after it: an open jar file system keeps an index of every class.
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        return read(jar.getPath(ROOT + folder));
                    }
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FrontMatter> read(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .map(p -> {
                        try {
                            return FrontMatter.parse(Files.readString(p), "demo/" + dir.getFileName() + "/" + p.getFileName());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
