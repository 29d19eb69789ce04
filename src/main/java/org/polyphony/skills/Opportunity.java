package org.polyphony.skills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.polyphony.people.OrganisationId;

/** An opportunity as stored; its title and description are shown to readers through {@link OpportunityView}. */
public record Opportunity(
        long id,
        long edition,
        OrganisationId organisation,
        String title,
        String description,
        String occupation,
        List<String> skills,
        List<LanguageLevel> languages,
        String country,
        String place,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal payMin,
        BigDecimal payMax,
        String currency,
        String payPeriod,
        boolean open) {

    Matching.Offer offer() {
        return new Matching.Offer(occupation, skills, languages, country, startsOn);
    }
}
