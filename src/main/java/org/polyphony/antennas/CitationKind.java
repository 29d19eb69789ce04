package org.polyphony.antennas;

/** What a citation points to. */
public enum CitationKind {
    POST,
    THREAD,
    STORY,
    /** An opinion conversation's result: a group's representative statement or a consensus statement. */
    OPINION,
    MINUTES,
    OUTCOME,
    /** A work another module keeps (a publication of the research library), resolved through {@link CitedWorks}. */
    PUBLICATION
}
