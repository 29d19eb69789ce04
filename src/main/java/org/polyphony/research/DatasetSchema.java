package org.polyphony.research;

/**
 * What the columns of an upload mean: which holds the sex (or gender) breakdown, which the category it is broken
 * down by, of what kind (country codes are checked against the shared list), which the count of people, and
 * optionally a second measure each row carries beside its count (a rate or an amount, with its unit).
 */
public record DatasetSchema(
        String sexColumn, String categoryColumn, CategoryKind categoryKind, String countColumn, Measure measure) {

    /** A schema with the count alone. */
    public DatasetSchema(String sexColumn, String categoryColumn, CategoryKind categoryKind, String countColumn) {
        this(sexColumn, categoryColumn, categoryKind, countColumn, null);
    }

    public enum CategoryKind {
        COUNTRY,
        YEAR,
        OTHER
    }

    /**
     * How a second measure combines when rows fall in one cell: a rate is averaged, weighted by the rows' counts (an
     * employment rate of 10 people weighs ten times one of 1); an amount is added up (remittances, wages paid).
     */
    public enum MeasureKind {
        RATE,
        AMOUNT
    }

    /** A second measure: its column, how it combines, and its unit as the uploader wrote it ("%", "USD"). */
    public record Measure(String column, MeasureKind kind, String unit) {}

    public boolean measured() {
        return measure != null;
    }
}
