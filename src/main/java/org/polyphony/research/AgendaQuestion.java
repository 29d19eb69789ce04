package org.polyphony.research;

import java.util.List;

/**
 * A research question as the agenda page shows it: its support, whether the reader supports it, and the opinion
 * groups' views on it (in the reader's language) once the conversation has been analysed.
 */
public record AgendaQuestion(long id, String text, long supporters, boolean supportedByReader, List<String> views) {}
