package org.polyphony.antennas;

public enum MeetingMode {
    IN_PERSON,
    ONLINE,
    HYBRID
}
