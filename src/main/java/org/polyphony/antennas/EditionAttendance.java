package org.polyphony.antennas;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The attendance counts organisers recorded after an edition's meetings (the Civil Society Days and the hubs'
 * meetings, cancelled ones left out), for statistics about who takes part. Counts only: nobody's attendance is
 * recorded per person. Whoever shows them applies the small-cell rule.
 */
@Component
public class EditionAttendance {

    private final JdbcClient jdbc;

    EditionAttendance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One meeting's count in one category of a dimension: {@code REGION} (a region code as recorded) or
     * {@code GENDER} (in the words people chose), with the month the meeting began ({@code 2009-10}, UTC).
     */
    public record Count(long meetingId, String month, String dimension, String category, long people) {}

    public List<Count> counts(long editionId) {
        return jdbc.sql(
                        """
                        SELECT m.id, to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM'), a.dimension, a.category, a.people
                          FROM antennas_attendance a JOIN antennas_meeting m ON m.id = a.meeting_id
                         WHERE m.edition_id = :e AND m.cancelled_at IS NULL AND a.people > 0
                         ORDER BY m.id, a.dimension, a.category
                        """)
                .param("e", editionId)
                .query((rs, n) ->
                        new Count(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }
}
