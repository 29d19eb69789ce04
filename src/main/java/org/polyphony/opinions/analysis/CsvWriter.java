package org.polyphony.opinions.analysis;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 output: a field is quoted only when it holds a comma, a quote or a line break; lines end in LF. */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escaped(fields.get(i)));
        }
        out.write('\n');
    }

    static String escaped(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
