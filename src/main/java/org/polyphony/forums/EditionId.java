package org.polyphony.forums;

public record EditionId(long value) {}
