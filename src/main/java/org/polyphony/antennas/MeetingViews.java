package org.polyphony.antennas;

import java.util.List;

/** What the meeting pages show. */
public final class MeetingViews {

    private MeetingViews() {}

    /** One attendance figure; {@code people} empty when it is hidden (small, or so that a small one stays hidden). */
    public record Figure(String label, java.util.OptionalLong people) {}

    /** The counts of one dimension and their total, each empty when hidden. */
    public record Dimension(List<Figure> figures, java.util.OptionalLong total) {

        public boolean isEmpty() {
            return figures.isEmpty();
        }
    }

    public record Attendance(Dimension byRegion, Dimension byGender) {}

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
