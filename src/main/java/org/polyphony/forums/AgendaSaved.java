package org.polyphony.forums;

/**
 * Published once a change to an edition, roundtable or session (names, summary, status, agenda) is committed and the
 * cached agendas are forgotten, so a listener reads what was saved. {@link AgendaChanged} comes earlier, while the
 * change is being made.
 */
public record AgendaSaved() {}
