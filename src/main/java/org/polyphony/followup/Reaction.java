package org.polyphony.followup;

import java.time.Instant;

/** Another organisation's standing on an update: it confirms or contests the claimed progress. */
public record Reaction(long id, long updateId, Stance stance, long organisationId, String body, Instant createdAt) {

    public enum Stance {
        CONFIRM,
        CONTEST
    }
}
