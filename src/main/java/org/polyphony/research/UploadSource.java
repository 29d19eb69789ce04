package org.polyphony.research;

import java.io.InputStream;
import java.util.Locale;

/** Chooses the reader of an upload by its name: .xlsx through the spreadsheet reader, anything else as CSV. */
final class UploadSource {

    private UploadSource() {}

    static Datasets.Source of(String fileName, InputStream in) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) return XlsxValidation.source(in);
        return Datasets.csv(in);
    }
}
