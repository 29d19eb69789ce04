package org.polyphony.antennas;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A meeting: its times are kept as instants and shown in its own time zone and the reader's. The online link is
 * shown only to registered people. {@code hubId} null: a meeting of the edition (the Civil Society Days).
 */
public record Meeting(
        long id,
        long editionId,
        Long hubId,
        MeetingKind kind,
        String title,
        String language,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        MeetingMode mode,
        String place,
        String onlineLink,
        Integer capacity,
        String question,
        boolean registrationOpen,
        Instant cancelledAt,
        String minutes,
        String minutesHtml,
        String minutesLanguage,
        String outcomes,
        List<AgendaItem> programme) {

    public record AgendaItem(int position, String title, Long sessionId) {}

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean over(Instant now) {
        return !endsAt.isAfter(now);
    }

    /** The outcomes, one a line, numbered from 1 as they are cited. */
    public List<String> outcomeLines() {
        return outcomes == null
                ? List.of()
                : outcomes.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
