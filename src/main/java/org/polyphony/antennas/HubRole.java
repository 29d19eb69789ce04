package org.polyphony.antennas;

/** A role held in one hub only: coordinators manage it, rapporteurs write its reports. */
public enum HubRole {
    COORDINATOR,
    RAPPORTEUR
}
