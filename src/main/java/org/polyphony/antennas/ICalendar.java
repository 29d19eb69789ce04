package org.polyphony.antennas;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Meetings as iCalendar (RFC 5545): times in UTC, so every calendar shows them in its reader's own zone. The online
 * link is never in a file or feed: it is shown only to registered people on the meeting's page.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {}

    static String of(List<Meeting> meetings, String baseUrl, String calendarName, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Polyphony//Regional Antennas//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(calendarName));
        for (Meeting m : meetings) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:meeting-" + m.id() + "@polyphony");
            line(ics, "DTSTAMP:" + UTC.format(now));
            line(ics, "DTSTART:" + UTC.format(m.startsAt()));
            line(ics, "DTEND:" + UTC.format(m.endsAt()));
            line(ics, "SUMMARY:" + text(m.title()));
            if (!m.place().isEmpty()) {
                line(ics, "LOCATION:" + text(m.place()));
            }
            line(ics, "URL:" + baseUrl + "/meetings/" + m.id());
            line(ics, "STATUS:" + (m.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replaceAll("\\p{Cntrl}", "");
    }

    /** Appends a content line folded at 75 octets, ended by CRLF. */
    private static void line(StringBuilder out, String line) {
        byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < line.length()) {
            int end = start;
            int octets = 0;
            int limit = first ? 75 : 74;
            while (end < line.length()) {
                int cp = line.codePointAt(end);
                int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    break;
                }
                octets += size;
                end += Character.charCount(cp);
            }
            out.append(first ? "" : " ").append(line, start, end).append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
