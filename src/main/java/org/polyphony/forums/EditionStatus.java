package org.polyphony.forums;

/** Where an edition stands: only organisers see one in preparation; an archived one is read-only. */
public enum EditionStatus {
    PREPARATION,
    OPEN,
    ARCHIVED
}
