package org.polyphony.opinions;

import java.util.Optional;

/** A vote as forms and the API name it, and as the analysis counts it. */
public enum VoteChoice {
    AGREE(1),
    DISAGREE(-1),
    PASS(0);

    private final int value;

    VoteChoice(int value) {
        this.value = value;
    }

    int value() {
        return value;
    }

    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<VoteChoice> of(String parameter) {
        for (VoteChoice choice : values()) {
            if (choice.parameter().equals(parameter)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }

    static VoteChoice ofValue(int value) {
        return value > 0 ? AGREE : value < 0 ? DISAGREE : PASS;
    }
}
