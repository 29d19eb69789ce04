package org.polyphony.research;

import java.util.List;

/**
 * A publication of the library, as imported or stored. Identifiers are optional; at least a title is not. What it is
 * about: themes in the words of whoever described it, regions (codes of {@code languages.Regions}) and countries
 * (ISO 3166-1 alpha-2 codes); an imported publication is about nothing yet.
 */
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
        String licence,
        List<String> themes,
        List<String> regions,
        List<String> countries) {

    public Publication {
        themes = themes == null ? List.of() : List.copyOf(themes);
        regions = regions == null ? List.of() : List.copyOf(regions);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    /** A publication as the bibliography readers make it: no file says what it is about in our terms. */
    public Publication(
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
        this(
                id,
                citeKey,
                kind,
                title,
                authors,
                year,
                language,
                abstractText,
                publisher,
                doi,
                isbn,
                url,
                licence,
                List.of(),
                List.of(),
                List.of());
    }

    Publication withId(long newId) {
        return new Publication(
                newId,
                citeKey,
                kind,
                title,
                authors,
                year,
                language,
                abstractText,
                publisher,
                doi,
                isbn,
                url,
                licence,
                themes,
                regions,
                countries);
    }

    public String authorsLine() {
        return String.join("; ", authors);
    }

    /** The identifier a reader follows: the DOI first, then the web address. */
    public String link() {
        if (doi != null && !doi.isBlank()) return "https://doi.org/" + doi;
        return url == null ? null : url;
    }

    /** Whether anything says what it is about, so that a page can leave the whole list out otherwise. */
    public boolean described() {
        return !themes.isEmpty() || !regions.isEmpty() || !countries.isEmpty();
    }
}
