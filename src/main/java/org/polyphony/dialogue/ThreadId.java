package org.polyphony.dialogue;

public record ThreadId(@com.fasterxml.jackson.annotation.JsonValue long value) {}
