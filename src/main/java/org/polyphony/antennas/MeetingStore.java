package org.polyphony.antennas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings, their programme, registrations and attendance counts. */
@Repository
class MeetingStore {

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Details(
            MeetingKind kind,
            String title,
            String language,
            Instant startsAt,
            Instant endsAt,
            ZoneId zone,
            MeetingMode mode,
            String place,
            String onlineLink,
            Integer capacity,
            String question) {}

    long insert(long editionId, Long hubId, Details d) {
        return jdbc.sql(
                        """
                        INSERT INTO antennas_meeting (edition_id, hub_id, kind, title, language, starts_at, ends_at,
                            time_zone, mode, place, online_link, capacity, question)
                        VALUES (:e, :h, :k, :t, :l, :s, :en, :z, :m, :p, :o, :c, :q) RETURNING id
                        """)
                .param("e", editionId)
                .param("h", hubId)
                .params(params(d))
                .query(Long.class)
                .single();
    }

    void update(long id, Details d) {
        jdbc.sql(
                        """
                        UPDATE antennas_meeting SET kind = :k, title = :t, language = :l, starts_at = :s,
                            ends_at = :en, time_zone = :z, mode = :m, place = :p, online_link = :o, capacity = :c,
                            question = :q
                         WHERE id = :id
                        """)
                .param("id", id)
                .params(params(d))
                .update();
    }

