package org.polyphony.people;

import java.util.List;
import org.polyphony.translation.Shown;

/**
 * An organisation as everyone sees it.
 *
 * @param description the description to show the reader (a translation where one is ready), with its label
 */
public record OrganisationView(
        OrganisationId id,
        String name,
        OrganisationType type,
        List<String> countries,
        List<String> regions,
        List<String> themes,
        List<String> languages,
        String website,
        Shown description,
        int members) {}
