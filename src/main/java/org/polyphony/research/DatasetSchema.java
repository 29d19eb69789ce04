package org.polyphony.research;

/**
 * What the columns of an upload mean: which holds the sex (or gender) breakdown, which the category it is broken
 * down by, of what kind (country codes are checked against the shared list), which the count of people, and
 * optionally a second category and a second measure each row carries beside its count (a rate or an amount, with
 * its unit).
 */
public record DatasetSchema(
        String sexColumn,
        String categoryColumn,
        CategoryKind categoryKind,
        String countColumn,
        Measure measure,
        String secondCategoryColumn) {

    /** A schema with the count alone. */
    public DatasetSchema(String sexColumn, String categoryColumn, CategoryKind categoryKind, String countColumn) {
        this(sexColumn, categoryColumn, categoryKind, countColumn, null, null);
    }

    /** A schema with one category and a second measure (or none). */
    public DatasetSchema(
            String sexColumn, String categoryColumn, CategoryKind categoryKind, String countColumn, Measure measure) {
        this(sexColumn, categoryColumn, categoryKind, countColumn, measure, null);
    }

    /**
     * Whether the rows are broken down by a second category too (an age group, a sector, a migration status beside
     * the country): each pair of values is then a row of the one protected table, which is the only aggregation
     * published, so no two views of the data can be subtracted (no map or line of the first category alone).
     */
    public boolean twoCategories() {
        return secondCategoryColumn != null;
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
