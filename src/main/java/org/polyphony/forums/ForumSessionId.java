package org.polyphony.forums;

/** Identifies a session of a roundtable (not an HTTP session). */
public record ForumSessionId(@com.fasterxml.jackson.annotation.JsonValue long value) {}
