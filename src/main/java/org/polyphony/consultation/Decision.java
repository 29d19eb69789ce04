package org.polyphony.consultation;

import java.util.Arrays;
import java.util.Optional;

/** What the drafting team made of a comment; every decision but acceptance needs a reason. */
enum Decision {
    ACCEPTED(false),
    PARTLY_ACCEPTED(true),
    NOT_ACCEPTED(true),
    OUT_OF_SCOPE(true);

    final boolean needsReason;

    Decision(boolean needsReason) {
        this.needsReason = needsReason;
    }

    static Optional<Decision> of(String code) {
        return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
    }

    String messageKey() {
        return "consultation.decision." + name();
    }
}
