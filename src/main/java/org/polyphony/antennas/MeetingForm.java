package org.polyphony.antennas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A meeting as typed: dates, times and capacity stay text until checked, so that what a person typed comes back
 * with a message rather than a failure. The programme is one agenda item a line, "3.2: title" linking a session.
 */
public record MeetingForm(
        @NotBlank(message = "{antennas.meeting.title.required}")
                @Size(max = 200, message = "{antennas.meeting.title.length}")
                String title,
        String kind,
        String date,
        String startTime,
        String endTime,
        String timeZone,
        String mode,
        @Size(max = 300, message = "{antennas.meeting.place.length}") String place,
        @Size(max = 500, message = "{antennas.meeting.link.length}") String onlineLink,
        String capacity,
        @Size(max = 300, message = "{antennas.meeting.question.length}") String question,
        @Size(max = 5000, message = "{antennas.meeting.programme.length}") String programme,
        String language) {

    static MeetingForm blank(String language) {
        return new MeetingForm("", "REGIONAL", "", "10:00", "12:00", "UTC", "ONLINE", "", "", "", "", "", language);
    }
}
