package org.polyphony.antennas;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A meeting's moments written for a reader: in the meeting's own time zone, with the zone's name. Readers' time zones
 * are not collected; the page gives UTC too, and the iCalendar file lets each calendar show its own.
 */
public final class MeetingTimes {

    private MeetingTimes() {}

    public static String inZone(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(instant)
                + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    /** The time of day only, in the meeting's zone. */
    public static String timeInZone(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(instant);
    }

    static String date(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate().toString();
    }

    static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(instant);
    }
}
