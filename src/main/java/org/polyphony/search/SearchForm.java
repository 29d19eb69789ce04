package org.polyphony.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The search box and its filters, all optional but the words. Dates stay text as typed, so that a mistyped date
 * is shown back to the person with its error instead of vanishing.
 */
public record SearchForm(
        String q, String edition, String session, String author, String from, String to, Integer page) {

    public String valueOrEmpty(String value) {
        return value == null ? "" : value;
    }

    public boolean filtered() {
        return isSet(edition) || isSet(session) || isSet(author) || isSet(from) || isSet(to);
    }

    int pageOrFirst() {
        return page == null || page < 1 ? 1 : Math.min(page, 500);
    }

    /** The date typed in a field; empty when blank; null when it is not a date (year-month-day). */
    static Optional<LocalDate> date(String typed) {
        if (!isSet(typed)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.strip()));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
