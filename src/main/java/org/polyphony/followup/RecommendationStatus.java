package org.polyphony.followup;

import java.util.Arrays;
import java.util.Optional;

/** Where a recommendation stands; carried over when the next edition took it up. */
public enum RecommendationStatus {
    OPEN,
    IN_PROGRESS,
    ACHIEVED,
    CARRIED_OVER,
    CLOSED;

    static Optional<RecommendationStatus> of(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
