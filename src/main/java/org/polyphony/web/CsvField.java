package org.polyphony.web;

/** A field of an open-data CSV file (RFC 4180), safe to open in a spreadsheet. */
public final class CsvField {

    private CsvField() {}

    /** Quotes a field; a leading =, +, -, @, tab or CR gets a ' first, so spreadsheets do not run it as a formula. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
