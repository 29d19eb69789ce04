package org.polyphony.followup;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment to act on a recommendation: of an organisation of the directory, or of a state (a country code). */
public record Commitment(
        long id,
        long recommendationId,
        Long organisationId,
        String stateCountry,
        String action,
        LocalDate dueOn,
        String responsible,
        Long indicatorId,
        Instant createdAt) {}
