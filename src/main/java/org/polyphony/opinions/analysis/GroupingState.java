package org.polyphony.opinions.analysis;

/** Whether the votes so far were enough to form opinion groups. Pages turn it into words in the reader's language. */
public enum GroupingState {
    GROUPED,
    /** Fewer than two participants, or their votes place them all at one point: no groups yet. */
    NOT_ENOUGH_VOTES
}
