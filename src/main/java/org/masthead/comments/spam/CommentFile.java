package org.masthead.comments.spam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A CSV file of labelled comments, UTF-8, with a header naming either {@code text,label}
 * (label {@code spam} or {@code ham}) or the YouTube Spam Collection's {@code CONTENT,CLASS}
 * (1 spam, 0 ham); other columns are ignored, header names match in any case. Anything else
 * is refused with one line that names the file and the line.
 */
public final class CommentFile {
    private final Path path;
    /** A file on the classpath instead of {@code path}: the starter comments shipped in the jar. */
    private final String resource;

    public CommentFile(Path path) {
        this.path = path;
        this.resource = null;
    }

    private CommentFile(String resource) {
        this.path = null;
        this.resource = resource;
    }

    /** A labelled CSV file inside the jar, by its absolute classpath name. */
    static CommentFile resource(String name) {
        return new CommentFile(name);
    }

    /** Hands each labelled comment to {@code each}, in order; returns how many there were. */
    public long forEach(Consumer<LabeledComment> each) {
        if (resource == null && !Files.isRegularFile(path)) {
            throw problem(Files.exists(path) ? "is not a file" : "no such file");
        }
        try (InputStream bytes = open();
                BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            return read(new CsvReader(text), each);
        } catch (CharacterCodingException e) {
            throw problem("is not UTF-8 text");
        } catch (IOException e) {
            throw problem("cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(name()) ? e : problem(e.getMessage());
        }
    }

    private InputStream open() throws IOException {
        if (resource == null) {
            return Files.newInputStream(path);
        }
        InputStream in = CommentFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw problem("is missing from the jar");
        }
        return in;
    }

    private String name() {
        return resource == null ? path.toString() : resource;
    }

    /** Reads the whole file without keeping it, to check it and count its comments. */
    public long count() {
        return forEach(comment -> { });
    }

    private long read(CsvReader csv, Consumer<LabeledComment> each) throws IOException {
        List<String> header = csv.next();
        if (header == null) {
            throw problem("is empty; it needs a header line with text,label or CONTENT,CLASS");
        }
        if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
            header.set(0, header.getFirst().substring(1));
        }
        Columns columns = Columns.of(header);
        if (columns == null) {
            throw problem("the header needs the columns text,label or CONTENT,CLASS; it has " + String.join(",", header));
        }
        long count = 0;
        for (List<String> record = csv.next(); record != null; record = csv.next()) {
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue;
            }
            if (record.size() <= Math.max(columns.text, columns.label)) {
                throw problem("line " + csv.recordLine() + ": expected " + header.size() + " columns, found " + record.size());
            }
            each.accept(new LabeledComment(record.get(columns.text), columns.spam(record.get(columns.label), csv.recordLine())));
            count++;
        }
        return count;
    }

    private IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(name() + ": " + what);
    }

    /** Where the text and the label are, and how the label reads. */
    private record Columns(int text, int label, String spam, String ham) {
        static Columns of(List<String> header) {
            List<String> names = header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            if (names.contains("text") && names.contains("label")) {
                return new Columns(names.indexOf("text"), names.indexOf("label"), "spam", "ham");
            }
            if (names.contains("content") && names.contains("class")) {
                return new Columns(names.indexOf("content"), names.indexOf("class"), "1", "0");
            }
            return null;
        }

        boolean spam(String value, long line) {
            String label = value.strip().toLowerCase(Locale.ROOT);
            if (label.equals(spam)) {
                return true;
            }
            if (label.equals(ham)) {
                return false;
            }
            throw new IllegalArgumentException("line " + line + ": unknown label \"" + value + "\" (expected "
                    + spam + " or " + ham + ")");
        }
    }
}
