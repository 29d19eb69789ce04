package org.polyphony.followup;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What shows progress on a commitment: a definition, a unit, a baseline and a target, each with its date. */
public record Indicator(
        long id,
        String name,
        String definition,
        String unit,
        BigDecimal baselineValue,
        LocalDate baselineOn,
        BigDecimal targetValue,
        LocalDate targetOn,
        String source) {}
