package org.polyphony.antennas;

public enum MeetingKind {
    REGIONAL,
    INTER_REGIONAL,
    CIVIL_SOCIETY_DAYS
}
