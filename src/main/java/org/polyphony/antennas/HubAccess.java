package org.polyphony.antennas;

import java.util.Set;

/**
 * What the person making a request may do in one hub. Organisers (the Coordinating Office) create hubs and
 * appoint their people; coordinators manage a hub; only its rapporteurs write its reports; drafts are seen by
 * coordinators and rapporteurs, drafts under review by the members too.
 */
public record HubAccess(boolean signedIn, boolean organiser, Set<HubRole> roles, boolean member, boolean requested) {

    static HubAccess nobody() {
        return new HubAccess(false, false, Set.of(), false, false);
    }

    public boolean manages() {
        return organiser || roles.contains(HubRole.COORDINATOR);
    }

    public boolean reports() {
        return roles.contains(HubRole.RAPPORTEUR);
    }

    /** Members, coordinators and rapporteurs: the people of the hub. */
    public boolean belongs() {
        return member || !roles.isEmpty();
    }

    public boolean seesDrafts() {
        return roles.contains(HubRole.COORDINATOR) || reports();
    }
}
