package org.polyphony.antennas;

import jakarta.validation.constraints.Size;

/**
 * After a meeting: its minutes (Markdown), outcomes (one a line) and attendance counts, one "category: number" a
 * line, by region code and, for people who chose to say, by gender.
 */
public record MinutesForm(
        @Size(max = 50000, message = "{antennas.minutes.length}") String minutes,
        String language,
        @Size(max = 10000, message = "{antennas.outcomes.length}") String outcomes,
        @Size(max = 2000, message = "{antennas.attendance.length}") String byRegion,
        @Size(max = 2000, message = "{antennas.attendance.length}") String byGender) {}
