package org.polyphony.followup;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text (RFC 4180: commas, double quotes, quoted line breaks) into rows, each with the line it starts on,
 * so that an import's errors can name the line a person sees in their spreadsheet.
 */
final class CsvRows {

    record Row(int line, List<String> cells) {}

    /** Thrown for a quote left open: the line where the broken field began. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line) {
            super("unclosed quote from line " + line, null, false, false);
            this.line = line;
        }
    }

    private CsvRows() {}

    static List<Row> read(String text) throws Malformed {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int quoteLine = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // a CRLF line end: the LF ends the row
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                addUnlessBlank(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(quoteLine);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addUnlessBlank(rows, rowLine, cells);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> cells) {
        if (!(cells.size() == 1 && cells.getFirst().isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
