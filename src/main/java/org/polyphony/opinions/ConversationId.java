package org.polyphony.opinions;

/** A conversation attached to a forum session. */
public record ConversationId(long value) {}