    private static Map<String, Object> params(Details d) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("k", d.kind().name());
        p.put("t", d.title());
        p.put("l", d.language());
        p.put("s", java.sql.Timestamp.from(d.startsAt()));
        p.put("en", java.sql.Timestamp.from(d.endsAt()));
        p.put("z", d.zone().getId());
        p.put("m", d.mode().name());
        p.put("p", d.place());
        p.put("o", d.onlineLink());
        p.put("c", d.capacity());
        p.put("q", d.question());
        return p;
    }

    void replaceProgramme(long meetingId, List<Meeting.AgendaItem> items) {
        jdbc.sql("DELETE FROM antennas_meeting_item WHERE meeting_id = :m")
                .param("m", meetingId)
                .update();
        for (Meeting.AgendaItem item : items) {
            jdbc.sql(
                            "INSERT INTO antennas_meeting_item (meeting_id, position, title, session_id) VALUES (:m, :p, :t, :s)")
                    .param("m", meetingId)
                    .param("p", item.position())
                    .param("t", item.title())
                    .param("s", item.sessionId())
                    .update();
        }
    }

    Optional<Meeting> find(long id) {
        return jdbc.sql("SELECT * FROM antennas_meeting WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> meeting(rs))
                .optional()
                .map(this::withProgramme);
    }

    /** Locks the meeting's row for the rest of the transaction: registrations are counted one at a time. */
    void lock(long id) {
        jdbc.sql("SELECT id FROM antennas_meeting WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Long.class)
                .list();
    }

    List<Meeting> ofHub(long hubId) {
        return jdbc.sql("SELECT * FROM antennas_meeting WHERE hub_id = :h ORDER BY starts_at")
                .param("h", hubId)
                .query((rs, n) -> meeting(rs))
                .list();
    }

    List<Meeting> ofEdition(long editionId) {
        return jdbc.sql("SELECT * FROM antennas_meeting WHERE edition_id = :e ORDER BY starts_at")
                .param("e", editionId)
                .query((rs, n) -> meeting(rs))
                .list();
    }

    void cancel(long id) {
        jdbc.sql("UPDATE antennas_meeting SET cancelled_at = now(), registration_open = false WHERE id = :id")
                .param("id", id)
                .update();
    }

    void setRegistrationOpen(long id, boolean open) {
        jdbc.sql("UPDATE antennas_meeting SET registration_open = :o WHERE id = :id AND cancelled_at IS NULL")
                .param("id", id)
                .param("o", open)
                .update();
    }

    void saveMinutes(long id, String minutes, String html, String language, String outcomes) {
        jdbc.sql(
                        """
                        UPDATE antennas_meeting SET minutes = :m, minutes_html = :h, minutes_language = :l,
                               outcomes = :o WHERE id = :id
                        """)
                .param("id", id)
                .param("m", minutes)
                .param("h", html)
                .param("l", language)
                .param("o", outcomes)
                .update();
    }

    void replaceAttendance(long id, String dimension, Map<String, Integer> counts) {
        jdbc.sql("DELETE FROM antennas_attendance WHERE meeting_id = :m AND dimension = :d")
                .param("m", id)
                .param("d", dimension)
                .update();
        counts.forEach((category, people) -> jdbc.sql(
                        "INSERT INTO antennas_attendance (meeting_id, dimension, category, people) VALUES (:m, :d, :c, :p)")
                .param("m", id)
                .param("d", dimension)
                .param("c", category)
                .param("p", people)
                .update());
    }

    Map<String, Integer> attendance(long id, String dimension) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        "SELECT category, people FROM antennas_attendance WHERE meeting_id = :m AND dimension = :d ORDER BY category")
                .param("m", id)
                .param("d", dimension)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    record Registration(long accountId, boolean waiting, String answer, Instant at) {}

    List<Registration> registrations(long meetingId) {
        return jdbc.sql(
                        """
                        SELECT account_id, status, answer, registered_at FROM antennas_registration
                         WHERE meeting_id = :m ORDER BY registered_at, account_id
                        """)
                .param("m", meetingId)
                .query((rs, n) -> new Registration(
                        rs.getLong(1),
                        "WAITING".equals(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    Optional<Registration> registration(long meetingId, long accountId) {
        return jdbc.sql(
                        """
                        SELECT account_id, status, answer, registered_at FROM antennas_registration
                         WHERE meeting_id = :m AND account_id = :a
                        """)
                .param("m", meetingId)
                .param("a", accountId)
                .query((rs, n) -> new Registration(
                        rs.getLong(1),
                        "WAITING".equals(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    int registeredCount(long meetingId) {
        return jdbc.sql("SELECT count(*) FROM antennas_registration WHERE meeting_id = :m AND status = 'REGISTERED'")
                .param("m", meetingId)
                .query(Integer.class)
                .single();
    }

    void register(long meetingId, long accountId, boolean waiting, String answer) {
        jdbc.sql(
                        """
                        INSERT INTO antennas_registration (meeting_id, account_id, status, answer)
                        VALUES (:m, :a, :s, :q) ON CONFLICT (meeting_id, account_id) DO NOTHING
                        """)
                .param("m", meetingId)
                .param("a", accountId)
                .param("s", waiting ? "WAITING" : "REGISTERED")
                .param("q", answer)
                .update();
    }

    boolean unregister(long meetingId, long accountId) {
        return jdbc.sql("DELETE FROM antennas_registration WHERE meeting_id = :m AND account_id = :a")
                        .param("m", meetingId)
                        .param("a", accountId)
                        .update()
                > 0;
    }

    /** Moves the first people of the waiting list up while there are free places. */
    void promoteWaiting(long meetingId, int places) {
        if (places <= 0) {
            return;
        }
        jdbc.sql(
                        """
                        UPDATE antennas_registration SET status = 'REGISTERED'
                         WHERE meeting_id = :m AND account_id IN (
                               SELECT account_id FROM antennas_registration
                                WHERE meeting_id = :m AND status = 'WAITING'
                                ORDER BY registered_at, account_id LIMIT :n)
                        """)
                .param("m", meetingId)
                .param("n", places)
                .update();
    }

    void forget(long accountId) {
        jdbc.sql("DELETE FROM antennas_registration WHERE account_id = :a")
                .param("a", accountId)
                .update();
    }

    private Meeting withProgramme(Meeting m) {
        List<Meeting.AgendaItem> items = jdbc.sql(
                        "SELECT position, title, session_id FROM antennas_meeting_item WHERE meeting_id = :m ORDER BY position")
                .param("m", m.id())
                .query((rs, n) -> new Meeting.AgendaItem(rs.getInt(1), rs.getString(2), (Long) rs.getObject(3)))
                .list();
        return new Meeting(
                m.id(),
                m.editionId(),
                m.hubId(),
                m.kind(),
                m.title(),
                m.language(),
                m.startsAt(),
                m.endsAt(),
                m.zone(),
                m.mode(),
                m.place(),
                m.onlineLink(),
                m.capacity(),
                m.question(),
                m.registrationOpen(),
                m.cancelledAt(),
                m.minutes(),
                m.minutesHtml(),
                m.minutesLanguage(),
                m.outcomes(),
                items);
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        java.sql.Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new Meeting(
                rs.getLong("id"),
                rs.getLong("edition_id"),
                (Long) rs.getObject("hub_id"),
                MeetingKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("language"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")),
                MeetingMode.valueOf(rs.getString("mode")),
                rs.getString("place"),
                rs.getString("online_link"),
                (Integer) rs.getObject("capacity"),
                rs.getString("question"),
                rs.getBoolean("registration_open"),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getString("minutes"),
                rs.getString("minutes_html"),
                rs.getString("minutes_language"),
                rs.getString("outcomes"),
                List.of());
    }
}
