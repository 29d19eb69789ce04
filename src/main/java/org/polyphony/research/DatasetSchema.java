package org.polyphony.research;

/**
 * What the columns of an upload mean: which holds the sex (or gender) breakdown, which the category it is broken
 * down by, of what kind (country codes are checked against the shared list), and which the count of people.
 */
public record DatasetSchema(String sexColumn, String categoryColumn, CategoryKind categoryKind, String countColumn) {

    public enum CategoryKind {
        COUNTRY,
        YEAR,
        OTHER
    }
}
