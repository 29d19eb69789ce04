package org.polyphony.opinions.analysis;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a stream, each with the line it starts on. Written here rather than taken from a library
 * because the errors must name the physical line of a record whose quoted fields span several lines, and the whole
 * grammar is forty lines. Tolerates a byte-order mark, CRLF line ends and blank lines; a quote inside an unquoted
 * field, text after a closing quote, or a quote never closed is an error.
 */
final class CsvReader implements Closeable {

    /** A record and the line it starts on, counting from 1. */
    record Row(int line, List<String> fields) {}

    private final Reader in;
    private final String file;
    private int line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in, String file) throws IOException {
        this.in = in;
        this.file = file;
        int first = in.read();
        if (first != '\uFEFF') {
            pushedBack = first;
        }
    }

    /** The next non-blank record, or null at the end. */
    Row next() throws IOException, PolisCsvException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            pushedBack = c;
            return record();
        }
    }

    private Row record() throws IOException, PolisCsvException {
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterClosingQuote = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new PolisCsvException(file, start, "a quoted field is never closed");
                } else if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        pushedBack = following;
                        quoted = false;
                        afterClosingQuote = true;
                    }
                } else if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        pushedBack = following;
                    }
                    line++;
                    field.append('\n'); // a line break inside a field is kept as LF whatever the file's line ends
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        pushedBack = following;
                    }
                    c = '\n';
                }
                if (c == '\n') {
                    line++;
                }
                if (c != ',') {
                    return new Row(start, fields);
                }
            } else if (afterClosingQuote) {
                throw new PolisCsvException(file, line, "text after a closing quote in field " + (fields.size() + 1));
            } else if (c == '"') {
                if (!field.isEmpty()) {
                    throw new PolisCsvException(file, line, "a quote inside unquoted field " + (fields.size() + 1));
                }
                quoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException, PolisCsvException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = in.read();
        }
        if (c == NOT_UTF8) {
            throw new PolisCsvException(file, line, "bytes that are not UTF-8 text");
        }
        return c;
    }

    /**
     * Bytes that are not UTF-8 are decoded to this noncharacter rather than thrown at once: a decoder that reports
     * them does so when it fills its buffer, thousands of characters ahead, so the file and line would be lost.
     */
    static final char NOT_UTF8 = '\uFFFF';

    /** A file as UTF-8 text whose undecodable bytes {@link #read} refuses with their line. */
    static Reader utf8(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(NOT_UTF8));
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), decoder));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
