package org.polyphony.research;

/** A dataset as its page shows it: what it counts, where from, under which licence, and how it was made. */
public record Dataset(
        long id,
        String title,
        String source,
        String licence,
        String method,
        DatasetSchema schema,
        int minimumCell,
        boolean demo) {}
