package org.polyphony.opinions.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One CSV file of a Pol.is export with a header row: columns found by name, so either Pol.is layout reads. */
final class PolisTable implements AutoCloseable {

    private final String file;
    private final CsvReader reader;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();

    private PolisTable(String file, CsvReader reader, List<String> header) {
        this.file = file;
        this.reader = reader;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).trim(), i);
        }
    }

    static PolisTable open(Path folder, String file) throws IOException, PolisCsvException {
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new PolisCsvException(file, 0, "missing from " + folder);
        }
        CsvReader reader = new CsvReader(CsvReader.utf8(path), file);
        CsvReader.Row header = reader.next();
        if (header == null) {
            reader.close();
            throw new PolisCsvException(file, 0, "empty, expected a header row");
        }
        return new PolisTable(file, reader, header.fields());
    }

    String file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    int column(String name) throws PolisCsvException {
        Integer index = columns.get(name);
        if (index == null) {
            throw new PolisCsvException(file, 1, "missing column '" + name + "'");
        }
        return index;
    }

    /** Index of a column, or -1 when this layout has none. */
    int optionalColumn(String name) {
        return columns.getOrDefault(name, -1);
    }

    /** The next record, which must have as many fields as the header; null at the end. */
    CsvReader.Row next() throws IOException, PolisCsvException {
        CsvReader.Row row = reader.next();
        if (row != null && row.fields().size() != header.size()) {
            throw error(
                    row,
                    "expected " + header.size() + " fields as in the header, found "
                            + row.fields().size());
        }
        return row;
    }

    PolisCsvException error(CsvReader.Row row, String problem) {
        return new PolisCsvException(file, row.line(), problem);
    }

    long wholeNumber(CsvReader.Row row, int column) throws PolisCsvException {
        String raw = row.fields().get(column);
        for (int i = 0; i < raw.length(); i++) {
            // trim() would drop a NUL or other control character and read what follows as the number
            if (Character.isISOControl(raw.charAt(i)) && raw.charAt(i) != '\t') {
                throw error(
                        row,
                        header.get(column) + " must be a whole number, found the control character U+"
                                + String.format("%04X", (int) raw.charAt(i)));
            }
        }
        String text = raw.trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(row, header.get(column) + " must be a whole number, found '" + text + "'");
        }
    }

    int vote(CsvReader.Row row, int column) throws PolisCsvException {
        long vote = wholeNumber(row, column);
        if (vote < -1 || vote > 1) {
            throw error(row, header.get(column) + " must be -1, 0 or 1, found " + vote);
        }
        return (int) vote;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
