package org.polyphony.antennas;

/** A report's stage: drafted by the rapporteurs, reviewed by the hub's members, then published for everyone. */
public enum ReportStatus {
    DRAFT,
    REVIEW,
    PUBLISHED
}
