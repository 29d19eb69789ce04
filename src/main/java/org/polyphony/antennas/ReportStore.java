package org.polyphony.antennas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports, their sessions, key points, citations, review comments and published versions. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long hubId, String title, String introduction, String language) {
        return jdbc.sql(
                        """
                        INSERT INTO antennas_report (hub_id, title, introduction, language, status)
                        VALUES (:h, :t, :i, :l, 'DRAFT') RETURNING id
                        """)
                .param("h", hubId)
                .param("t", title)
                .param("i", introduction)
                .param("l", language)
                .query(Long.class)
                .single();
    }

    void update(long id, String title, String introduction, String language) {
        jdbc.sql("UPDATE antennas_report SET title = :t, introduction = :i, language = :l WHERE id = :id")
                .param("id", id)
                .param("t", title)
                .param("i", introduction)
                .param("l", language)
                .update();
    }

    void replaceSessions(long id, Collection<Long> sessions) {
        jdbc.sql("DELETE FROM antennas_report_session WHERE report_id = :r")
                .param("r", id)
                .update();
        for (long session : sessions) {
            jdbc.sql("INSERT INTO antennas_report_session (report_id, session_id) VALUES (:r, :s)")
                    .param("r", id)
                    .param("s", session)
                    .update();
        }
    }

    void setStatus(long id, ReportStatus status) {
        jdbc.sql("UPDATE antennas_report SET status = :s WHERE id = :id")
                .param("id", id)
                .param("s", status.name())
                .update();
    }

    /** Publishes: the next version number, and the moment of first publication. */
    int publish(long id) {
        return jdbc.sql(
                        """
                        UPDATE antennas_report SET status = 'PUBLISHED', version = version + 1,
                               published_at = coalesce(published_at, now())
                         WHERE id = :id RETURNING version
                        """)
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    void submit(long id) {
        jdbc.sql("UPDATE antennas_report SET submitted_at = coalesce(submitted_at, now()) WHERE id = :id")
                .param("id", id)
                .update();
    }

    Optional<Report> find(long id) {
        return jdbc.sql("SELECT * FROM antennas_report WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> head(rs))
                .optional()
                .map(this::complete);
    }

    List<Report> ofHub(long hubId) {
        return jdbc
                .sql("SELECT * FROM antennas_report WHERE hub_id = :h ORDER BY created_at DESC, id DESC")
                .param("h", hubId)
                .query((rs, n) -> head(rs))
                .list()
                .stream()
                .map(this::complete)
                .toList();
    }

    /** Published reports that address a session, newest first. */
    List<Report> publishedFor(long sessionId) {
        return jdbc
                .sql(
                        """
                        SELECT r.* FROM antennas_report r JOIN antennas_report_session s ON s.report_id = r.id
                         WHERE s.session_id = :s AND r.status = 'PUBLISHED'
                         ORDER BY r.published_at DESC, r.id DESC
                        """)
                .param("s", sessionId)
                .query((rs, n) -> head(rs))
                .list()
                .stream()
                .map(this::complete)
                .toList();
    }

    /** Published reports of these hubs. */
    List<Report> publishedOf(Collection<Long> hubIds) {
        if (hubIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("SELECT * FROM antennas_report WHERE hub_id IN (:h) AND status = 'PUBLISHED' ORDER BY id")
                .param("h", hubIds)
                .query((rs, n) -> head(rs))
                .list()
                .stream()
                .map(this::complete)
                .toList();
    }

    long insertKeyPoint(long reportId, String text) {
        return jdbc.sql(
                        """
                        INSERT INTO antennas_key_point (report_id, position, text)
                        VALUES (:r, (SELECT coalesce(max(position), 0) + 1 FROM antennas_key_point WHERE report_id = :r), :t)
                        RETURNING id
                        """)
                .param("r", reportId)
                .param("t", text)
                .query(Long.class)
                .single();
    }

    void updateKeyPoint(long keyPointId, String text) {
        jdbc.sql("UPDATE antennas_key_point SET text = :t WHERE id = :id")
                .param("id", keyPointId)
                .param("t", text)
                .update();
    }

    void deleteKeyPoint(long keyPointId) {
        jdbc.sql("DELETE FROM antennas_key_point WHERE id = :id")
                .param("id", keyPointId)
                .update();
    }

    void insertCitation(long keyPointId, CitationKind kind, long sourceId, String detail) {
        jdbc.sql(
                        """
                        INSERT INTO antennas_citation (key_point_id, kind, source_id, detail) VALUES (:k, :kind, :s, :d)
                        ON CONFLICT DO NOTHING
                        """)
                .param("k", keyPointId)
                .param("kind", kind.name())
                .param("s", sourceId)
                .param("d", detail)
                .update();
    }

    void deleteCitation(long citationId, long reportId) {
        jdbc.sql(
                        """
                        DELETE FROM antennas_citation c USING antennas_key_point k
                         WHERE c.id = :c AND c.key_point_id = k.id AND k.report_id = :r
                        """)
                .param("c", citationId)
                .param("r", reportId)
                .update();
    }

    record Comment(long id, Long keyPointId, Long authorId, String body, Instant at) {}

    void insertComment(long reportId, Long keyPointId, long authorId, String body) {
        jdbc.sql(
                        "INSERT INTO antennas_report_comment (report_id, key_point_id, author_id, body) VALUES (:r, :k, :a, :b)")
                .param("r", reportId)
                .param("k", keyPointId)
                .param("a", authorId)
                .param("b", body)
                .update();
    }

    List<Comment> comments(long reportId) {
        return jdbc.sql(
                        """
                        SELECT id, key_point_id, author_id, body, created_at FROM antennas_report_comment
                         WHERE report_id = :r ORDER BY created_at, id
                        """)
                .param("r", reportId)
                .query((rs, n) -> new Comment(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    record Version(int version, String title, String introduction, List<String> keyPoints, String note, Instant at) {}

    void insertVersion(
            long reportId, int version, String title, String introduction, List<String> keyPoints, String note) {
        jdbc.sql(
                        """
                        INSERT INTO antennas_report_version (report_id, version, title, introduction, key_points, note)
                        VALUES (:r, :v, :t, :i, :k, :n)
                        """)
                .param("r", reportId)
                .param("v", version)
                .param("t", title)
                .param("i", introduction)
                .param("k", Json.strings(keyPoints))
                .param("n", note)
                .update();
    }

    List<Version> versions(long reportId) {
        return jdbc.sql(
                        """
                        SELECT version, title, introduction, key_points, note, published_at FROM antennas_report_version
                         WHERE report_id = :r ORDER BY version DESC
                        """)
                .param("r", reportId)
                .query((rs, n) -> new Version(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        Json.parseStrings(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    void forgetCommentAuthor(long accountId) {
        jdbc.sql("UPDATE antennas_report_comment SET author_id = NULL WHERE author_id = :a")
                .param("a", accountId)
                .update();
    }

    private Report complete(Report head) {
        List<Long> sessions = jdbc.sql(
                        "SELECT session_id FROM antennas_report_session WHERE report_id = :r ORDER BY session_id")
                .param("r", head.id())
                .query(Long.class)
                .list();
        List<Report.Citation> citations = jdbc.sql(
                        """
                        SELECT c.id, c.key_point_id, c.kind, c.source_id, c.detail FROM antennas_citation c
                          JOIN antennas_key_point k ON k.id = c.key_point_id
                         WHERE k.report_id = :r ORDER BY c.id
                        """)
                .param("r", head.id())
                .query((rs, n) -> new Report.Citation(
                        rs.getLong(1),
                        rs.getLong(2),
                        CitationKind.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getString(5)))
                .list();
        Map<Long, List<Report.Citation>> byPoint =
                citations.stream().collect(Collectors.groupingBy(Report.Citation::keyPointId));
        List<Report.KeyPoint> points = jdbc.sql(
                        "SELECT id, position, text FROM antennas_key_point WHERE report_id = :r ORDER BY position, id")
                .param("r", head.id())
                .query((rs, n) -> new Report.KeyPoint(
                        rs.getLong(1), rs.getInt(2), rs.getString(3), byPoint.getOrDefault(rs.getLong(1), List.of())))
                .list();
        return new Report(
                head.id(),
                head.hubId(),
                head.title(),
                head.introduction(),
                head.language(),
                head.status(),
                head.version(),
                head.submittedAt(),
                head.publishedAt(),
                sessions,
                points);
    }

    private static Report head(ResultSet rs) throws SQLException {
        java.sql.Timestamp submitted = rs.getTimestamp("submitted_at");
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new Report(
                rs.getLong("id"),
                rs.getLong("hub_id"),
                rs.getString("title"),
                rs.getString("introduction"),
                rs.getString("language"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                submitted == null ? null : submitted.toInstant(),
                published == null ? null : published.toInstant(),
                List.of(),
                List.of());
    }
}
