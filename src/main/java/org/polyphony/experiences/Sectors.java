package org.polyphony.experiences;

import java.util.List;

/** Sectors of work a story can name; their names are in the message bundles ({@code story.sector.<code>}). */
final class Sectors {

    static final List<String> CODES = List.of(
            "agriculture",
            "construction",
            "domestic-work",
            "care-health",
            "hospitality",
            "manufacturing",
            "transport",
            "seafaring",
            "trade",
            "education",
            "technology",
            "public-service",
            "other");

    private Sectors() {}
}
