package org.polyphony.dialogue;

public record ThreadId(long value) {}
