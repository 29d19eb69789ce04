package org.polyphony.people;

import java.time.Instant;

/** A partnership asked by one organisation of another, as the organisations' pages list it. */
public record Partnership(
        long id, long fromId, String fromName, long toId, String toName, String message, Status status, Instant at) {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED
    }

    /** The other organisation, seen from {@code organisation}. */
    public long partnerOf(long organisation) {
        return organisation == fromId ? toId : fromId;
    }

    public String partnerNameOf(long organisation) {
        return organisation == fromId ? toName : fromName;
    }
}
