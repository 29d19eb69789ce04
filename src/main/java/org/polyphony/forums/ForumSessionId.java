package org.polyphony.forums;

/** Identifies a session of a roundtable (not an HTTP session). */
public record ForumSessionId(long value) {}
