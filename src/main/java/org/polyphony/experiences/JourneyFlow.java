package org.polyphony.experiences;

import org.polyphony.languages.Countries;

/** Stories whose author came from {@code origin} and lives in {@code residence} (ISO 3166-1 alpha-2 codes). */
record JourneyFlow(String origin, String residence, int stories) {

    JourneyFlow {
        origin = Countries.require(origin);
        residence = Countries.require(residence);
        if (stories < 0) {
            throw new IllegalArgumentException("a route cannot have " + stories + " stories");
        }
    }

    boolean sameRouteAs(JourneyFlow other) {
        return origin.equals(other.origin) && residence.equals(other.residence);
    }
}
