package org.polyphony.research;

import java.util.List;

/** What an import read: the publications it accepted and each entry it refused, named with its reason. */
public record ImportResult(List<Publication> accepted, List<Refusal> refused) {

    /** A refused entry: its key (or "?"), the line it starts on, and a message key with its argument. */
    public record Refusal(String key, int line, String reason, String detail) {}
}
