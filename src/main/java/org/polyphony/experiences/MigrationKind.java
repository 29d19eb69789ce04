package org.polyphony.experiences;

import java.util.Optional;

/** The kinds of migration in the concept note's own terms. */
public enum MigrationKind {
    /** Up to one year. */
    TEMPORARY("temporary"),
    CIRCULAR("circular"),
    /** Up to five years. */
    MEDIUM_TERM("medium-term"),
    LONG_TERM("long-term"),
    /** Return and reintegration. */
    RETURN("return");

    private final String code;

    MigrationKind(String code) {
        this.code = code;
    }

    /** Also its form in JSON, as in the CSV export and the forms ("long-term"). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    static Optional<MigrationKind> of(String code) {
        for (MigrationKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
