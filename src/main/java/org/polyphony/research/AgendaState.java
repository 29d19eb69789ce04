package org.polyphony.research;

import java.time.Instant;

/** A research agenda's state: the session it belongs to, its opinion conversation (once opened), its publication. */
public record AgendaState(Long sessionId, Long conversationId, Instant publishedAt) {

    static final AgendaState NEW = new AgendaState(null, null, null);

    public boolean published() {
        return publishedAt != null;
    }
}
