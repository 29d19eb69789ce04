package org.polyphony.experiences;

/** A story of "Sharing experiences". */
public record StoryId(long value) {}
