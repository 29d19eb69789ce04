package org.polyphony.dialogue;

public record PostId(long value) {}
