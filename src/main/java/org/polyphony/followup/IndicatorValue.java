package org.polyphony.followup;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated value of an indicator with its source; {@code breakdown} ("sex" or "country") and its value when the
 * source disaggregates it, both null for the total. {@code illustrative}: not a real figure, and labelled so.
 */
public record IndicatorValue(
        long id,
        long indicatorId,
        LocalDate measuredOn,
        BigDecimal value,
        String source,
        String breakdown,
        String breakdownValue,
        boolean illustrative) {

    public boolean total() {
        return breakdown == null;
    }
}
