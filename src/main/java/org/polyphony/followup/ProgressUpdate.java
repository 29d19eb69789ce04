package org.polyphony.followup;

import java.time.Instant;

/** A dated progress update of a commitment, signed by its organisation (or by an organiser for a state). */
public record ProgressUpdate(
        long id,
        long commitmentId,
        CompletionLevel level,
        String body,
        String language,
        Long authorId,
        boolean verified,
        Instant verifiedAt,
        Instant createdAt) {}
