package org.polyphony.antennas;

import java.util.List;

/**
 * A Regional Antenna of a forum edition: a UN M49 region ({@code regionCode}) or a named inter-regional grouping
 * (no code). With {@code membersOnlyPosting}, only its members, coordinators and rapporteurs post in its threads.
 */
public record Hub(
        long id,
        long editionId,
        String regionCode,
        String name,
        String description,
        String language,
        List<String> workingLanguages,
        boolean membersOnlyPosting) {}
