package org.polyphony.forums;

public record EditionId(@com.fasterxml.jackson.annotation.JsonValue long value) {}
