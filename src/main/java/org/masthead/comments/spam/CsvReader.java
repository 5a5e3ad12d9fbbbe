package org.masthead.comments.spam;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180): fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and doubled quotes ({@code ""} for one quote).
 * Text after a closing quote is kept as it is, as spreadsheets do.
 */
final class CsvReader {
    private final Reader in;
    private int peeked = -2;
    private long line = 1;
    private long recordLine;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The line the last record returned by {@link #next} started on, counting from 1. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IllegalArgumentException("line " + recordLine + ": a quoted field is never closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n' || c == -1) {
                break;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }
}
