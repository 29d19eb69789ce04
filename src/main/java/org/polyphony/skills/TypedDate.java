package org.polyphony.skills;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A date as a person types it in a form: year-month-day, within years PostgreSQL and people use (1900–2200). */
final class TypedDate {

    private TypedDate() {}

    static Optional<LocalDate> parse(String typed) {
        try {
            LocalDate date = LocalDate.parse(typed);
            return date.getYear() >= 1900 && date.getYear() <= 2200 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
