package org.polyphony.research;

import java.util.List;

/** A publication of the library, as imported or stored. Identifiers are optional; at least a title is not. */
public record Publication(
        Long id,
        String citeKey,
        String kind,
        String title,
        List<String> authors,
        Integer year,
        String language,
        String abstractText,
        String publisher,
        String doi,
        String isbn,
        String url,
        String licence) {

    Publication withId(long newId) {
        return new Publication(
                newId, citeKey, kind, title, authors, year, language, abstractText, publisher, doi, isbn, url, licence);
    }

    public String authorsLine() {
        return String.join("; ", authors);
    }

    /** The identifier a reader follows: the DOI first, then the web address. */
    public String link() {
        if (doi != null && !doi.isBlank()) return "https://doi.org/" + doi;
        return url == null ? null : url;
    }
}
