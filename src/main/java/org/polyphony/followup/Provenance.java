package org.polyphony.followup;

import java.util.Optional;

/**
 * Where a recommendation came from, as a typed link: an organiser's form, a CSV import, a consultation's published
 * outcome (its paragraph's id), or a regional report's key point. Title and URL are kept as they were, so the link
 * reads without the other module.
 */
public record Provenance(Kind kind, Long sourceId, String title, String url) {

    public enum Kind {
        FORM,
        CSV,
        CONSULTATION,
        REPORT
    }

    public static Provenance form() {
        return new Provenance(Kind.FORM, null, null, null);
    }

    public static Provenance csv(String fileName) {
        return new Provenance(Kind.CSV, null, fileName, null);
    }

    /** A local path only: a provenance never links away from the site. */
    public Optional<String> localUrl() {
        return url != null && url.startsWith("/") && !url.startsWith("//") ? Optional.of(url) : Optional.empty();
    }
}
