package org.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labelled comment files as people export them: quoted fields, both header styles, and clear refusals. */
class CommentFileTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = Files.createTempFile(dir, "comments", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private List<LabeledComment> read(Path file) {
        List<LabeledComment> comments = new ArrayList<>();
        long count = new CommentFile(file).forEach(comments::add);
        assertThat(count).isEqualTo(comments.size());
        return comments;
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws IOException {
        Path file = file("text,label\r\n"
                + "\"Hello, world\",ham\r\n"
                + "\"first line\nsecond line\",spam\n"
                + "\"she said \"\"subscribe\"\", twice\",SPAM\n"
                + "plain text,ham\n"
                + "\n"
                + "\"\",ham");
        assertThat(read(file)).containsExactly(
                new LabeledComment("Hello, world", false),
                new LabeledComment("first line\nsecond line", true),
                new LabeledComment("she said \"subscribe\", twice", true),
                new LabeledComment("plain text", false),
                new LabeledComment("", false));
    }

    @Test
    void readsTheYouTubeSpamCollectionsColumnsAndIgnoresTheOthers() throws IOException {
        Path file = file("\uFEFFCOMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\n"
                + "z1,\"Doe, Jane\",2014-01-01,\"Check out my channel, please\",1\n"
                + "z2,Sam,2014-01-02,Great song ﻿,0\n");
        assertThat(read(file)).containsExactly(
                new LabeledComment("Check out my channel, please", true),
                new LabeledComment("Great song ﻿", false));
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Path missing = dir.resolve("nowhere.csv");
        assertThatThrownBy(() -> read(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aHeaderWithNeitherColumnSetIsRefused() throws IOException {
        Path file = file("comment,verdict\nhello,ham\n");
        assertThatThrownBy(() -> read(file)).hasMessage(
                file + ": the header needs the columns text,label or CONTENT,CLASS; it has comment,verdict");
        Path empty = file("");
        assertThatThrownBy(() -> read(empty)).hasMessageStartingWith(empty + ": is empty");
    }

    @Test
    void anUnknownLabelNamesTheLine() throws IOException {
        Path file = file("text,label\nfine,ham\n\"two\nlines\",maybe\n");
        assertThatThrownBy(() -> read(file)).hasMessage(file + ": line 3: unknown label \"maybe\" (expected spam or ham)");
        Path youtube = file("CONTENT,CLASS\nhello,2\n");
        assertThatThrownBy(() -> read(youtube)).hasMessage(youtube + ": line 2: unknown label \"2\" (expected 1 or 0)");
    }

    @Test
    void brokenRowsAreRefused() throws IOException {
        Path unclosed = file("text,label\n\"never closed,ham\n");
        assertThatThrownBy(() -> read(unclosed)).hasMessage(unclosed + ": line 2: a quoted field is never closed");
        Path short_ = file("text,label\njust text\n");
        assertThatThrownBy(() -> read(short_)).hasMessage(short_ + ": line 2: expected 2 columns, found 1");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "text,label\ncaf\u00e9,ham\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(latin1)).hasMessage(latin1 + ": is not UTF-8 text");
    }
}
