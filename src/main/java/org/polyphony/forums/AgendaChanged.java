package org.polyphony.forums;

/** Published when an edition, roundtable or session changes (names, status, agenda): pages quoting them refresh. */
public record AgendaChanged() {}
