package org.polyphony.followup;

import java.util.Arrays;
import java.util.Optional;

/** How far a commitment has come, as its organisation claims in an update (the Open Government Partnership's scale). */
public enum CompletionLevel {
    NOT_STARTED,
    LIMITED,
    SUBSTANTIAL,
    COMPLETE,
    WITHDRAWN;

    static Optional<CompletionLevel> of(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }

    /** A rough share done, for the progress bar; withdrawn counts as nothing. */
    int percent() {
        return switch (this) {
            case NOT_STARTED, WITHDRAWN -> 0;
            case LIMITED -> 25;
            case SUBSTANTIAL -> 66;
            case COMPLETE -> 100;
        };
    }
}
