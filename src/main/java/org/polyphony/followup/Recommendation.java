package org.polyphony.followup;

import java.time.Instant;
import java.util.List;

/** A stored recommendation of one forum edition. {@code lineId}: the first recommendation of its line of work. */
public record Recommendation(
        long id,
        long editionId,
        String theme,
        String title,
        String body,
        String language,
        List<String> addressees,
        List<Long> addresseeOrganisations,
        List<String> addresseeCountries,
        List<String> frameworks,
        RecommendationStatus status,
        Provenance provenance,
        Long carriedFrom,
        long lineId,
        Instant createdAt,
        java.time.LocalDate madeOn) {}
