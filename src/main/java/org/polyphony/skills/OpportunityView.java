package org.polyphony.skills;

import org.polyphony.translation.Shown;

/**
 * An opportunity as a reader sees it: its title and description in the reader's language where a translation is
 * ready, and the organisation's name.
 */
public record OpportunityView(Opportunity opportunity, Shown title, Shown description, String organisationName) {

    public long id() {
        return opportunity.id();
    }
}
