package org.polyphony.dialogue;

public record PostId(@com.fasterxml.jackson.annotation.JsonValue long value) {}
