package org.polyphony.antennas;

import java.util.List;

/** What the meeting pages show. */
public final class MeetingViews {

    private MeetingViews() {}

    /** One attendance figure; {@code people} empty when the small-cell rule hides it. */
    public record Figure(String label, java.util.OptionalLong people) {}

    public record Attendance(List<Figure> byRegion, List<Figure> byGender) {}

    /** An agenda item, with its session's code when it is about one. */
    public record Item(int position, String title, String sessionCode) {}

    /** The reader's registration: none, registered (sees the link) or waiting. */
    public enum Standing {
        NONE,
        REGISTERED,
        WAITING
    }

    public record Registrant(String name, boolean waiting, String answer) {}
}
