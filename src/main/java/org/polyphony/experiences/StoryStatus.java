package org.polyphony.experiences;

/** Where a story stands: waiting for a moderator, readable by all, or turned down. */
public enum StoryStatus {
    PENDING,
    PUBLISHED,
    REJECTED
}
